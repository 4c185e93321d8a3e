"""The actions of an import: created or refreshed from the rows, linked to their main actions.

Fields a pending change request is about stay as the plan has them until Leadership Team
decides, whatever the workbook says.
"""

from planwatch.changes.models import FIELDS_TOUCHED, ChangeKind, ChangeRequest, Decision
from planwatch.domain.fuzzy_dates import DateKind
from planwatch.domain.refs import ref_sort_text
from planwatch.plans.models import Action, Plan, Theme, Workstream

from .parse import ImportWarning, TrackerRow
from .writing import ImportContext, create_with_history, update_with_history

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
    "due_every_months",
    "risk_level",
    "risk_text",
    "risk_description",
    "source_sheet",
    "source_row",
    "source_cells",
]
# Where the row was read from, not what the plan says: a file that gives the same values from
# other rows (pages pasted into a CSV, rows moved) does not change the action, which keeps
# the place it was first read from, as an update keeps its `source`.
PROVENANCE_FIELDS = ("source_sheet", "source_row", "source_cells")
# Foreign keys are compared by id so checking an existing action costs no query.
COMPARED_ACTION_FIELDS = [
    f"{name}_id" if name in {"theme", "workstream"} else name
    for name in ACTION_FIELDS
    if name not in PROVENANCE_FIELDS
]


def actions_apply(
    plan: Plan,
    themes: dict[str, Theme],
    workstreams: dict[tuple[str, str], Workstream],
    rows: list[TrackerRow],
    context: "ImportContext",
) -> dict[str, Action]:
    existing = {action.ref: action for action in Action.objects.filter(plan=plan)}
    frozen = _frozen_fields(plan)
    to_create, to_update = [], []
    for row in rows:
        ref = row.key
        action = existing.get(ref) or Action(plan=plan, ref=ref)
        before = {name: getattr(action, name, None) for name in COMPARED_ACTION_FIELDS}
        provenance = {name: getattr(action, name) for name in PROVENANCE_FIELDS}
        _fill_action(action, row, themes, workstreams)
        _keep_frozen(action, before, frozen.get(ref, set()), row, context.warnings)
        if not action.baseline_due_text and action.baseline_due_kind == DateKind.BLANK:
            action.set_baseline_due(action.due)
        if action.pk is None:
            to_create.append(action)
        elif any(getattr(action, name) != before[name] for name in COMPARED_ACTION_FIELDS):
            to_update.append(action)
        else:
            for name, value in provenance.items():
                setattr(action, name, value)
            context.summary.actions_unchanged += 1
        existing[ref] = action

    # Main actions, then sub-actions, then lettered parts: each new row is created already
    # pointing at its parent, which was created in the batch before.
    parents = _parents(rows, existing, context.warnings)
    depth = {row.key: _depth(row) for row in rows}
    for level in (0, 1, 2):
        batch = [action for action in to_create if depth[action.ref] == level]
        for action in batch:
            action.parent = parents[action.ref]
        create_with_history(Action, batch, context)
    # Only actions that already existed need an UPDATE for a new parent.
    created = {id(action) for action in to_create}
    reparented = []
    for key, parent in parents.items():
        action = existing[key]
        if id(action) not in created and action.parent_id != (parent.pk if parent else None):
            action.parent = parent
            reparented.append(action)
    to_update += [a for a in reparented if a not in to_update]
    update_with_history(Action, to_update, [*ACTION_FIELDS, "parent"], context)
    context.summary.actions_created = len(to_create)
    context.summary.actions_updated = len(to_update)

    in_file = {row.key for row in rows}
    for ref in existing:
        if ref not in in_file:
            context.warnings.append(
                ImportWarning(
                    "row", "in the plan but not in this workbook; kept unchanged", ref=ref
                )
            )
    return existing


def _depth(row: TrackerRow) -> int:
    return 0 if row.ref.is_main else 2 if row.ref.suffix else 1


def _parents(
    rows: list[TrackerRow], actions: dict[str, Action], warnings: list[ImportWarning]
) -> dict[str, Action | None]:
    """Each row's parent, by the row its canonical ref belongs to: a sub-action's main action,
    a lettered part's (SD.A1.3a) sub-action. Where two rows share a canonical ref, the one
    written regularly is the parent."""
    by_canonical: dict[str, Action] = {}
    for row in sorted(rows, key=lambda row: row.key != str(row.ref)):
        by_canonical.setdefault(str(row.ref), actions[row.key])
    parents: dict[str, Action | None] = {}
    for row in rows:
        parent_ref = row.ref.parent_ref
        parent = by_canonical.get(parent_ref) if parent_ref else None
        if parent_ref and parent is None:
            above = "sub-action" if row.ref.suffix else "main action"
            warnings.append(
                ImportWarning(
                    "structure",
                    f"{'part' if row.ref.suffix else 'sub-action'} with no {above} "
                    f"{parent_ref} in the plan",
                    sheet=row.sheet,
                    row=row.row,
                    ref=row.key,
                )
            )
        parents[row.key] = parent
    return parents


def _frozen_fields(plan: Plan) -> dict[str, set[str]]:
    """Fields a pending change request is about, per ref: the workbook may not move them."""
    frozen: dict[str, set[str]] = {}
    for ref, kind in ChangeRequest.objects.filter(
        plan=plan, decision=Decision.PENDING, action__isnull=False
    ).values_list("action__ref", "kind"):
        frozen.setdefault(ref, set()).update(FIELDS_TOUCHED[ChangeKind(kind)])
    return frozen


FROZEN_GROUPS = {
    "due": ("due_text", "due_kind", "due_earliest", "due_latest", "due_note", "due_every_months"),
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
                ref=row.key,
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
    action.sort_key = ref_sort_text(row.ref, row.key)
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
