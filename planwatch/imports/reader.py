"""Reading a tracker file (.xlsx or .csv) into plain sheets of cells.

Nothing here knows about the plan; it only turns a file into rows of values, keeping the
Excel number format beside each value because "Jul-22" and "18-May-22" are the same kind of
cell with different meanings.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
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
    rows: Iterator[tuple[int, list[Cell]]]


def read_tracker(path: Path) -> list[SheetRows]:
    """Open the file and return its sheets; rows are read lazily as the caller walks them."""
    if not path.exists():
        raise TrackerImportError(f"{path} does not exist")
    if not path.is_file():
        raise TrackerImportError(f"{path} is not a file")
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    if suffix == ".csv":
        return [_read_csv(path)]
    raise TrackerImportError(
        f"{path.name} is a '{suffix or 'no extension'}' file; "
        "planwatch reads .xlsx and .csv trackers"
    )


def _read_xlsx(path: Path) -> list[SheetRows]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise TrackerImportError(
            f"{path.name} is not a readable Excel workbook (damaged or not .xlsx): {error}"
        ) from None
    sheets = []
    for worksheet in workbook.worksheets:
        sheets.append(
            SheetRows(
                name=worksheet.title,
                total_rows=worksheet.max_row or 0,
                rows=_xlsx_rows(path, worksheet),
            )
        )
    return sheets


def _xlsx_rows(path: Path, worksheet) -> Iterator[tuple[int, list[Cell]]]:
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
