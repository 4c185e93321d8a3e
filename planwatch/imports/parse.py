"""Turning sheets of cells into tracker rows: every value read, every doubt a warning.

A file that cannot be a tracker raises TrackerImportError (one line, where and why).
Anything merely odd is kept as written and reported, never dropped or silently "fixed".
"""

import re
from dataclasses import dataclass, field
from datetime import date

from planwatch.domain.commentary import Signature, find_signature
from planwatch.domain.fuzzy_dates import FuzzyDate, date_quality_warnings
from planwatch.domain.refs import Ref, parse_risk_level, parse_yes_no
from planwatch.domain.statuses import StatusReading, read_status
from planwatch.domain.tracker_headers import continues_header

from .cell_keys import CellKeys
from .cell_values import MapFacts, cell_as_written, clean_text, fuzzy, raw_text
from .columns import Column, column_map, is_header_row
from .errors import TrackerImportError
from .pages import Waiting, groups_above, has_ref, header_joined
from .reader import Cell, ProgressCallback, SheetRows
from .ref_cells import RefBook
from .theme_names import complete_theme_name

_THEME_HEADING = re.compile(r"^\s*theme\s*(\d+)\s*[-–:]?\s*(.*?)\s*$", re.IGNORECASE)
TEXT_FIELDS = (
    "workstream",
    "title",
    "director_lead",
    "cabinet_member",
    "other_leads",
    "update_owner",
    "risk_description",
    "reference",
)


@dataclass(frozen=True)
class ImportWarning:
    category: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    ref: str = ""
    value: str = ""


@dataclass
class MonthlyEntry:
    month: date
    status: StatusReading | None = None
    commentary: str = ""
    change_control: bool = False
    change_control_text: str = ""
    signature: Signature | None = None


@dataclass
class TrackerRow:
    """One action row. `key` is its reference as written, the row's identity in the plan;
    `ref` the canonical reading the hierarchy and sorting use (`domain.refs.WrittenRef`)."""

    sheet: str
    row: int
    ref: Ref
    key: str
    theme_code: str
    workstream: str
    title: str
    start: FuzzyDate
    due: FuzzyDate
    risk_level: str
    risk_text: str
    text: dict[str, str] = field(default_factory=dict)
    months: dict[date, MonthlyEntry] = field(default_factory=dict)
    cells: list[tuple[str, object]] = field(default_factory=list)


@dataclass
class ParsedTracker:
    rows: list[TrackerRow] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    themes: dict[str, tuple[str, int]] = field(default_factory=dict)
    months: set[date] = field(default_factory=set)
    sheets_read: list[str] = field(default_factory=list)
    sheets_skipped: list[str] = field(default_factory=list)


def parse_tracker(
    sheets: list[SheetRows], progress: ProgressCallback | None = None
) -> ParsedTracker:
    result = _Parser(progress)
    for sheet in sheets:
        result.read_sheet(sheet)
    if not result.parsed.sheets_read:
        raise TrackerImportError(
            "no sheet has a header row with a 'Ref' column and an 'Action' column, "
            "so this does not look like an Improvement Plan tracker"
        )
    return result.parsed


