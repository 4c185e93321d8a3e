"""A theme charter's key milestone, rated live from the actions that deliver it.

The plan document dates its key milestones but never rates them; the monthly tracker rates
the actions. So a milestone's status is read off its linked actions' latest statuses, worst
news first: one red action makes the milestone red, whatever the others say. A milestone is
only "Achieved" when every action delivering it is Complete or Closed, and never rated
better than its least-known action: an action with no recognised rating makes the
milestone "Not rated" rather than letting the rated ones speak for it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planwatch.domain.counting import DONE_STATUSES as DONE
from planwatch.domain.counting import FINISHED_STATUSES
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status


class MilestoneStatus(StrEnum):
    NOT_LINKED = "not_linked"
    SIGNIFICANT_ISSUES = "significant_issues"
    MEDIUM_PROGRESS = "medium_progress"
    ON_HOLD = "on_hold"
    NOT_RATED = "not_rated"
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_DUE_TO_START = "not_due_to_start"


# (label, GOV.UK tag colour); colours follow the statuses' own, so red means the same everywhere.
MILESTONE_LABELS: dict[MilestoneStatus, tuple[str, str]] = {
    MilestoneStatus.NOT_LINKED: ("Not linked to an action", "grey"),
    MilestoneStatus.SIGNIFICANT_ISSUES: ("Significant issues", "red"),
    MilestoneStatus.MEDIUM_PROGRESS: ("Medium progress", "yellow"),
    MilestoneStatus.ON_HOLD: ("On hold", "orange"),
    MilestoneStatus.NOT_RATED: ("Not rated", "pink"),
    MilestoneStatus.ACHIEVED: ("Achieved", "turquoise"),
    MilestoneStatus.ON_TRACK: ("On track", "green"),
    MilestoneStatus.PARTLY_ACHIEVED: ("Partly achieved, rest not due to start", "blue"),
    MilestoneStatus.NOT_DUE_TO_START: ("Not due to start", "grey"),
}

# Finished but not done: a main action carries "N/A" while its sub-actions carry the
# ratings, and a duplicate's status stands in the action it duplicates; neither says
# anything about progress.
SILENT = FINISHED_STATUSES - DONE
# No progress rating: blank, unreadable, or words the council never defined as a rating
# (a newly added action, an ongoing assurance check).
UNRATED = frozenset(
    {Status.NO_STATUS, Status.UNRECOGNISED, Status.NEW_ACTION, Status.ASSURANCE_ACTION}
)


@dataclass(frozen=True)
class MilestoneReading:
    status: MilestoneStatus
    reason: str  # one line saying which linked actions decided it

    @property
    def label(self) -> str:
        return MILESTONE_LABELS[self.status][0]

    @property
    def tag_colour(self) -> str:
        return MILESTONE_LABELS[self.status][1]


def _count(statuses: list[Status], wanted: frozenset[Status]) -> int:
    return sum(1 for status in statuses if status in wanted)


def _some(statuses: list[Status], wanted: frozenset[Status], total: int, words: str) -> str:
    return f"{_count(statuses, wanted)} of {total} linked action{'s' if total != 1 else ''} {words}"


def milestone_status(statuses: Iterable[Status]) -> MilestoneReading:
    """The milestone's status from its linked actions' latest statuses (one per action)."""
    linked = list(statuses)
    total = len(linked)
    if not linked:
        return MilestoneReading(
            MilestoneStatus.NOT_LINKED, "No action in the plan is linked to this milestone"
        )
    telling = [status for status in linked if status not in SILENT]
    if not telling:
        words = " / ".join(sorted({STATUS_DEFINITIONS[s].label for s in linked}))
        return MilestoneReading(
            MilestoneStatus.NOT_RATED,
            f"The linked action{'s are' if total != 1 else ' is'} rated only {words}, "
            "which says nothing about progress",
        )
    for status, result, words in (
        (Status.SIGNIFICANT_ISSUES, MilestoneStatus.SIGNIFICANT_ISSUES, "rated Significant issues"),
        (Status.MEDIUM_PROGRESS, MilestoneStatus.MEDIUM_PROGRESS, "rated Medium progress"),
        (Status.ON_HOLD, MilestoneStatus.ON_HOLD, "on hold"),
    ):
        if status in telling:
            return MilestoneReading(result, _some(linked, frozenset({status}), total, words))
    if any(status in UNRATED for status in telling):
        return MilestoneReading(
            MilestoneStatus.NOT_RATED,
            _some(linked, UNRATED, total, "without a progress rating"),
        )
    if all(status in DONE for status in telling):
        return MilestoneReading(
            MilestoneStatus.ACHIEVED,
            f"Every linked action that is rated is Complete or Closed ({len(telling)} of {total})",
        )
    if Status.ON_TRACK in telling:
        return MilestoneReading(
            MilestoneStatus.ON_TRACK,
            _some(linked, frozenset({Status.ON_TRACK}), total, "on track, none behind"),
        )
    # Only Not due to start is left, perhaps beside finished actions.
    if any(status in DONE for status in telling):
        return MilestoneReading(
            MilestoneStatus.PARTLY_ACHIEVED,
            _some(linked, DONE, total, "Complete or Closed, the rest not due to start"),
        )
    return MilestoneReading(
        MilestoneStatus.NOT_DUE_TO_START,
        _some(linked, frozenset({Status.NOT_DUE_TO_START}), total, "not due to start"),
    )
