"""The counting rules every figure follows, written once.

Each page, chart, JSON, CSV, Word and PDF output counts through these rules (and their one ORM
translation, `planwatch.plans.counting`), so a figure printed anywhere equals a plain recount
of the data. The status names are the tracker's status key (seed 004, "Status definitions").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planwatch.domain.charts import BLUE, DARK_GREY, GREEN, GREY, ORANGE, PURPLE, RED
from planwatch.domain.statuses import Status

__all__ = [
    "ALL_GROUPS",
    "DONE_STATUSES",
    "EXCEPTION_STATUSES",
    "FINISHED_STATUSES",
    "OTHER_GROUP",
    "OWNER_RATINGS",
    "STATUS_GROUPS",
    "Audience",
    "StatusGroup",
    "add_months",
    "counted_update_states",
    "is_counted_action",
    "is_done",
    "is_exception",
    "is_finished",
    "is_in_month_figures",
    "is_missing_update",
    "status_group",
]


class Audience(StrEnum):
    """Who a figure is for, which decides whose word on an action counts.

    The PMO works from what owners have submitted before it has reviewed it; viewers
    (Cabinet members, Commissioners, auditors) and published editions see only what the PMO
    has accepted, so an unreviewed claim never reaches them.
    """

    PMO = "pmo"
    PUBLISHED = "published"


# Update states as stored (`plans.models.UpdateState` values): a draft is the owner's work in
# progress, a returned update has been sent back by the PMO; neither is anyone's word yet.
_SUBMITTED, _ACCEPTED = "submitted", "accepted"


def counted_update_states(audience: Audience) -> frozenset[str]:
    """The update states that count as the owner's word for the month, for `audience`."""
    if audience is Audience.PUBLISHED:
        return frozenset({_ACCEPTED})
    return frozenset({_SUBMITTED, _ACCEPTED})


# "Complete" and "Closed" (status key: delivered, and delivered with evidence that the
# measures of success were met): the action's work is done. Progress figures, completions,
# burn-up and "delivered" recommendations count these.
DONE_STATUSES: frozenset[Status] = frozenset({Status.COMPLETE, Status.CLOSED})

# Done, or no longer the action's own work: "N/A" (a main action whose sub-actions carry the
# ratings) and "Duplicate/ link to another action" (its status stands in the other action).
# It exists beside DONE_STATUSES because an owner owes no further update on such an action
# and it cannot be overdue, yet it must never be counted as delivered.
FINISHED_STATUSES: frozenset[Status] = DONE_STATUSES | {Status.NOT_APPLICABLE, Status.DUPLICATE}

# Amber and red in the status key ("Medium progress", "Significant issues"): the ratings the
# Theme Progress Summaries list under Focus 2 as exceptions.
EXCEPTION_STATUSES: frozenset[Status] = frozenset(
    {Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES}
)

# What an owner may rate an action, in the drop-down's order: the status key's seven ratings,
# plus "Action on hold", which the tracker uses though its legend does not define it.
OWNER_RATINGS: tuple[Status, ...] = (
    Status.ON_TRACK,
    Status.MEDIUM_PROGRESS,
    Status.SIGNIFICANT_ISSUES,
    Status.NOT_DUE_TO_START,
    Status.COMPLETE,
    Status.CLOSED,
    Status.NOT_APPLICABLE,
    Status.ON_HOLD,
)


def is_done(status: Status) -> bool:
    return status in DONE_STATUSES


def is_finished(status: Status) -> bool:
    return status in FINISHED_STATUSES


def is_exception(status: Status) -> bool:
    return status in EXCEPTION_STATUSES


def is_counted_action(*, has_sub_actions: bool) -> bool:
    """A row with no rows under it: a sub-action, a main action with none, or a lettered part.

    The tracker rates a main action "N/A" while its sub-actions carry the ratings (seed 004),
    so counting both would count the same work twice; a main action with no sub-actions
    (OC.D4.0) carries its own rating and counts. A sub-action with lettered parts (SD.A1.3,
    parts SD.A1.3a-d) counts through its parts in the same way.
    """
    return not has_sub_actions


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or before) `month`'s month."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class StatusGroup:
    """A column of the progress tables and a series of the status charts, with its colour.

    Every table and chart that groups statuses uses these, so a table and its chart agree
    group for group. The Theme Progress Summary's finer groups (`domain.theme_summary.Group`:
    completed this month, completed earlier, on hold ...) are its own prose, built on the
    same statuses and the same counted updates.
    """

    key: str
    label: str
    colour: str
    statuses: frozenset[Status]


# The status key's ratings (seed 004, "Status definitions") in the order the stacked bars
# draw them from the bottom up, in the key's RAG colours. Anything else (on hold, N/A,
# assurance, duplicate, blank ...) is "Other", never dropped.
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


def is_in_month_figures(*, live: bool, reported: bool, joined_later: bool) -> bool:
    """Whether a counted action is in month M's figures (milestones counted, by status).

    It is when it has a counted update for M, whatever has happened to it since; or when it
    is in the plan (live) and was in it by M. `joined_later` says its first counted update
    is after M: it was added to the plan since, so it is no part of M. A live action that
    has never reported is in the figures, as awaiting its first update.
    """
    return reported or (live and not joined_later)


def is_missing_update(*, live: bool, reported: bool, joined_later: bool) -> bool:
    """In M's figures but with no counted update for M: "No update for the month"."""
    return not reported and is_in_month_figures(
        live=live, reported=reported, joined_later=joined_later
    )
