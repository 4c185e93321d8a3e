"""Month-by-month counts behind the dashboards: status groups, overdue actions, burn-up.

The rules live here, apart from the database, so each can be tested on its own and the
reports and the dashboards count the same way.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planwatch.domain.charts import BLUE, DARK_GREY, GREEN, GREY, ORANGE, PURPLE, RED
from planwatch.domain.counting import DONE_STATUSES
from planwatch.domain.statuses import Status


@dataclass(frozen=True)
class StatusGroup:
    key: str
    label: str
    colour: str
    statuses: frozenset[Status]


# The summaries' own groups, in the order the stacked bars draw them from the bottom up;
# anything else (on hold, N/A, assurance, duplicate, blank ...) is "Other", never dropped.
STATUS_GROUPS: tuple[StatusGroup, ...] = (
    StatusGroup("on_track", "On track", GREEN, frozenset({Status.ON_TRACK})),
    StatusGroup("medium", "Medium progress", ORANGE, frozenset({Status.MEDIUM_PROGRESS})),
    StatusGroup(
        "significant", "Significant issues / slippage", RED, frozenset({Status.SIGNIFICANT_ISSUES})
    ),
    StatusGroup("not_due", "Not due to start", GREY, frozenset({Status.NOT_DUE_TO_START})),
    StatusGroup("done", "Complete or closed", BLUE, DONE_STATUSES),
    # Not one of the council's ratings, but a month can add dozens of actions at once.
    StatusGroup("new", "New action added", PURPLE, frozenset({Status.NEW_ACTION})),
)
OTHER_GROUP = StatusGroup("other", "Other", DARK_GREY, frozenset())
ALL_GROUPS: tuple[StatusGroup, ...] = (*STATUS_GROUPS, OTHER_GROUP)


def status_group(status: str) -> StatusGroup:
    """The group a stored status value is counted in; unknown values count as Other."""
    for group in STATUS_GROUPS:
        if status in group.statuses:
            return group
    return OTHER_GROUP


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_label(month: date) -> str:
    return f"{month:%b %Y}"


def is_overdue(*, due_latest: date | None, first_done: date | None, month: date) -> bool:
    """Overdue at the end of `month`: due before the month ended and not yet done by then.

    `first_done` is the first month the action was Complete or Closed. An action with no
    date that can be passed (TBC, ongoing, unreadable) is never overdue: it cannot be late
    against a date nobody set.
    """
    if due_latest is None:
        return False
    if first_done is not None and first_done <= month_end(month):
        return False
    return due_latest < month_end(month)


def overdue_counts(
    actions: Iterable[tuple[date | None, date | None]], months: Sequence[date]
) -> tuple[int, ...]:
    """For each month, how many of the (due_latest, first_done) actions were overdue."""
    rows = list(actions)
    return tuple(
        sum(is_overdue(due_latest=due, first_done=done, month=month) for due, done in rows)
        for month in months
    )


def cumulative_counts(days: Iterable[date | None], months: Sequence[date]) -> tuple[int, ...]:
    """For each month, how many of the days fall on or before that month's last day."""
    known = [day for day in days if day is not None]
    return tuple(sum(day <= month_end(month) for day in known) for month in months)
