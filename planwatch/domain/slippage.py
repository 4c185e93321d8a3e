"""Slippage: how far a due date has moved from its baseline, in whole months.

The council's status thresholds are in months ("1-2 months", "more than 2 months"), so
slippage is counted in calendar months between the deadlines the two due dates set on the
reporting day (`deadlines.due_on`): a one-off date's latest day, a recurring one's latest
deadline passed by then (or its first, before that).
"""

from datetime import date

from planwatch.domain.deadlines import due_on
from planwatch.domain.fuzzy_dates import FuzzyDate


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from `earlier` to `later`; negative when `later` is before."""
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    # A part month counts only once its day is reached, so 31 Jan -> 28 Feb is 0 months.
    if months > 0 and later.day < earlier.day and not _is_month_end(later):
        months -= 1
    elif months < 0 and later.day > earlier.day and not _is_month_end(earlier):
        months += 1
    return months


def slippage_months(baseline_latest: date | None, current_latest: date | None) -> int | None:
    """Months the current due date is later than the baseline; None when either is unknown."""
    if baseline_latest is None or current_latest is None:
        return None
    return months_between(baseline_latest, current_latest)


def slippage_on(baseline: FuzzyDate, current: FuzzyDate, as_of: date) -> int | None:
    """Months the current due date's deadline on `as_of` is later than the baseline's."""
    return slippage_months(due_on(baseline, as_of), due_on(current, as_of))


def has_slipped(baseline: FuzzyDate, current: FuzzyDate, as_of: date) -> bool:
    """Whether on `as_of` the current deadline is later than the baseline's, by even a day."""
    base, now = due_on(baseline, as_of), due_on(current, as_of)
    return base is not None and now is not None and now > base


def _is_month_end(day: date) -> bool:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - day).days == 1
