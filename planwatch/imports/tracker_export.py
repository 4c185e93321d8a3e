"""The plan written back as a tracker workbook in the council's own layout.

One sheet per theme, named as the import reads it; the columns the imported workbook had, in
its order and with its header text (recovered from each action's `source_cells`), plus a
status and an update column for every month held and a change-control column where one was
used. Cells keep what the council wrote (markup, date formats) unless the plan has moved on
since (an approved change, a month's update written in planwatch), and then carry the plan's
current value. Importing the file into a new plan gives the same plan back.
"""

import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from planwatch.domain.commentary import find_signature
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.refs import read_ref
from planwatch.domain.statuses import STATUS_DEFINITIONS, read_status
from planwatch.plans.counting import counted_updates_q
from planwatch.plans.models import Action, Plan, ProgressUpdate
from planwatch.traceability.models import ActionReference, ReferenceSource

from .cell_values import clean_text
from .columns import Column
from .models import ImportRun
from .tracker_layout import GROUPS, MONTHLY, sheet_columns

LEGEND_SHEET = "Status key"
_THEME_SHEET = re.compile(r"^\s*theme\s*(\d+)\b", re.IGNORECASE)


@dataclass
class _PlanData:
    themes: list
    actions_by_theme: dict[int, list[Action]]
    updates: dict[tuple[int, date], ProgressUpdate]
    months: list[date]
    references: dict[int, str]
    legend_sheets: list[str]


def tracker_workbook(*, plan: Plan) -> Workbook:
    """Six queries whatever the plan's size."""
    data = _load(plan)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name in data.legend_sheets:
        _legend(workbook.create_sheet(name))
    taken: set[str] = set(data.legend_sheets)
    for theme in data.themes:
        actions = data.actions_by_theme.get(theme.pk, [])
        name = _sheet_name(theme, actions, taken)
        taken.add(name)
        _theme_sheet(workbook.create_sheet(name), actions, data)
    return workbook


def tracker_export_bytes(*, plan: Plan) -> bytes:
    buffer = io.BytesIO()
    tracker_workbook(plan=plan).save(buffer)
    return buffer.getvalue()


def tracker_export_write(*, plan: Plan, path: Path) -> int:
    """Write the workbook to `path`; returns the number of action rows written."""
    path.write_bytes(tracker_export_bytes(plan=plan))
    return Action.objects.filter(plan=plan).count()


def _load(plan: Plan) -> _PlanData:
    themes = list(plan.themes.order_by("order", "code"))
    actions_by_theme: dict[int, list[Action]] = defaultdict(list)
    for action in Action.objects.filter(plan=plan).select_related("workstream"):
        actions_by_theme[action.theme_id].append(action)
    # Drafts and returned updates are nobody's word yet: not part of the tracker, and an
    # import of the file would otherwise read them back as submitted.
    updates = {
        (update.action_id, update.month): update
        for update in ProgressUpdate.objects.filter(counted_updates_q(), action__plan=plan)
    }
    references: dict[int, str] = {}
    for action_id, source, text in ActionReference.objects.filter(action__plan=plan).values_list(
        "action_id", "source", "text"
    ):
        # The workbook's own text wins over the plan document's.
        if source == ReferenceSource.WORKBOOK or action_id not in references:
            references[action_id] = text
    run = ImportRun.objects.filter(plan=plan).order_by("-imported_at", "-id").first()
    legend = list(run.summary.get("sheets_skipped", [])) if run else [LEGEND_SHEET]
    return _PlanData(
        themes,
        actions_by_theme,
        updates,
        sorted({month for _action, month in updates}),
        references,
        legend,
    )


def _sheet_name(theme, actions: list[Action], taken: set[str]) -> str:
    written = Counter(action.source_sheet for action in actions if action.source_sheet)
    for name, _count in written.most_common(1):
        heading = _THEME_SHEET.match(name)
        if heading and int(heading.group(1)) == theme.order and name not in taken:
            return name
    name = f"Theme {theme.order} - {theme.name}"
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in name)[:31]


