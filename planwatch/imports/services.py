"""Applying a parsed tracker to the plan: one transaction, so a bad file changes nothing.

A dry run takes exactly the same path and rolls back at the end, so what it reports is
what a real import would do.
"""

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from django.db import connection, transaction

from planwatch.plans.effective_month import effective_month_for
from planwatch.plans.history import effective_month_during
from planwatch.plans.latest_status import actions_latest_status_refresh
from planwatch.plans.models import Action, Plan, ProgressUpdate, Theme, Workstream
from planwatch.plans.owners import action_owners_sync

from .actions import actions_apply
from .models import DataQualityWarning, ImportRun, TrackerFile
from .parse import ImportWarning, ParsedTracker, TrackerRow, parse_tracker
from .reader import ProgressCallback, open_tracker
from .references import workbook_references_apply
from .updates import change_requests_from_flags, updates_apply
from .writing import BATCH, ImportContext, cyclic_gc_paused, save_stamped


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


def tracker_import(
    *,
    path: Path,
    plan_name: str,
    dry_run: bool = False,
    user=None,
    progress: ProgressCallback | None = None,
    original: TrackerFile | None = None,
) -> ImportSummary:
    """Import the tracker at `path` into the plan, all or nothing.

    The file itself is kept with the import run (`original`, when the browser upload has
    already stored it; else it is stored here), so what was imported can be downloaded later.
    """
    with cyclic_gc_paused():
        return _tracker_import(path, plan_name, dry_run, user, progress, original)


def _tracker_import(path, plan_name, dry_run, user, progress, original) -> ImportSummary:
    parsed = tracker_read(path, progress=progress)
    content = path.read_bytes()
    with transaction.atomic():
        if not dry_run and original is None:
            original = tracker_file_store(name=path.name, content=content)
        summary = parsed_tracker_apply(
            parsed,
            plan_name=plan_name,
            filename=path.name,
            digest=hashlib.sha256(content).hexdigest(),
            user=user,
            original=original,
        )
        summary.dry_run = dry_run
        if dry_run:
            summary.import_run_id = None
            transaction.set_rollback(True)
    if not dry_run and summary.updates_created >= _STATISTICS_AFTER:
        planner_statistics_refresh()
    return summary


# A first import of a large tracker multiplies the tables' rows; until autovacuum next
# looks, PostgreSQL plans the reports as if the plan had a handful of actions (estimated 9
# rows for 10,000, and a nested loop for a hash join).
_STATISTICS_AFTER = 5_000


def planner_statistics_refresh() -> None:
    """Bring PostgreSQL's row estimates for the plan tables up to date (SQLite keeps none
    unless asked, and its plans here are written not to need them)."""
    if connection.vendor != "postgresql":
        return
    tables = [Action._meta.db_table, ProgressUpdate._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def tracker_read(path: Path, *, progress: ProgressCallback | None = None) -> ParsedTracker:
    with open_tracker(path) as sheets:
        return parse_tracker(sheets, progress=progress)


def tracker_file_store(*, name: str, content: bytes) -> TrackerFile:
    return TrackerFile.objects.create(
        name=name[:300],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


def parsed_tracker_apply(
    parsed: ParsedTracker,
    *,
    plan_name: str,
    filename: str,
    digest: str,
    user,
    original: TrackerFile | None = None,
) -> ImportSummary:
    """Write a parsed tracker to the plan; the caller holds the transaction."""
    summary = ImportSummary(
        plan=plan_name,
        filename=filename,
        dry_run=False,
        sheets_read=parsed.sheets_read,
        sheets_skipped=parsed.sheets_skipped,
    )
    warnings = list(parsed.warnings)
    context = ImportContext(summary=summary, warnings=warnings, user=user, filename=filename)
    plan = Plan.objects.select_for_update().filter(name=plan_name).first()
    if plan is None:
        plan = Plan(name=plan_name)
        save_stamped(plan, context)
    context.effective_month = _workbook_month(parsed) or effective_month_for(plan.pk)
    with effective_month_during(context.effective_month):
        _tracker_write(plan, parsed, context, digest=digest, original=original)
    return summary


def _workbook_month(parsed: ParsedTracker) -> date | None:
    """The newest month the workbook has updates for: what its version of the plan is."""
    return max((month for row in parsed.rows for month in row.months), default=None)


def _tracker_write(
    plan: Plan,
    parsed: ParsedTracker,
    context: ImportContext,
    *,
    digest: str,
    original: TrackerFile | None,
) -> None:
    summary, warnings, user, filename = (
        context.summary,
        context.warnings,
        context.user,
        context.filename,
    )
    themes = _themes(plan, parsed, context)
    workstreams = _workstreams(themes, parsed.rows, context)
    actions = actions_apply(plan, themes, workstreams, parsed.rows, context)
    updates = updates_apply(actions, parsed.rows, context)
    workbook_references_apply(plan=plan, rows=parsed.rows, filename=filename, warnings=warnings)
    change_requests_from_flags(plan, updates, context)
    actions_latest_status_refresh(Action.objects.filter(plan=plan))
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
        plan=plan,
        filename=filename,
        sha256=digest,
        imported_by=user,
        summary={},
        original=original,
    )
    DataQualityWarning.objects.bulk_create(
        [_warning_row(run, plan, warning) for warning in warnings], batch_size=BATCH
    )
    summary.import_run_id = run.pk
    run.summary = summary.as_dict()
    run.save(update_fields=["summary"])


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


def _themes(plan: Plan, parsed: ParsedTracker, context: ImportContext) -> dict[str, Theme]:
    existing = {theme.code: theme for theme in plan.themes.all()}
    for code, (name, order) in parsed.themes.items():
        theme = existing.get(code)
        if theme is None:
            existing[code] = theme = Theme(plan=plan, code=code, name=name, order=order)
            save_stamped(theme, context)
        elif (theme.name, theme.order) != (name, order):
            theme.name, theme.order = name, order
            save_stamped(theme, context, update_fields=["name", "order"])
    return existing


def _workstreams(
    themes: dict[str, Theme], rows: list[TrackerRow], context: ImportContext
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
        save_stamped(existing[key], context)
    return existing
