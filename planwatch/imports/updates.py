"""The monthly updates of an import, and what they ask of change control."""

from dataclasses import asdict, dataclass
from datetime import date

from planwatch.changes.models import ChangeKind, ChangeRequest
from planwatch.domain.commentary_dates import proposed_dates
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, Plan, ProgressUpdate

from .bulk_rows import RowWriter, create_rows_with_history, new_ids
from .parse import MonthlyEntry, TrackerRow
from .writing import BATCH, ImportContext, create_with_history, update_with_history

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
# What makes a stored update differ from the workbook's: all but where it was read from.
COMPARED = [name for name in UPDATE_FIELDS if name != "source"]


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


@dataclass(frozen=True)
class Flagged:
    """An update of the workbook flagged "Change Control required: Yes", as stored."""

    pk: int
    action_id: int
    month: date
    commentary: str
    source: str
    change_control_text: str


def updates_apply(
    actions: dict[str, Action], rows: list[TrackerRow], context: ImportContext
) -> list[Flagged]:
    """Create or refresh each month's update; returns those the workbook flags for change
    control.

    Compared and written as plain values, never as model instances: at 326,000 updates the
    instances alone cost more than the whole import may take (`bulk_rows`).
    """
    # Scoped by plan, not by a list of ids: PostgreSQL allows 65,535 parameters a statement.
    plan_id = next(iter(actions.values())).plan_id if actions else None
    existing = {
        (action_id, month): (pk, source, tuple(values))
        for pk, action_id, month, source, *values in ProgressUpdate.objects.filter(
            action__plan_id=plan_id
        )
        .order_by()
        .values_list("pk", "action_id", "month", "source", *COMPARED)
    }
    writer = RowWriter(ProgressUpdate, ["action_id", "month", *UPDATE_FIELDS])
    new, changed, flagged = [], {}, []
    for row in rows:
        action_id = actions[row.key].pk
        source = f"{context.filename}, sheet '{row.sheet}' row {row.row}"[:300]
        for month, entry in row.months.items():
            values = _update_values(entry, source)
            found = existing.get((action_id, month))
            pk, kept_source = None, source
            if found is None:
                new.append((action_id, month, entry, source))
            else:
                pk, stored_source, stored = found
                if stored != tuple(values[name] for name in COMPARED):
                    changed[pk] = values
                else:  # an unchanged update keeps the place it was first read from
                    kept_source = stored_source
                    context.summary.updates_unchanged += 1
            if entry.change_control:
                flagged.append((pk, action_id, month, entry, kept_source))
    ids = new_ids(ProgressUpdate, len(new))
    created = {(action_id, month): pk for pk, (action_id, month, *_) in zip(ids, new, strict=True)}
    # Rows made as they are written, chunk by chunk: held all at once, with their values,
    # they would be a quarter of the import's memory.
    create_rows_with_history(
        writer,
        (
            writer.row(pk, {"action_id": action_id, "month": month, **_update_values(*made)})
            for pk, (action_id, month, *made) in zip(ids, new, strict=True)
        ),
        reason=context.reason,
        user_id=getattr(context.user, "pk", None),
    )
    _changed_save(changed, context)
    context.summary.updates_created, context.summary.updates_changed = len(new), len(changed)
    return [
        Flagged(
            pk=pk if pk is not None else created[(action_id, month)],
            action_id=action_id,
            month=month,
            commentary=entry.commentary,
            source=source,
            change_control_text=entry.change_control_text[:100],
        )
        for pk, action_id, month, entry, source in flagged
    ]


def _changed_save(changed: dict[int, dict[str, object]], context: ImportContext) -> None:
    """Updates the workbook rewrites: few in a monthly import, so saved through the ORM, in
    chunks of ids within PostgreSQL's parameter limit."""
    pks = list(changed)
    for start in range(0, len(pks), BATCH):
        updates = list(ProgressUpdate.objects.filter(pk__in=pks[start : start + BATCH]))
        for update in updates:
            for name, value in changed[update.pk].items():
                setattr(update, name, value)
        update_with_history(ProgressUpdate, updates, UPDATE_FIELDS, context)


def change_requests_from_flags(plan: Plan, flagged: list[Flagged], context: ImportContext) -> None:
    """Each "Change Control required: Yes" becomes a pending request for PMO to complete.

    The workbook says only that a change is wanted; what change is in the commentary, so
    PMO completes the request. A new date the commentary names is kept with it, read from
    the commentary, for PMO and the approver to confirm or edit. One request per flagged
    update, however often it is imported.
    """
    already = set()
    pks = [update.pk for update in flagged]
    for start in range(0, len(pks), BATCH):
        already.update(
            ChangeRequest.objects.filter(
                progress_update_id__in=pks[start : start + BATCH]
            ).values_list("progress_update_id", flat=True)
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
            progress_update_id=update.pk,
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