def _legend(sheet) -> None:
    sheet.append(["Progress against Plan Status Rating", "Definition", "Leadership Team Action"])
    for definition in STATUS_DEFINITIONS.values():
        sheet.append([definition.label, definition.definition, definition.leadership_action])


def _theme_sheet(sheet, actions: list[Action], data: _PlanData) -> None:
    ids = {action.pk for action in actions}
    flagged = {
        month
        for (pk, month), update in data.updates.items()
        if pk in ids and (update.change_control or update.change_control_text)
    }
    with_reference = any(action.pk in data.references for action in actions)
    columns = sheet_columns(actions, data.months, flagged, with_reference)
    groups, previous = [], None
    for column in columns:
        group = GROUPS.get(column.field, "")
        groups.append(group if group and group != previous else None)
        previous = group
    sheet.append(groups)
    sheet.append([column.header for column in columns])
    rows = [a.source_row for a in actions]
    in_place = all(rows) and len(set(rows)) == len(rows) and min(rows, default=3) >= 3
    ordered = sorted(actions, key=lambda a: a.source_row if in_place else a.sort_key)
    for number, action in enumerate(ordered, start=3):
        row = action.source_row if in_place else number
        cells = dict(action.source_cells)
        for index, column in enumerate(columns, start=1):
            value, number_format = _value(action, column, cells.get(column.header), data)
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row, column=index)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text the council typed, never a formula
            if number_format:
                cell.number_format = number_format


def _restored(written: object) -> tuple[object, str | None]:
    if isinstance(written, dict) and "date" in written:
        return datetime.fromisoformat(written["date"]), written.get("number_format")
    return written, None


def _value(action: Action, column: Column, written: object, data: _PlanData):
    value, number_format = _restored(written)
    if column.month is not None and column.field in MONTHLY:
        return _monthly(data.updates.get((action.pk, column.month)), column.field, value), None
    current = _current(action, column.field, data)
    if column.field == "unknown" or current is _KEEP:
        return value, number_format
    if value is not None and _same(column.field, value, number_format, current, action):
        return value, number_format
    return current, None


_KEEP = object()
_TEXT_FIELDS = {
    "title": 10**9,
    "director_lead": 300,
    "cabinet_member": 300,
    "other_leads": 10**9,
    "update_owner": 300,
    "risk_description": 10**9,
    "reference": 10**9,
}


def _current(action: Action, field: str, data: _PlanData) -> object:
    if field == "workstream":
        # A workbook that left it blank had it filled from the rows above; so will this one.
        return _KEEP if action.source_row else action.workstream.name
    if field == "ref":
        return action.ref
    if field == "start":
        return action.start_text
    if field == "due":
        return action.due_text
    if field == "risk_level":
        return action.risk_text
    if field == "reference":
        return data.references.get(action.pk, "")
    if field in _TEXT_FIELDS:
        return getattr(action, field)
    return _KEEP


def _same(field: str, value: object, number_format, current: object, action: Action) -> bool:
    if field == "ref":
        read = read_ref(value)
        return read is not None and read.written == current
    if field in {"start", "due"}:
        return parse_fuzzy_date(value, number_format=number_format) == getattr(action, field)
    if field == "risk_level":
        return clean_text(value)[:100] == current
    return clean_text(value)[: _TEXT_FIELDS.get(field, 10**9)] == current


def _monthly(update: ProgressUpdate | None, field: str, written: object) -> object:
    if update is None:
        return None
    if field == "status":
        if written is not None and read_status(written).text == update.status_text:
            return written
        return update.status_text
    if field == "commentary":
        if written is not None and str(written).strip() == update.commentary:
            return written
        commentary = update.commentary
        if update.author_initials and find_signature(commentary) is None:
            # The council signs inside the text: "(DS 17.10.22)".
            signature = f"({update.author_initials} {update.author_date_text})".replace(" )", ")")
            commentary = f"{commentary} {signature}".strip()
        return commentary
    if written is not None and clean_text(written) == update.change_control_text:
        return written
    return update.change_control_text or ("Yes" if update.change_control else None)
