"""The bounds a tracker file must keep, so a hostile or broken one is refused in seconds.

Each bound is a Django setting (planwatch/settings/base.py), read when it is checked so a
deployment or a test can change it. A file over a bound is refused with one sentence naming
the bound and its setting.
"""

import zipfile
from collections.abc import Callable, Iterator, Sequence
from itertools import compress, repeat
from operator import is_not
from pathlib import Path
from typing import Any

from django.conf import settings

from .errors import TrackerImportError

# Past Excel's last row no genuine sheet has anything; a row number beyond it (a hostile
# <row r="999999999">) would otherwise have openpyxl yield every missing row in between.
EXCEL_MAX_ROWS = 1_048_576
_MB = 1024 * 1024


def bound(setting: str) -> int:
    return int(getattr(settings, setting))


def size_text(size: int) -> str:
    """'25.3 MB', '20 MB', '12.5 KB', '900 bytes'."""
    for unit, scale in (("MB", _MB), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


def _over(size: int, limit: int) -> tuple[str, str]:
    """Both sizes as text, in bytes where rounding would make them read the same."""
    if size_text(size) == size_text(limit):
        return f"{size:,} bytes", f"{limit:,} bytes"
    return size_text(size), size_text(limit)


def upload_size_check(path: Path) -> None:
    size, limit = path.stat().st_size, bound("PLANWATCH_IMPORT_MAX_UPLOAD_BYTES")
    if size > limit:
        size_is, limit_is = _over(size, limit)
        raise TrackerImportError(
            f"{path.name} is {size_is}; the limit is {limit_is} (PLANWATCH_IMPORT_MAX_UPLOAD_BYTES)"
        )


def zip_parts_check(name: str, parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook whose parts would unpack too large, from the zip's central directory.

    Nothing is inflated to find out. A header that declares less than its part really holds
    gains nothing: Python's zipfile, which openpyxl reads through, never returns more bytes
    than the central directory declares for a part, and raises on the CRC mismatch the cut
    leaves (tests/imports/test_hostile_files.py proves both). So the declared sizes are a real
    bound, checked here before openpyxl parses anything. A ratio test (compressed against
    declared size) was not chosen: a genuine sheet of empty styled cells compresses 100:1 and
    more, so any ratio that stops bombs also refuses real workbooks.
    """
    part_limit = bound("PLANWATCH_IMPORT_MAX_PART_BYTES")
    for part in parts:
        if part.file_size > part_limit:
            size_is, limit_is = _over(part.file_size, part_limit)
            raise TrackerImportError(
                f"{name} has a part ({part.filename}) that unpacks to {size_is}; the limit is "
                f"{limit_is} a part (PLANWATCH_IMPORT_MAX_PART_BYTES)"
            )
    total, total_limit = (
        sum(part.file_size for part in parts),
        bound("PLANWATCH_IMPORT_MAX_UNPACKED_BYTES"),
    )
    if total > total_limit:
        size_is, limit_is = _over(total, total_limit)
        raise TrackerImportError(
            f"{name} unpacks to {size_is} in all; the limit is {limit_is} "
            "(PLANWATCH_IMPORT_MAX_UNPACKED_BYTES)"
        )


def _blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


class SheetBounds:
    """One sheet's row and column bounds, checked row by row as the sheet is read.

    Blank cells and rows past a bound are allowed (Excel saves formatted empty cells, and a
    CSV "Save as" pads rows with commas); a value past one is not. The padding openpyxl and
    csv add is skipped at C speed (`_present`), so a row costs Python time only for the cells
    the file itself holds.
    """

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.max_rows = bound("PLANWATCH_IMPORT_MAX_ROWS")
        self.max_columns = bound("PLANWATCH_IMPORT_MAX_COLUMNS")

    def admit(
        self, number: int, row: Sequence[Any], empty: object, value: Callable[[Any], object]
    ) -> bool:
        """Whether to pass the row on (False: a blank row past the last row allowed).

        `empty` is the filler the reader pads rows with; `value` reads a cell's value.
        """
        if number > EXCEL_MAX_ROWS:
            raise TrackerImportError(
                f"the sheet goes on past Excel's last row ({EXCEL_MAX_ROWS:,}), so the file "
                "is damaged or was not saved by Excel",
                sheet=self.sheet,
            )
        if len(row) > self.max_columns and _any_value(row[self.max_columns :], empty, value):
            last = max(i for i, cell in enumerate(row) if not _blank(value(cell)))
            raise TrackerImportError(
                f"the row has a value in column {last + 1:,}; the limit is "
                f"{self.max_columns:,} columns a sheet (PLANWATCH_IMPORT_MAX_COLUMNS)",
                sheet=self.sheet,
                row=number,
            )
        if number <= self.max_rows:
            return True
        if not _any_value(row[: self.max_columns], empty, value):
            return False
        raise TrackerImportError(
            f"the sheet has a value in row {number:,}; the limit is {self.max_rows:,} rows a "
            "sheet (PLANWATCH_IMPORT_MAX_ROWS)",
            sheet=self.sheet,
        )


def _any_value(cells: Sequence[Any], empty: object, value: Callable[[Any], object]) -> bool:
    return any(not _blank(value(cell)) for cell in _present(cells, empty))


def _present(cells: Sequence[Any], empty: object) -> Iterator[Any]:
    """The cells that are not the reader's filler, found by identity at C speed (openpyxl's
    read-only cells compare slot by slot in Python, and fail against its filler)."""
    return compress(cells, map(is_not, cells, repeat(empty)))
