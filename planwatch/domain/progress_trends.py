"""Month-by-month counts behind the dashboards: overdue actions and burn-up.

The status groups they chart by are the counting rules' (`domain.counting.STATUS_GROUPS`).

The rules live here, apart from the database, so each can be tested on its own and the
reports and the dashboards count the same way.
"""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from planwatch.domain.deadlines import is_late_on
from planwatch.domain.fuzzy_dates import FuzzyDate


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_label(month: date) -> str:
    return f"{month:%b %Y}"


def is_overdue(*, due: FuzzyDate, first_done: date | None, month: date) -> bool:
    """Overdue at the end of `month`: a deadline passed before the month ended (see
    `deadlines.is_late_on`: a recurring action's latest) and not yet done by then.

    `first_done` is the first month the action was Complete or Closed. An action with no
    date that can be passed (TBC, ongoing, unreadable) is never overdue: it cannot be late
    against a date nobody set.
    """
    end = month_end(month)
    if first_done is not None and first_done <= end:
        return False
    return is_late_on(due, end)


def overdue_counts(
    actions: Iterable[tuple[FuzzyDate, date | None]], months: Sequence[date]
) -> tuple[int, ...]:
    """For each month, how many of the (due, first_done) actions were overdue."""
    rows = list(actions)
    return tuple(
        sum(is_overdue(due=due, first_done=done, month=month) for due, done in rows)
        for month in months
    )


def cumulative_counts(days: Iterable[date | None], months: Sequence[date]) -> tuple[int, ...]:
    """For each month, how many of the days fall on or before that month's last day."""
    known = [day for day in days if day is not None]
    return tuple(sum(day <= month_end(month) for day in known) for month in months)
