"""Reading a tracker file (.xlsx or .csv) into plain sheets of cells.

Nothing here knows about the plan; it only turns a file into rows of values, keeping the
Excel number format beside each value because "Jul-22" and "18-May-22" are the same kind of
cell with different meanings.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .errors import TrackerImportError

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Cell:
    value: object
    number_format: str | None = None


@dataclass(frozen=True)
class SheetRows:
    name: str
    total_rows: int
    rows: Generator[tuple[int, list[Cell]], None, None]


@contextmanager
def open_tracker(path: Path) -> Iterator[list[SheetRows]]:
    """The file's sheets, read lazily as the caller walks them; the file is closed after."""
    sheets, close = _open(path)
    try:
        yield sheets
    finally:
        close()


def _open(path: Path) -> tuple[list[SheetRows], Callable[[], None]]:
    if not path.exists():
        raise TrackerImportError(f"{path} does not exist")
    if not path.is_file():
        raise TrackerImportError(f"{path} is not a file")
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    if suffix == ".csv":
        return [_read_csv(path)], lambda: None
    raise TrackerImportError(
        f"{path.name} is a '{suffix or 'no extension'}' file; "
        "planwatch reads .xlsx and .csv trackers"
    )


def _read_xlsx(path: Path) -> tuple[list[SheetRows], Callable[[], None]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise TrackerImportError(
            f"{path.name} is not a readable Excel workbook (damaged or not .xlsx): {error}"
        ) from None
    sheets = [
        SheetRows(
            name=worksheet.title,
            total_rows=worksheet.max_row or 0,
            rows=_xlsx_rows(path, worksheet),
        )
        for worksheet in workbook.worksheets
    ]

    def close() -> None:
        # A sheet abandoned part-way (a refused file) still holds the workbook open.
        for sheet in sheets:
            sheet.rows.close()
        workbook.close()

    return sheets, close


def _xlsx_rows(path: Path, worksheet) -> Generator[tuple[int, list[Cell]], None, None]:
    try:
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            yield number, [Cell(cell.value, getattr(cell, "number_format", None)) for cell in row]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        raise TrackerImportError(
            f"the workbook is damaged and could not be read to the end ({error})",
            sheet=worksheet.title,
        ) from None


def _read_csv(path: Path) -> SheetRows:
    raw = path.read_bytes()
    text = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        raise TrackerImportError(f"{path.name} is not a text CSV file")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise TrackerImportError(f"{path.name} is not a readable CSV file: {error}") from None
    return SheetRows(
        name=path.stem,
        total_rows=len(rows),
        rows=((number, [Cell(value) for value in cells]) for number, cells in enumerate(rows, 1)),
    )
