"""The deadline a due date sets on a given day: the one rule every lateness figure uses.

A one-off due date has one deadline, the latest day its text allows. A recurring one ("Aug 2022
and then quarterly") has a first deadline, the end of August 2022, and then one every
`every_months` months: 30 Nov 2022, 28 Feb 2023, 31 May 2023... A deadline at the end of a
month stays at the end of a month; any other day keeps its number, moved back to the last day
of a shorter month (31 Jan, then 28 Feb, then 31 Mar).

On a given day an action answers to the latest deadline that has passed (strictly before the
day: the deadline day itself is still in time), and before the first one has passed, to the
first. So on 15 Dec 2022 "Aug 2022 and then quarterly" is judged against 30 Nov 2022, exactly
as a one-off "Nov 2022" would be, and before 1 Sep 2022 it is not yet due. A rhythm with no
first deadline ("Quarterly") sets no deadline and cannot be late; one not in months ("Aug 2022
then weekly") keeps only its first.

Overdue, slippage and implied ratings all read a due date through `due_on`, so a recurring
action is exactly as late on every page.
"""

from collections.abc import Iterator
from datetime import date, timedelta

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate

# Kinds whose latest day is a deadline: dated ones, TBC within a range ("TBC 2023") and the
# first occurrence of a rhythm. Blank, ongoing, done and unreadable texts set none.
DEADLINE_KINDS: frozenset[DateKind] = frozenset(
    {
        DateKind.EXACT,
        DateKind.MONTH,
        DateKind.SEASON,
        DateKind.PART_OF_YEAR,
        DateKind.YEAR,
        DateKind.UNKNOWN,
        DateKind.RECURRING,
    }
)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _months_after(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    last = _month_end(year, month + 1)
    if _is_month_end(first):
        return last
    return last.replace(day=min(first.day, last.day))


def is_recurring(due: FuzzyDate) -> bool:
    """A rhythm with a first deadline and a whole number of months between deadlines."""
    return first_deadline(due) is not None and (due.every_months or 0) > 0


def first_deadline(due: FuzzyDate) -> date | None:
    """The first (for a one-off date, the only) deadline; None when the text sets none."""
    return due.latest if due.kind in DEADLINE_KINDS else None


def deadlines(due: FuzzyDate) -> Iterator[date]:
    """Every deadline the due date sets, in order: endless for a recurring one."""
    first = first_deadline(due)
    if first is None:
        return
    every = due.every_months if is_recurring(due) else None
    if every is None:
        yield first
        return
    step = 0
    while True:
        try:
            yield _months_after(first, step * every)
        except (ValueError, OverflowError):  # past the year 9999: the calendar has ended
            return
        step += 1


def deadlines_until(due: FuzzyDate, until: date) -> tuple[date, ...]:
    """The deadlines on or before `until`, in order."""
    found: list[date] = []
    for deadline in deadlines(due):
        if deadline > until:
            break
        found.append(deadline)
    return tuple(found)


def deadline_on(due: FuzzyDate, as_of: date) -> date | None:
    """The latest deadline that has passed by `as_of` (before it); None if none has yet."""
    passed = deadlines_until(due, as_of - timedelta(days=1)) if as_of > date.min else ()
    return passed[-1] if passed else None


def due_on(due: FuzzyDate, as_of: date) -> date | None:
    """The deadline the action answers to on `as_of`: the latest passed, else the first."""
    return deadline_on(due, as_of) or first_deadline(due)


def is_late_on(due: FuzzyDate, as_of: date) -> bool:
    """Whether a deadline has passed by `as_of` (completion is the caller's to rule out)."""
    return deadline_on(due, as_of) is not None
