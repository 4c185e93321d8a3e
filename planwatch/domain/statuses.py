"""The monthly progress statuses: the council's seven ratings and the extra words officers use.

Officers pick from a drop-down whose entries carry their meaning in a prefix ("On Track- little
or no slippage"), but the tracker also holds statuses the legend never defines ("Action on
Hold", "Assurance Action"). Those are kept and named honestly rather than forced into a rating.

RAG colours follow the council's summaries: only On Track, Medium progress and Significant
issues are rated green, amber and red. Complete and Closed are counted separately in the
summaries, so they carry no RAG colour here even though they are good news.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from planwatch.domain.cell_text import as_text, without_markup


class Status(StrEnum):
    ON_TRACK = "on_track"
    MEDIUM_PROGRESS = "medium_progress"
    SIGNIFICANT_ISSUES = "significant_issues"
    NOT_DUE_TO_START = "not_due_to_start"
    COMPLETE = "complete"
    CLOSED = "closed"
    NOT_APPLICABLE = "not_applicable"
    ON_HOLD = "on_hold"
    NEW_ACTION = "new_action"
    ASSURANCE_ACTION = "assurance_action"
    DUPLICATE = "duplicate"
    NO_STATUS = "no_status"
    UNRECOGNISED = "unrecognised"


@dataclass(frozen=True)
class StatusDefinition:
    status: Status
    label: str
    definition: str
    leadership_action: str
    rag: str | None
    tag_colour: str


_NOT_DEFINED = "Not defined by the council."


def _definition(
    status: Status,
    label: str,
    definition: str,
    leadership_action: str = _NOT_DEFINED,
    *,
    rag: str | None = None,
    tag: str,
) -> tuple[Status, StatusDefinition]:
    return status, StatusDefinition(status, label, definition, leadership_action, rag, tag)


# The first seven are verbatim from the tracker's status key; the rest say plainly that the
# council has not defined them, so nobody mistakes our wording for council policy.
STATUS_DEFINITIONS: Mapping[Status, StatusDefinition] = MappingProxyType(
    dict(
        [
            _definition(
                Status.ON_TRACK,
                "On track",
                "Progress against the action is in line with the delivery date with no or minor "
                "(of less than a month) actual/projected slippage that does not impact on any "
                "dependencies",
                "Leadership Team note progress and seek assurance that on track",
                rag="green",
                tag="green",
            ),
            _definition(
                Status.MEDIUM_PROGRESS,
                "Medium progress",
                "Progress on the action is being made but there is actual/projected slippage of "
                "between 1-2 months, or any minor slippage presents a risk to dependencies",
                "Leadership Team watching brief and review impact on dependencies",
                rag="amber",
                tag="yellow",
            ),
            _definition(
                Status.SIGNIFICANT_ISSUES,
                "Significant issues / slippage",
                "Progress on the action is or projected to be behind schedule by more than 2 "
                "months, or any slippage (actual or projected) presents a risk to critical "
                "milestones",
                "Leadership Team review and remedy",
                rag="red",
                tag="red",
            ),
            _definition(
                Status.NOT_DUE_TO_START,
                "Not due to start",
                "Work on the action is not due to start",
                "N/a",
                tag="grey",
            ),
            _definition(Status.COMPLETE, "Complete", "Action is complete", "N/a", tag="turquoise"),
            _definition(
                Status.CLOSED,
                "Closed",
                "Action is complete and there is evidence that the measures of success have been "
                "fulfilled",
                "Evidence to be provided",
                tag="blue",
            ),
            _definition(
                Status.NOT_APPLICABLE,
                "N/A",
                "Update not required at this time",
                "N/a",
                tag="grey",
            ),
            _definition(
                Status.ON_HOLD,
                "Action on hold",
                "Not in the council's definitions: the tracker marks the action 'Action on Hold', "
                "meaning work on it has been paused.",
                tag="orange",
            ),
            _definition(
                Status.NEW_ACTION,
                "New action added",
                "Not in the council's definitions: the tracker marks an action added this month "
                "'New Action Added'; it has no progress rating yet.",
                tag="magenta",
            ),
            _definition(
                Status.ASSURANCE_ACTION,
                "Assurance action",
                "Not in the council's definitions: the tracker marks the action 'Assurance "
                "Action'; the tracker does not say how its progress is rated.",
                tag="purple",
            ),
            _definition(
                Status.DUPLICATE,
                "Duplicate / linked to another action",
                "Not in the council's definitions: the tracker marks the action as a duplicate "
                "of, or linked to, another action, whose status stands for both.",
                tag="grey",
            ),
            _definition(
                Status.NO_STATUS,
                "No status",
                "No status was given for this month.",
                tag="grey",
            ),
            _definition(
                Status.UNRECOGNISED,
                "Status not recognised",
                "The status text matches none of the council's ratings; it is kept as written.",
                tag="pink",
            ),
        ]
    )
)

# "Focus 2 Exceptions" in the monthly summary are the amber- and red-rated actions.
_EXCEPTIONS = frozenset({Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES})

# Still being delivered, so expected to get a status every month. Finished, merged and
# not-applicable actions are not; a blank or unreadable status says nothing either way.
LIVE_STATUSES: frozenset[Status] = frozenset(
    {
        Status.ON_TRACK,
        Status.MEDIUM_PROGRESS,
        Status.SIGNIFICANT_ISSUES,
        Status.NOT_DUE_TO_START,
        Status.ON_HOLD,
        Status.NEW_ACTION,
        Status.ASSURANCE_ACTION,
    }
)


def is_exception(status: Status) -> bool:
    return status in _EXCEPTIONS


@dataclass(frozen=True)
class StatusReading:
    status: Status
    text: str
    recognised: bool


# The drop-down puts the meaning first and a gloss after it ("On Track- little or no
# slippage"), so a status is recognised by its leading words.
_PREFIXES: tuple[tuple[str, Status], ...] = (
    ("on track", Status.ON_TRACK),
    ("medium progress", Status.MEDIUM_PROGRESS),
    ("significant issues", Status.SIGNIFICANT_ISSUES),
    ("significant slippage", Status.SIGNIFICANT_ISSUES),
    ("not due to start", Status.NOT_DUE_TO_START),
    ("completed", Status.COMPLETE),
    ("complete", Status.COMPLETE),
    ("closed", Status.CLOSED),
    ("n a", Status.NOT_APPLICABLE),
    ("na", Status.NOT_APPLICABLE),
    ("not applicable", Status.NOT_APPLICABLE),
    ("action on hold", Status.ON_HOLD),
    ("on hold", Status.ON_HOLD),
    ("new action added", Status.NEW_ACTION),
    ("new action", Status.NEW_ACTION),
    ("assurance action", Status.ASSURANCE_ACTION),
    ("duplicate", Status.DUPLICATE),
)


def _normalise(text: str) -> str:
    """Lower case, markup gone, and hyphens, slashes, punctuation and space runs one space."""
    return " ".join(
        re.sub(r"[-\u2010-\u2015/\\_.,:;()]", " ", without_markup(text).lower()).split()
    )


def read_status(value: object) -> StatusReading:
    """Read a status cell; anything that is not one of the known statuses is kept verbatim."""
    text = as_text(value)
    normal = _normalise(text)
    if not normal:
        return StatusReading(Status.NO_STATUS, text, True)
    for prefix, status in _PREFIXES:
        # Whole words only, so "Completely off track" is not read as Complete.
        if normal == prefix or normal.startswith(prefix + " "):
            return StatusReading(status, text, True)
    return StatusReading(Status.UNRECOGNISED, text, False)
