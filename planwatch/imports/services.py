"""Applying a parsed tracker to the plan: one transaction, so a bad file changes nothing.

A dry run takes exactly the same path and rolls back at the end, so what it reports is
what a real import would do.
"""

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from planwatch.accounts.owners import action_owners_sync
from planwatch.changes.models import FIELDS_TOUCHED, ChangeKind, ChangeRequest, Decision
from planwatch.domain.fuzzy_dates import DateKind
from planwatch.domain.refs import Ref
from planwatch.domain.statuses import Status
from planwatch.plans.models import (
    Action,
    Plan,
    ProgressUpdate,
    Theme,
    UpdateState,
    Workstream,
)

from .models import DataQualityWarning, ImportRun
from .parse import ImportWarning, MonthlyEntry, ParsedTracker, TrackerRow, parse_tracker
from .reader import ProgressCallback, open_tracker

BATCH = 1000
ACTION_FIELDS = [
    "theme",
    "workstream",
    "is_main",
    "sort_key",
    "title",
    "director_lead",
    "cabinet_member",
    "other_leads",
    "update_owner",
    "start_text",
    "start_kind",
    "start_earliest",
    "start_latest",
    "start_note",
    "due_text",
    "due_kind",
    "due_earliest",
    "due_latest",
    "due_note",
    "risk_level",
    "risk_text",
    "risk_description",
    "source_sheet",
    "source_row",
    "source_cells",
]
# Foreign keys are compared by id so checking an existing action costs no query.
COMPARED_ACTION_FIELDS = [
    f"{name}_id" if name in {"theme", "workstream"} else name for name in ACTION_FIELDS
]
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


@dataclass
class ImportSummary:
    plan: str
    filename: str
    dry_run: bool
    sheets_read: list[str]
    sheets_skipped: list[str]
    themes: int = 0
    workstreams: int = 0
    main_actions: int = 0
    sub_actions: int = 0
    updates_per_month: dict[str, int] = field(default_factory=dict)
    actions_created: int = 0
    actions_updated: int = 0
    actions_unchanged: int = 0
    updates_created: int = 0
    updates_changed: int = 0
    updates_unchanged: int = 0
    change_requests_created: int = 0
    warnings: int = 0
    warnings_by_category: dict[str, int] = field(default_factory=dict)
    import_run_id: int | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def sort_key(ref: Ref) -> str:
    return f"{ref.theme}.{ref.letter}.{ref.action:05d}.{ref.part:05d}"


