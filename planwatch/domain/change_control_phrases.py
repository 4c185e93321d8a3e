"""What an exception's "Due after change control" says, from its due dates and the newest
date-change request raised by the report month (seed 001: "Due in May 23. Change control to
December 23").

A request decided after the month is told as it stood then: awaiting a decision.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DateChangeRequest:
    proposed_due: str  # the new due date asked for, or "" (flagged in the tracker, not yet said)
    decision: str  # "pending", "approved" or "rejected", as at the month's end
    decided_on: date | None
    dates_in_commentary: tuple[str, ...] = ()  # due dates read from the commentary
    meeting: str = ""  # the meeting that decided it, as recorded with the decision


def due_after_change_control(
    due_text: str, baseline_due_text: str, request: DateChangeRequest | None
) -> str:
    changed = due_text != baseline_due_text
    if request is None:
        return due_text if changed else "No change requested"
    asked = request.proposed_due or ", ".join(request.dates_in_commentary)
    to = f" to {asked}" if asked else ""
    when = f" on {request.decided_on:%-d %B %Y}" if request.decided_on else ""
    if request.decided_on and request.meeting:
        when += f" at {request.meeting}"
    if request.decision == "approved":
        return f"{due_text} (change approved{when})" if changed else f"Change{to} approved{when}"
    if request.decision == "rejected":
        kept = f"; due stays {due_text}" if due_text else ""
        return f"Change{to} refused{when}{kept}"
    if not request.proposed_due and request.dates_in_commentary:
        return f"Change control requested (commentary gives {asked}); awaiting decision"
    return f"Change control requested{to}; awaiting decision"
