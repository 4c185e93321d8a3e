"""CSV for spreadsheets: written row by row for a streaming response, safe to open in Excel.

The audit trail and the assurance flags both export it, so it sits below both of them.
"""

import csv
from collections.abc import Iterable, Iterator

# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # so Excel reads the file as UTF-8 (en dashes, pound signs)


def neutralise(cell: str) -> str:
    """Make a cell that a spreadsheet would run as a formula read as plain text."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class _Line:
    """A file-like object whose write returns the line, for csv.writer to build lines."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BYTE_ORDER_MARK + writer.writerow(header)
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])
