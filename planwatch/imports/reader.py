"""Reading a tracker file (.xlsx or .csv) into plain sheets of cells.

Nothing here knows about the plan; it only turns a file into rows of values, keeping the
Excel number format beside each value because "Jul-22" and "18-May-22" are the same kind of
cell with different meanings. The file is taken for what its content is (`file_kinds`), and
read within the bounds of `limits`, so a hostile file is refused before it costs much.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from defusedxml.common import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse

from .errors import TrackerImportError
from .file_kinds import file_kind, workbook_check
from .limits import EXCEL_MAX_ROWS, SheetBounds, upload_size_check, zip_parts_check

ProgressCallback = Callable[[int, int], None]


class Cell(NamedTuple):
    """A value and its Excel number format. A tuple rather than a frozen dataclass: a large
    tracker has a million cells, and a tuple is made several times faster."""

    value: object
    number_format: str | None = None


def _head_size(worksheet: ReadOnlyWorksheet) -> None:
    """openpyxl's own read of a sheet's declared size, but stopping where the cells start.

    openpyxl looks for <dimension> on the elements' end events, so it meets <sheetData> only
    once it has parsed the whole sheet: a sheet that declares no size (as openpyxl's own
    write-only mode and other tools save) was parsed twice, a fifth of a large import. The
    schema puts <dimension> before <sheetData>, so its start events find the same answer.
    """
    with worksheet._get_source() as source:
        for _event, element in iterparse(source, events=("start",)):
            if element.tag == DIMENSION_TAG:
                bounds = SheetDimension.from_tree(element).boundaries
                worksheet._min_column, worksheet._min_row = bounds[0], bounds[1]
                worksheet._max_column, worksheet._max_row = bounds[2], bounds[3]
                return
            if element.tag == DATA_TAG:
                return


ReadOnlyWorksheet._get_size = _head_size


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
    # The size first: everything after reads the file, some of it whole.
    upload_size_check(path)
    if file_kind(path) == "xlsx":
        return _read_xlsx(path)
    return [_read_csv(path)], lambda: None


def tracker_file_check(path: Path) -> None:
    """The checks that need no parsing: size, kind, and a workbook's parts. A browser upload
    runs them at once, so an obviously wrong file is refused on the upload page itself."""
    upload_size_check(path)
    if file_kind(path) != "xlsx":
        return
    try:
        with zipfile.ZipFile(path) as archive:
            zip_parts_check(path.name, archive.infolist())
            workbook_check(path, archive)
    except zipfile.BadZipFile as error:
        raise TrackerImportError(
            f"{path.name} is not a readable Excel workbook (damaged or not .xlsx): "
            + _why(error, path)
        ) from None


# What openpyxl and zipfile raise on a damaged or hostile workbook: XML errors are
# SyntaxError (ElementTree's and lxml's), defusedxml's refusals ValueError, openpyxl's typed
# attributes TypeError, zipfile's encrypted entries and unknown compression methods
# RuntimeError (NotImplementedError is one).
_UNREADABLE = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    OSError,
    ValueError,
    EOFError,
    SyntaxError,
    TypeError,
    RuntimeError,
)


def _read_xlsx(path: Path) -> tuple[list[SheetRows], Callable[[], None]]:
    # Handed an open file, openpyxl does not judge it by its name: a workbook named .csv is
    # still a workbook.
    handle = path.open("rb")
    try:
        with zipfile.ZipFile(handle) as archive:
            zip_parts_check(path.name, archive.infolist())
            workbook_check(path, archive)
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except BaseException as error:
        handle.close()
        if isinstance(error, _UNREADABLE):
            raise TrackerImportError(
                f"{path.name} is not a readable Excel workbook (damaged or not .xlsx): "
                + _why(error, path)
            ) from None
        raise
    sheets = [
        SheetRows(
            name=worksheet.title,
            total_rows=min(worksheet.max_row or 0, EXCEL_MAX_ROWS),
            rows=_xlsx_rows(worksheet),
        )
        for worksheet in workbook.worksheets
    ]

    def close() -> None:
        # A sheet abandoned part-way (a refused file) still holds the workbook open.
        for sheet in sheets:
            sheet.rows.close()
        workbook.close()
        handle.close()

    return sheets, close


def _why(error: BaseException, path: Path | None = None) -> str:
    """One line: openpyxl wraps the XML parser's error in a paragraph naming the full path."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return "its XML declares entities or a DTD, which Excel never writes"
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    lines = (text.replace(str(path), path.name) if path else text).splitlines()
    return lines[0] if lines else type(error).__name__


def _xlsx_rows(worksheet) -> Generator[tuple[int, list[Cell]], None, None]:
    bounds = SheetBounds(worksheet.title)
    # openpyxl pads every row to the sheet's declared <dimension> and adds blank rows down to
    # it. A hostile dimension (A1:XFD1048576) would make that millions of cells, so padding is
    # kept only to a width within the column bound, as a genuine sheet declares.
    width = worksheet.max_column
    worksheet.reset_dimensions()
    width = width if width and width <= bounds.max_columns else None
    try:
        for number, row in enumerate(worksheet.iter_rows(max_col=width), start=1):
            if bounds.admit(number, row, EMPTY_CELL, _cell_value):
                yield number, [_cell(cell) for cell in row[: bounds.max_columns]]
    except _UNREADABLE as error:
        raise TrackerImportError(
            f"the workbook is damaged and could not be read to the end ({_why(error)})",
            sheet=worksheet.title,
        ) from None


def _cell(cell) -> Cell:
    # Only a date's number format means anything ("Jul-22" against "18-May-22"), and
    # looking one up costs openpyxl a walk through the workbook's styles: text, the bulk of
    # a tracker, is kept without it.
    value = cell.value
    if value is None or isinstance(value, str):
        return Cell(value)
    return Cell(value, getattr(cell, "number_format", None))


def _cell_value(cell) -> object:
    return cell.value


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
        raise TrackerImportError(
            f"{path.name} is neither an Excel workbook (.xlsx) nor a text CSV file"
        )
    return SheetRows(
        name=path.stem,
        # For the progress bar only: a quoted cell may hold line breaks.
        total_rows=text.count("\n") + (not text.endswith("\n")),
        rows=_csv_rows(path, text),
    )


def _csv_rows(path: Path, text: str) -> Generator[tuple[int, list[Cell]], None, None]:
    """Read lazily, so a file of millions of empty lines never becomes millions of lists."""
    bounds = SheetBounds(path.stem)
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if bounds.admit(number, values, "", _same):
                yield number, [Cell(value) for value in values[: bounds.max_columns]]
    except csv.Error as error:
        raise TrackerImportError(f"{path.name} is not a readable CSV file: {error}") from None


def _same(value: object) -> object:
    return value
