"""Recognising a tracker's columns by their header text, never by their position.

Councils rename, reorder and re-word columns from one month's workbook to the next
("Update Owner (if different)", "Status (October 2022)", "Update (Initial and Date)(October 22)"),
so each field is known by the words its header uses.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planwatch.domain.tracker_headers import (
    MONTHLY_FIELDS,
    HeaderCell,
    MonthYear,
    header_month,
    monthly_field,
    months_resolve,
    normalise,
    read_groups,
)

STATIC_FIELDS: dict[str, tuple[str, ...]] = {
    "workstream": ("workstream", "work stream", "workstream name"),
    "ref": ("ref", "ref.", "ref no", "ref no.", "action ref", "ref number", "reference no"),
    "title": ("action", "action title", "action description", "actions", "milestone"),
    "director_lead": ("director lead", "lead director", "director"),
    "cabinet_member": ("cabinet member", "cabinet lead", "portfolio holder", "lead member"),
    "other_leads": ("other leads", "other lead", "other lead(s)", "other officers"),
    "start": ("start date", "start", "date started", "planned start"),
    "due": ("due date", "due", "delivery date", "end date", "target date", "completion date"),
    "risk_level": (
        "main action risk",
        "risk",
        "risk level",
        "risk rating",
        "main action risk level",
    ),
    "risk_description": ("description", "risk description", "main action risk description"),
    "reference": (
        "reference",
        "references",
        "recommendation reference",
        "review reference",
        "recommendation",
        "recommendations",
    ),
}
PREFIX_FIELDS: dict[str, tuple[str, ...]] = {
    "update_owner": ("update owner",),
}


@dataclass(frozen=True)
class Column:
    """What one column of a header row holds. `month` is set for the monthly columns."""

    index: int
    header: str
    field: str  # a STATIC_FIELDS key, "status", "commentary", "change_control" or "unknown"
    month: date | None = None
    month_without_year: int | None = None


_KINDS: dict[str, str | None] = {field: field for field in MONTHLY_FIELDS} | {"unknown": None}


def classify(index: int, header: str, group_field: str | None = None) -> Column:
    """The column a header names; `group_field` (what the group cells above say) only fills
    in for a header that names no field itself, such as a bare "October"."""
    text = normalise(header)
    for field, names in STATIC_FIELDS.items():
        if text in names:
            return Column(index, header, field)
    for field, prefixes in PREFIX_FIELDS.items():
        if any(text.startswith(prefix) for prefix in prefixes):
            return Column(index, header, field)
    field = monthly_field(text) or (group_field if text else None)
    if field is None:
        return Column(index, header, "unknown")
    return _with_month(Column(index, header, field), header_month(text))


def _with_month(column: Column, found: MonthYear | None) -> Column:
    if found is None:
        return column
    month, year = found
    if year is None:
        return Column(column.index, column.header, column.field, None, month)
    return Column(column.index, column.header, column.field, date(year, month, 1))


def column_map(
    header: list[object], groups: list[list[object]], known: Sequence[date] = ()
) -> list[Column]:
    """One header row's columns, informed by the group rows above it (top row first).

    The month comes from the header, else from its group cells, else from the neighbouring
    Status column (`domain.tracker_headers`); `known` are months earlier headers named.
    """
    alone = [classify(i, "" if v is None else str(v)) for i, v in enumerate(header)]
    cells = [
        HeaderCell(
            _KINDS.get(c.field, "static"),
            (c.month.month, c.month.year)
            if c.month
            else (c.month_without_year, None)
            if c.month_without_year
            else None,
        )
        for c in alone
    ]
    columns = []
    for column, group in zip(alone, read_groups(groups, cells), strict=True):
        if column.field == "unknown" and column.header.strip() and group.field:
            column = classify(column.index, column.header, group.field)
        if column.field in MONTHLY_FIELDS and not (column.month or column.month_without_year):
            column = _with_month(column, group.month)
        columns.append(column)
    return resolve_months(columns, known)


_REF_NAMES = frozenset(STATIC_FIELDS["ref"])
_TITLE_NAMES = frozenset(STATIC_FIELDS["title"])
_LONGEST_NAME = max(len(name) for name in _REF_NAMES | _TITLE_NAMES)


def is_header_row(values: list[object]) -> bool:
    """A header row names at least a Ref column and an Action column."""
    texts = {normalise(value) for value in values if _may_name_a_column(value)}
    return bool(texts & _REF_NAMES) and bool(texts & _TITLE_NAMES)


def _may_name_a_column(value: object) -> bool:
    """Whether the cell could normalise to a Ref or Action header, judged without
    normalising it (two regular expressions a cell, on every row of a sheet).

    Only text can (a number or date never reads as a word). Without markup or entities,
    normalising keeps every non-space character, so text with more of them than the longest
    header name cannot be one: the commentary cells, most of a tracker.
    """
    if not isinstance(value, str):
        return False
    if len(value) <= _LONGEST_NAME or "<" in value or "&" in value:
        return True
    return len("".join(value.split())) <= _LONGEST_NAME


def resolve_months(columns: list[Column], known: Sequence[date] = ()) -> list[Column]:
    """Give a year to month-only headers ("October" under "Change Control required"), and a
    month to the commentary and change control beside a Status column that names one."""
    months: list[MonthYear | None] = [
        (c.month.month, c.month.year)
        if c.month
        else (c.month_without_year, None)
        if c.month_without_year
        else None
        for c in columns
    ]
    resolved = months_resolve([c.field for c in columns], months, known)
    return [
        Column(c.index, c.header, c.field, month) if c.field in MONTHLY_FIELDS else c
        for c, month in zip(columns, resolved, strict=True)
    ]
