"""What the parser reads from single cells, and what a column map says of every row."""

import html
import re
from datetime import date, datetime

from planwatch.domain.fuzzy_dates import FuzzyDate, parse_fuzzy_date

from .cell_keys import fixed_keys
from .columns import Column
from .reader import Cell

_MARKUP = re.compile(r"<[^>]+>")
MONTHLY_FIELDS = frozenset({"status", "commentary", "change_control"})


def clean_text(value: object) -> str:
    """Cell text for display: markup and entities removed, surrounding space trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return html.unescape(_MARKUP.sub("", str(value))).strip()


def cell_as_written(cell: Cell) -> object:
    """A JSON-safe copy of the cell exactly as the workbook holds it."""
    value = cell.value
    if isinstance(value, datetime | date):
        return {"date": value.isoformat(), "number_format": cell.number_format}
    return value


def raw_text(cell: Cell) -> str:
    return "" if cell.value is None else str(cell.value).strip()


def fuzzy(cell: Cell | None) -> FuzzyDate:
    if cell is None:
        return parse_fuzzy_date(None)
    return parse_fuzzy_date(cell.value, number_format=cell.number_format)


class MapFacts:
    """What one header's column map says of every row under it, worked out once rather than
    per row: its cells' names where fixed (`cell_keys.fixed_keys`), and its monthly columns
    in order (the status, commentary and change-control columns that name a month)."""

    def __init__(self, columns: list[Column]) -> None:
        self.columns = columns
        self.keys = fixed_keys(columns)
        self.monthly = [c for c in columns if c.month is not None and c.field in MONTHLY_FIELDS]