class _Parser:
    def __init__(self, progress: ProgressCallback | None) -> None:
        self.parsed = ParsedTracker()
        self.progress = progress
        self.rows_done = 0
        self.total_rows = 0
        self.refs = RefBook()
        self.workstream_of_main: dict[str, str] = {}
        # What the column map last seen says of every row (`MapFacts`), and each status as
        # read: a tracker's status cells repeat a dozen ratings hundreds of thousands of times.
        self._map: MapFacts | None = None
        self._statuses: dict[tuple[type, object], StatusReading] = {}

    def _facts(self, columns: list[Column]) -> MapFacts:
        if self._map is None or self._map.columns is not columns:
            self._map = MapFacts(columns)
        return self._map

    def warn(self, category: str, message: str, **where: object) -> None:
        self.parsed.warnings.append(ImportWarning(category, message, **where))  # type: ignore[arg-type]

    def read_sheet(self, sheet: SheetRows) -> None:
        self.total_rows += sheet.total_rows
        columns: list[Column] | None = None
        header: tuple[int, list[object], list[list[object]]] | None = None
        # Rows with no ref since the last data row: the next page's group rows, or rows to
        # warn about once it is clear they are not (a page may be pasted under another).
        waiting: list[Waiting] = []
        theme_from_sheet = _THEME_HEADING.match(sheet.name)
        heading: tuple[int, str] | None = (
            (int(theme_from_sheet.group(1)), theme_from_sheet.group(2))
            if theme_from_sheet
            else None
        )
        last_workstream = ""
        for number, cells in sheet.rows:
            self.rows_done += 1
            if self.progress and self.rows_done % 500 == 0:
                self.progress(self.rows_done, self.total_rows)
            values = [cell.value for cell in cells]
            filled = [v for v in values if v is not None and str(v).strip()]
            if not filled:
                continue
            if is_header_row(values):
                groups = groups_above(waiting, number)
                self._not_plan_rows(sheet.name, waiting[: len(waiting) - len(groups)], heading)
                waiting = []
                header = (number, values, [[c.value for c in row] for _n, row, _c in groups])
                columns = self._header(sheet.name, *header)
            elif header and number == header[0] + 1 and continues_header(values, header[1]):
                # A header cell printed over two lines ("Change Control required" / "October"):
                # read the header again with its cells finished.
                header_number, header_values, groups = header
                merged = header_joined(header_values, values)
                self.parsed.warnings = [
                    w
                    for w in self.parsed.warnings
                    if (w.category, w.sheet, w.row) != ("column", sheet.name, header_number)
                ]
                header = (header_number, merged, groups)
                columns = self._header(sheet.name, header_number, merged, groups)
            elif len(filled) == 1 and _THEME_HEADING.match(str(filled[0])):
                self._not_plan_rows(sheet.name, waiting, heading)
                waiting = []
                found = _THEME_HEADING.match(str(filled[0]))
                assert found is not None
                heading = (int(found.group(1)), found.group(2))
            elif columns is None or not has_ref(cells, columns):
                waiting.append((number, cells, columns))
            else:
                self._not_plan_rows(sheet.name, waiting, heading)
                waiting = []
                row = self._data_row(sheet.name, number, cells, columns, heading, last_workstream)
                if row is not None:
                    last_workstream = row.workstream
        self._not_plan_rows(sheet.name, waiting, heading)
        if columns is None:
            self.parsed.sheets_skipped.append(sheet.name)
            self.warn(
                "sheet",
                "no header row with 'Ref' and 'Action' columns: read as a legend, not as plan rows",
                sheet=sheet.name,
            )
        else:
            self.parsed.sheets_read.append(sheet.name)

    def _not_plan_rows(
        self,
        sheet: str,
        rows: list[Waiting],
        heading: tuple[int, str] | None,
    ) -> None:
        """Warn of the rows under a header that hold no ref (rows above the first header are
        the sheet's title or legend, and are passed over as before)."""
        for number, cells, columns in rows:
            if columns is not None:
                self._data_row(sheet, number, cells, columns, heading, "")

    def _header(
        self, sheet: str, number: int, values: list[object], groups: list[list[object]]
    ) -> list[Column]:
        columns = column_map(values, groups, sorted(self.parsed.months))
        known = {column.field for column in columns}
        for needed in ("ref", "title"):
            if needed not in known:
                raise TrackerImportError(f"the header row has no '{needed}' column", sheet=sheet)
        for column in columns:
            label = column.header.strip()
            if column.field == "unknown" and label:
                self.warn(
                    "column",
                    f"column '{label}' is not one planwatch knows; its cells are kept as written",
                    sheet=sheet,
                    row=number,
                    column=label,
                )
            if column.field in {"status", "commentary", "change_control"} and not column.month:
                self.warn(
                    "column",
                    f"could not tell which month column '{label}' is for; its cells are kept "
                    "as written but not read as a monthly update",
                    sheet=sheet,
                    row=number,
                    column=label,
                )
            if column.month:
                self.parsed.months.add(column.month)
        return columns

    def _data_row(
        self,
        sheet: str,
        number: int,
        cells: list[Cell],
        columns: list[Column],
        heading: tuple[int, str] | None,
        last_workstream: str,
    ) -> TrackerRow | None:
        by_field: dict[str, Cell] = {}
        written: list[tuple[str, object]] = []
        keys, fixed = CellKeys(), self._facts(columns).keys
        for i, column in enumerate(columns):
            cell = cells[column.index] if column.index < len(cells) else Cell(None)
            if column.field not in {"status", "commentary", "change_control", "unknown"}:
                by_field.setdefault(column.field, cell)
            if cell.value is not None and str(cell.value).strip() != "":
                key = fixed[i] if fixed else keys.key(column)
                written.append((key, cell_as_written(cell)))
        ref_cell = by_field.get("ref", Cell(None))
        read = self.refs.read(ref_cell.value, sheet=sheet, row=number, warn=self.warn)
        where = {"sheet": sheet, "row": number}
        if read is None:
            self.warn(
                "row",
                "row has no plan reference like OC.A1.2 in its Ref column, so it is not "
                "imported; its cells are kept in this warning",
                column="Ref",
                value=repr(written),
                **where,
            )
            return None
        ref, ref_text = read.ref, read.written
        canonical = str(ref)
        where["ref"] = ref_text
        self._note_theme(ref, heading, sheet, number)

        text = {name: clean_text(by_field[name].value) for name in TEXT_FIELDS if name in by_field}
        marked_up = [
            name
            for name in TEXT_FIELDS
            if name in by_field and clean_text(by_field[name].value) != raw_text(by_field[name])
        ]
        if marked_up:
            self.warn(
                "markup",
                "formatting markup removed for display from: "
                + ", ".join(name.replace("_", " ") for name in marked_up),
                **where,
            )
        workstream = text.get("workstream", "")
        if not workstream:
            workstream = self.workstream_of_main.get(ref.main_ref, last_workstream) or "Unassigned"
            self.warn("row", f"no workstream given; placed under '{workstream}'", **where)
        if ref.is_main:
            self.workstream_of_main[canonical] = workstream
        if not text.get("title"):
            self.warn("row", "the action has no title", column="Action", **where)

        start = fuzzy(by_field.get("start"))
        due = fuzzy(by_field.get("due"))
        for message in date_quality_warnings(start, due):
            self.warn("date", message, **where)
        risk_cell = by_field.get("risk_level", Cell(None))
        risk_level, recognised = parse_risk_level(risk_cell.value)
        if not recognised:
            self.warn(
                "risk",
                f"risk level '{clean_text(risk_cell.value)}' is not High/Medium/Low Risk; kept "
                "as written and treated as not yet rated",
                value=clean_text(risk_cell.value),
                **where,
            )
            risk_level = "unrated"
        if not ref.is_main and risk_level in {"high", "medium", "low"}:
            self.warn("risk", "a sub-action carries a main-action risk level", **where)
        if ref.is_main and risk_level == "not_applicable":
            risk_level = "unrated"
        if not ref.is_main and risk_level == "unrated":
            risk_level = "not_applicable"

        row = TrackerRow(
            sheet=sheet,
            row=number,
            ref=ref,
            key=ref_text,
            theme_code=ref.theme,
            workstream=workstream,
            title=text.get("title", ""),
            start=start,
            due=due,
            risk_level=risk_level,
            risk_text=clean_text(risk_cell.value),
            text=text,
            cells=written,
        )
        self._months(row, cells, columns, where)
        self.parsed.rows.append(row)
        return row

    def _note_theme(
        self, ref: Ref, heading: tuple[int, str] | None, sheet: str, number: int
    ) -> None:
        if ref.theme in self.parsed.themes:
            return
        order, name = heading if heading else (len(self.parsed.themes) + 1, "")
        self.parsed.themes[ref.theme] = (complete_theme_name(ref.theme, name), order)

    def _months(
        self, row: TrackerRow, cells: list[Cell], columns: list[Column], where: dict[str, object]
    ) -> None:
        for column in self._facts(columns).monthly:
            assert column.month is not None
            value = cells[column.index].value if column.index < len(cells) else None
            if value is None or str(value).strip() == "":
                continue
            entry = row.months.setdefault(column.month, MonthlyEntry(column.month))
            if column.field == "status":
                known = (type(value), value)
                if known not in self._statuses:
                    self._statuses[known] = read_status(value)
                entry.status = self._statuses[known]
                if not entry.status.recognised:
                    self.warn(
                        "status",
                        f"status '{entry.status.text}' for {column.month:%B %Y} is not one of "
                        "the council's ratings; kept as written",
                        column=column.header,
                        value=entry.status.text,
                        **where,
                    )
            elif column.field == "commentary":
                entry.commentary = str(value).strip()
                entry.signature = find_signature(entry.commentary)
            else:
                entry.change_control_text = clean_text(value)
                flag = parse_yes_no(value)
                if flag is None:
                    self.warn(
                        "change_control",
                        f"change-control flag '{entry.change_control_text}' is not Yes or No; "
                        "kept as written and not counted as a request",
                        column=column.header,
                        value=entry.change_control_text,
                        **where,
                    )
                entry.change_control = bool(flag)