def tracker_import(
    *,
    path: Path,
    plan_name: str,
    dry_run: bool = False,
    user=None,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    with open_tracker(path) as sheets:
        parsed = parse_tracker(sheets, progress=progress)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with transaction.atomic():
        summary = _apply(parsed, plan_name=plan_name, filename=path.name, digest=digest, user=user)
        summary.dry_run = dry_run
        if dry_run:
            summary.import_run_id = None
            transaction.set_rollback(True)
    return summary


@dataclass
class _Context:
    """What every step of one import shares: who, from which file, and what it found."""

    summary: ImportSummary
    warnings: list[ImportWarning]
    user: object
    filename: str

    @property
    def reason(self) -> str:
        return f"Imported from {self.filename}"[:100]


def _create_with_history(model, objects: list, context: _Context) -> None:
    model.objects.bulk_create(objects, batch_size=BATCH)
    model.history.bulk_history_create(
        objects, batch_size=BATCH, default_user=context.user, default_change_reason=context.reason
    )


def _update_with_history(model, objects: list, fields: list[str], context: _Context) -> None:
    model.objects.bulk_update(objects, fields, batch_size=BATCH)
    model.history.bulk_history_create(
        objects,
        batch_size=BATCH,
        update=True,
        default_user=context.user,
        default_change_reason=context.reason,
    )


def _save_stamped(instance, context: _Context, **save_options) -> None:
    """Save one record with the audit trail naming who imported it and from which file."""
    instance._history_user = context.user
    instance._change_reason = context.reason
    instance.save(**save_options)


def _apply(
    parsed: ParsedTracker, *, plan_name: str, filename: str, digest: str, user
) -> ImportSummary:
    summary = ImportSummary(
        plan=plan_name,
        filename=filename,
        dry_run=False,
        sheets_read=parsed.sheets_read,
        sheets_skipped=parsed.sheets_skipped,
    )
    warnings = list(parsed.warnings)
    context = _Context(summary=summary, warnings=warnings, user=user, filename=filename)
    plan = Plan.objects.filter(name=plan_name).first()
    if plan is None:
        plan = Plan(name=plan_name)
        _save_stamped(plan, context)
    themes = _themes(plan, parsed, context)
    workstreams = _workstreams(themes, parsed.rows, context)
    actions = _actions(plan, themes, workstreams, parsed.rows, context)
    updates = _updates(actions, parsed.rows, context)
    _change_requests(plan, updates, context)
    _refresh_latest_status(plan)
    action_owners_sync(plan=plan)

    summary.themes = len({row.theme_code for row in parsed.rows})
    summary.workstreams = len({(row.theme_code, row.workstream) for row in parsed.rows})
    summary.main_actions = sum(1 for row in parsed.rows if row.ref.is_main)
    summary.sub_actions = len(parsed.rows) - summary.main_actions
    months = Counter(month for row in parsed.rows for month in row.months)
    summary.updates_per_month = {f"{m:%Y-%m}": months[m] for m in sorted(months)}
    summary.warnings = len(warnings)
    summary.warnings_by_category = dict(sorted(Counter(w.category for w in warnings).items()))

    run = ImportRun.objects.create(
        plan=plan, filename=filename, sha256=digest, imported_by=user, summary={}
    )
    DataQualityWarning.objects.bulk_create(
        [_warning_row(run, plan, warning) for warning in warnings], batch_size=BATCH
    )
    summary.import_run_id = run.pk
    run.summary = summary.as_dict()
    run.save(update_fields=["summary"])
    return summary


def _warning_row(run: ImportRun, plan: Plan, warning: ImportWarning) -> DataQualityWarning:
    return DataQualityWarning(
        import_run=run,
        plan=plan,
        sheet=warning.sheet[:100],
        row=warning.row,
        column=warning.column[:200],
        ref=warning.ref,
        category=warning.category,
        message=warning.message,
        value=warning.value,
    )


def _themes(plan: Plan, parsed: ParsedTracker, context: _Context) -> dict[str, Theme]:
    existing = {theme.code: theme for theme in plan.themes.all()}
    for code, (name, order) in parsed.themes.items():
        theme = existing.get(code)
        if theme is None:
            existing[code] = theme = Theme(plan=plan, code=code, name=name, order=order)
            _save_stamped(theme, context)
        elif (theme.name, theme.order) != (name, order):
            theme.name, theme.order = name, order
            _save_stamped(theme, context, update_fields=["name", "order"])
    return existing


def _workstreams(
    themes: dict[str, Theme], rows: list[TrackerRow], context: _Context
) -> dict[tuple[str, str], Workstream]:
    existing = {
        (ws.theme.code, ws.name): ws
        for ws in Workstream.objects.filter(theme__in=themes.values()).select_related("theme")
    }
    per_theme = Counter(code for code, _ in existing)
    for row in rows:
        key = (row.theme_code, row.workstream)
        if key in existing:
            continue
        per_theme[row.theme_code] += 1
        existing[key] = Workstream(
            theme=themes[row.theme_code], name=row.workstream, order=per_theme[row.theme_code]
        )
        _save_stamped(existing[key], context)
    return existing


def _actions(
    plan: Plan,
    themes: dict[str, Theme],
    workstreams: dict[tuple[str, str], Workstream],
    rows: list[TrackerRow],
    context: "_Context",
) -> dict[str, Action]:
    existing = {action.ref: action for action in Action.objects.filter(plan=plan)}
    frozen = _frozen_fields(plan)
    to_create, to_update = [], []
    for row in rows:
        ref = str(row.ref)
        action = existing.get(ref) or Action(plan=plan, ref=ref)
        before = {name: getattr(action, name, None) for name in COMPARED_ACTION_FIELDS}
        _fill_action(action, row, themes, workstreams)
        _keep_frozen(action, before, frozen.get(ref, set()), row, context.warnings)
        if not action.baseline_due_text and action.baseline_due_kind == DateKind.BLANK:
            action.set_baseline_due(action.due)
        if action.pk is None:
            to_create.append(action)
        elif any(getattr(action, name) != before[name] for name in COMPARED_ACTION_FIELDS):
            to_update.append(action)
        else:
            context.summary.actions_unchanged += 1
        existing[ref] = action

    # Main actions first, so each new sub-action is created already pointing at its parent.
    to_create.sort(key=lambda action: not action.is_main)
    created_mains = [action for action in to_create if action.is_main]
    _create_with_history(Action, created_mains, context)
    # Only actions that already existed need an UPDATE for a new parent; new ones get it on INSERT.
    reparented = [a for a in _link_parents(rows, existing, context.warnings) if a.pk]
    _create_with_history(Action, [a for a in to_create if not a.is_main], context)
    to_update += [a for a in reparented if a not in to_update]
    _update_with_history(Action, to_update, [*ACTION_FIELDS, "parent"], context)
    context.summary.actions_created = len(to_create)
    context.summary.actions_updated = len(to_update)

    in_file = {str(row.ref) for row in rows}
    for ref in existing:
        if ref not in in_file:
            context.warnings.append(
                ImportWarning(
                    "row", "in the plan but not in this workbook; kept unchanged", ref=ref
                )
            )
    return existing


def _link_parents(
    rows: list[TrackerRow], actions: dict[str, Action], warnings: list[ImportWarning]
) -> list[Action]:
    changed = []
    for row in rows:
        action = actions[str(row.ref)]
        parent = None if row.ref.is_main else actions.get(row.ref.main_ref)
        if not row.ref.is_main and parent is None:
            warnings.append(
                ImportWarning(
                    "structure",
                    f"sub-action with no main action {row.ref.main_ref} in the plan",
                    sheet=row.sheet,
                    row=row.row,
                    ref=str(row.ref),
                )
            )
        if action.parent_id != (parent.pk if parent else None):
            action.parent = parent
            changed.append(action)
    return changed


def _frozen_fields(plan: Plan) -> dict[str, set[str]]:
    """Fields a pending change request is about, per ref: the workbook may not move them."""
    frozen: dict[str, set[str]] = {}
    for ref, kind in ChangeRequest.objects.filter(
        plan=plan, decision=Decision.PENDING, action__isnull=False
    ).values_list("action__ref", "kind"):
        frozen.setdefault(ref, set()).update(FIELDS_TOUCHED[ChangeKind(kind)])
    return frozen


FROZEN_GROUPS = {
    "due": ("due_text", "due_kind", "due_earliest", "due_latest", "due_note"),
    "start": ("start_text", "start_kind", "start_earliest", "start_latest", "start_note"),
}


def _keep_frozen(
    action: Action,
    before: dict[str, object],
    frozen: set[str],
    row: TrackerRow,
    warnings: list[ImportWarning],
) -> None:
    if action.pk is None:
        return
    for touched in frozen:
        names = FROZEN_GROUPS.get(touched, (touched,))
        # Only what a workbook can carry can be frozen against it (not lifecycle, say).
        if any(name not in before for name in names):
            continue
        if all(getattr(action, name) == before[name] for name in names):
            continue
        for name in names:
            setattr(action, name, before[name])
        warnings.append(
            ImportWarning(
                "change_control",
                f"the workbook changes {touched.replace('_', ' ')}, but a change request about it "
                "is pending; the plan's value is kept until Leadership Team decides",
                sheet=row.sheet,
                row=row.row,
                ref=str(row.ref),
            )
        )


def _fill_action(
    action: Action,
    row: TrackerRow,
    themes: dict[str, Theme],
    workstreams: dict[tuple[str, str], Workstream],
) -> None:
    action.theme = themes[row.theme_code]
    action.workstream = workstreams[(row.theme_code, row.workstream)]
    action.is_main = row.ref.is_main
    action.sort_key = sort_key(row.ref)
    action.title = row.title
    action.director_lead = row.text.get("director_lead", "")[:300]
    action.cabinet_member = row.text.get("cabinet_member", "")[:300]
    action.other_leads = row.text.get("other_leads", "")
    action.update_owner = row.text.get("update_owner", "")[:300]
    action.set_start(row.start)
    action.set_due(row.due)
    action.risk_level = row.risk_level
    action.risk_text = row.risk_text[:100]
    action.risk_description = row.text.get("risk_description", "")
    action.source_sheet = row.sheet[:100]
    action.source_row = row.row
    action.source_cells = [[column, value] for column, value in row.cells]


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


def _updates(
    actions: dict[str, Action], rows: list[TrackerRow], context: _Context
) -> list[ProgressUpdate]:
    """Create or refresh each month's update; returns every update the workbook carries."""
    action_ids = [actions[str(row.ref)].pk for row in rows]
    existing = {
        (update.action_id, update.month): update
        for update in ProgressUpdate.objects.filter(action_id__in=action_ids)
    }
    to_create, to_update, carried = [], [], []
    for row in rows:
        action = actions[str(row.ref)]
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
    _create_with_history(ProgressUpdate, to_create, context)
    _update_with_history(ProgressUpdate, to_update, UPDATE_FIELDS, context)
    context.summary.updates_created, context.summary.updates_changed = (
        len(to_create),
        len(to_update),
    )
    return carried


def _change_requests(plan: Plan, updates: list[ProgressUpdate], context: _Context) -> None:
    """Each "Change Control required: Yes" becomes a pending request for PMO to complete.

    The workbook says only that a change is wanted; what change is in the commentary, so
    PMO completes the request. One request per flagged update, however often it is imported.
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
        )
        for update in flagged
        if update.pk not in already
    ]
    _create_with_history(ChangeRequest, requests, context)
    context.summary.change_requests_created = len(requests)


def _refresh_latest_status(plan: Plan) -> None:
    """Keep each action's newest rated status on the action, for cheap filtering.

    One UPDATE with a correlated subquery: the database does per-row work far faster than
    a CASE-per-row bulk update built in Python.
    """
    # Drafts and returned updates are not yet anyone's word on the action.
    newest = (
        ProgressUpdate.objects.filter(
            action=OuterRef("pk"), state__in=[UpdateState.SUBMITTED, UpdateState.ACCEPTED]
        )
        .exclude(status=Status.NO_STATUS)
        .order_by("-month")
    )
    Action.objects.filter(plan=plan).update(
        latest_status=Coalesce(
            Subquery(newest.values("status")[:1]), Value(Status.NO_STATUS.value)
        ),
        latest_month=Subquery(newest.values("month")[:1]),
    )
