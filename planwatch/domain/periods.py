"""Reporting periods: the quarter for Cabinet, the half-year for the Commissioners' report.

A period is a run of whole reporting months ending with a named month. The tracker may not
cover all of it (the sample holds only Sep and Oct 2022), so a period report says which of
its months have updates and measures "start" and "end" at the first and last of those, never
at a month it has no data for.

A completion is dated by the first month an action is rated Complete or Closed, and only
when the month before has an update (which, being earlier, is not Complete). Without one,
say in the first month on record, the action may have finished any time before: its month of
completion is not known, and a period report must not count it as completed in the period.
This is the monthly Theme Progress Summary's rule, so the two reports agree.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from planwatch.domain.counting import add_months as month_add

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def month_list_label(months: Iterable[date]) -> str:
    """ "Sep 2022 and Oct 2022", "Aug 2022, Sep 2022 and Oct 2022", or "none"."""
    labels = [month_label(month) for month in months]
    if not labels:
        return "none"
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


@dataclass(frozen=True)
class Period:
    """`months` reporting months ending with `end` (both first days of their month)."""

    end: date
    length: int

    def __post_init__(self) -> None:
        if self.end.day != 1:
            raise ValueError("a period ends with a month: give its first day")
        if self.length < 1:
            raise ValueError("a period has at least one month")

    @property
    def start(self) -> date:
        return month_add(self.end, 1 - self.length)

    @property
    def months(self) -> tuple[date, ...]:
        return tuple(month_add(self.start, offset) for offset in range(self.length))

    @property
    def after(self) -> date:
        """The first day after the period (exclusive upper bound for dates in it)."""
        return month_add(self.end, 1)

    @property
    def label(self) -> str:
        """ "Aug – Oct 2022", "Nov 2022 – Apr 2023", "Oct 2022"."""
        start, end = self.start, self.end
        if start == end:
            return month_label(end)
        if start.year == end.year:
            return f"{MONTH_NAMES[start.month - 1]} – {month_label(end)}"
        return f"{month_label(start)} – {month_label(end)}"

    def contains(self, day: date) -> bool:
        return self.start <= day < self.after


@dataclass(frozen=True)
class Coverage:
    """Which of a period's months the tracker has updates for."""

    period: Period
    months_with_data: tuple[date, ...]

    @property
    def months_without_data(self) -> tuple[date, ...]:
        return tuple(m for m in self.period.months if m not in self.months_with_data)

    @property
    def complete(self) -> bool:
        return not self.months_without_data

    @property
    def first(self) -> date | None:
        return self.months_with_data[0] if self.months_with_data else None

    @property
    def last(self) -> date | None:
        return self.months_with_data[-1] if self.months_with_data else None

    def sentence(self) -> str:
        if not self.months_with_data:
            return f"The tracker has no monthly updates for {self.period.label}."
        text = f"Monthly updates cover {month_list_label(self.months_with_data)}"
        if self.complete:
            return text + ", the whole period."
        missing = month_list_label(self.months_without_data)
        return (
            text + f"; there are none for {missing}, so figures for the start of the period "
            f"are as at {month_label(self.months_with_data[0])}."
        )


def coverage_of(period: Period, months_with_data: Iterable[date]) -> Coverage:
    inside = sorted({m for m in months_with_data if period.contains(m)})
    return Coverage(period, tuple(inside))


@dataclass(frozen=True)
class Completion:
    """When an action was first rated Complete/Closed, and whether that month is known to be
    its completion month (it is only when the month before has a record, which then cannot
    be Complete or Closed)."""

    month: date
    dated: bool


def completion_of(first_done: date | None, *, month_before_recorded: bool) -> Completion | None:
    """From the month of an action's first Complete/Closed rating and whether the month
    before it has an update; None when it was never rated done."""
    if first_done is None:
        return None
    return Completion(first_done, dated=month_before_recorded)


def completions_in(period: Period, completions: Sequence[Completion | None]) -> tuple[int, int]:
    """(completed in the period, complete when first recorded during the period)."""
    dated = undated = 0
    for completion in completions:
        if completion is None or not period.contains(completion.month):
            continue
        if completion.dated:
            dated += 1
        else:
            undated += 1
    return dated, undated
