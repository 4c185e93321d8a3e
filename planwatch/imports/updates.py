"""The monthly updates of an import, and what they ask of change control."""

from dataclasses import asdict

from planwatch.changes.models import ChangeKind, ChangeRequest
from planwatch.domain.commentary_dates import proposed_dates
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, Plan, ProgressUpdate

from .parse import MonthlyEntry, TrackerRow
from .writing import ImportContext, create_with_history, update_with_history

UPDATE_FIELDS = [
    "status",
    "status_text",
    "commentary",
    "author_initials",
    "author_date_text",
    "change_control",
    "change_control_text",
    "source",
]


def _update_values(entry: MonthlyEntry, source: str) -> dict[str, object]:
    status = entry.status
    signature = entry.signature
    return {
        "status": status.status.value if status else Status.NO_STATUS.value,
        "status_text": status.text if status else "",
        "commentary": entry.commentary,
        "author_initials": signature.initials[:20] if signature else "",
        "author_date_text": signature.date_text[:40] if signature else "",
        "change_control": entry.change_control,
        "change_control_text": entry.change_control_text[:100],
        "source": source[:300],
    }


def updates_apply(
    actions: dict[str, Action], rows: list[TrackerRow], context: ImportContext
) -> list[ProgressUpdate]:
    """Create or refresh each month's update; returns every update the workbook carries."""
    # Scoped by plan, not by a list of ids: PostgreSQL allows 65,535 parameters a statement.
    plan_id = next(iter(actions.values())).plan_id if actions else None
    existing = {
        (update.action_id, update.month): update
        for update in ProgressUpdate.objects.filter(action__plan_id=plan_id)
    }
    to_create, to_update, carried = [], [], []
    for row in rows:
        action = actions[row.key]
        for month, entry in row.months.items():
            source = f"{context.filename}, sheet '{row.sheet}' row {row.row}"
            values = _update_values(entry, source)
            update = existing.get((action.pk, month))
            if update is None:
                update = ProgressUpdate(action=action, month=month, **values)
                to_create.append(update)
            elif any(getattr(update, k) != v for k, v in values.items() if k != "source"):
                for name, value in values.items():
                    setattr(update, name, value)
                to_update.append(update)
            else:
                context.summary.updates_unchanged += 1
            carried.append(update)
    create_with_history(ProgressUpdate, to_create, context)
    update_with_history(ProgressUpdate, to_update, UPDATE_FIELDS, context)
    context.summary.updates_created, context.summary.updates_changed = (
        len(to_create),
        len(to_update),
    )
    return carried


def change_requests_from_flags(
    plan: Plan, updates: list[ProgressUpdate], context: ImportContext
) -> None:
    """Each "Change Control required: Yes" becomes a pending request for PMO to complete.

    The workbook says only that a change is wanted; what change is in the commentary, so
    PMO completes the request. A new date the commentary names is kept with it, read from
    the commentary, for PMO and the approver to confirm or edit. One request per flagged
    update, however often it is imported.
    """
    flagged = [update for update in updates if update.change_control]
    already = set(
        ChangeRequest.objects.filter(progress_update__in=flagged).values_list(
            "progress_update_id", flat=True
        )
    )
    requests = [
        ChangeRequest(
            plan=plan,
            action_id=update.action_id,
            kind=ChangeKind.TO_BE_COMPLETED,
            month=update.month,
            reason=update.commentary or "Change control flagged in the tracker workbook.",
            raised_by=context.user,
            source=f"{update.source} (Change Control required: {update.change_control_text})"[:300],
            progress_update=update,
            commentary_dates=[
                asdict(proposal)
                for proposal in proposed_dates(update.commentary or "", update.month)
            ],
        )
        for update in flagged
        if update.pk not in already
    ]
    create_with_history(ChangeRequest, requests, context)
    context.summary.change_requests_created = len(requests)
