"""Recognising a tracker's columns by their header text, never by their position.

Councils rename, reorder and re-word columns from one month's workbook to the next
("Update Owner (if different)", "Status (October 2022)", "Update (Initial and Date)(October 22)"),
so each field is known by the words its header uses.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

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
_STATUS_HEADER = re.compile(r"^(?:status|progress against plan|rag status)\b")
_COMMENTARY_HEADER = re.compile(
    r"^(?:update|evidence of status rating|commentary|progress update|evidence)\b"
)
_PARENTHESISED = re.compile(r"\(([^()]*)\)")
_MONTH_TEXT = re.compile(r"^([a-z]+)\.?\s*[-/ ]?\s*'?(\d{2}|\d{4})?$")


def normalise(text: object) -> str:
    """Lower-case, markup-free, single-spaced header text."""
    if text is None:
        return ""
    cleaned = re.sub(r"<[^>]+>", "", str(text)).replace("&amp;", "&")
    return re.sub(r"\s+", " ", cleaned.replace("\u00a0", " ")).strip().lower()


def month_from_text(text: str) -> tuple[int, int | None] | None:
    """Read "October 2022", "Oct 22", "September 22" or "October" as (month, year or None)."""
    match = _MONTH_TEXT.match(normalise(text))
    if not match or match.group(1) not in MONTHS:
        return None
    year_text = match.group(2)
    if year_text is None:
        return MONTHS[match.group(1)], None
    year = int(year_text)
    return MONTHS[match.group(1)], year + 2000 if year < 100 else year


@dataclass(frozen=True)
class Column:
    """What one column of a header row holds. `month` is set for the monthly columns."""

    index: int
    header: str
    field: str  # a STATIC_FIELDS key, "status", "commentary", "change_control" or "unknown"
    month: date | None = None
    month_without_year: int | None = None


def classify(index: int, header: str, group: str) -> Column:
    text = normalise(header)
    group_text = normalise(group)
    for field, names in STATIC_FIELDS.items():
        if text in names:
            return Column(index, header, field)
    for field, prefixes in PREFIX_FIELDS.items():
        if any(text.startswith(prefix) for prefix in prefixes):
            return Column(index, header, field)
    if "change control" in text or "change control" in group_text:
        return _with_month(Column(index, header, "change_control"), text)
    if _STATUS_HEADER.match(text):
        return _with_month(Column(index, header, "status"), text)
    if _COMMENTARY_HEADER.match(text):
        return _with_month(Column(index, header, "commentary"), text)
    return Column(index, header, "unknown")


def _with_month(column: Column, text: str) -> Column:
    """Find the month a monthly column is for: the last bracketed month, or the bare header."""
    candidates = [*reversed(_PARENTHESISED.findall(text)), text]
    for candidate in candidates:
        found = month_from_text(candidate)
        if found is None:
            continue
        month, year = found
        if year is None:
            return Column(column.index, column.header, column.field, None, month)
        return Column(column.index, column.header, column.field, date(year, month, 1))
    return column


def is_header_row(values: list[object]) -> bool:
    """A header row names at least a Ref column and an Action column."""
    texts = {normalise(value) for value in values}
    return bool(texts & set(STATIC_FIELDS["ref"])) and bool(texts & set(STATIC_FIELDS["title"]))


def resolve_months(columns: list[Column]) -> list[Column]:
    """Give a year to month-only headers ("October" under "Change Control required").

    The year is that of the latest dated monthly column with the same month; failing that,
    a month-less change-control column belongs to the latest month in the sheet.
    """
    dated = [column.month for column in columns if column.month is not None]
    latest = max(dated, default=None)
    # One pass for the latest year of each calendar month: scanning every dated month for each
    # month-only column made a wide hostile header quadratic.
    latest_of_month: dict[int, date] = {}
    for month in dated:
        if month > latest_of_month.get(month.month, date.min):
            latest_of_month[month.month] = month
    resolved = []
    for column in columns:
        if column.field in {"status", "commentary", "change_control"} and column.month is None:
            same_month = latest_of_month.get(column.month_without_year or 0)
            if same_month:
                column = Column(column.index, column.header, column.field, same_month)
            elif column.field == "change_control" and latest:
                column = Column(column.index, column.header, column.field, latest)
        resolved.append(column)
    return resolved
