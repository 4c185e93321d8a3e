"""Tracker files for tests: the sample workbook, altered the way users alter theirs."""

import csv
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from planwatch.domain.fuzzy_dates import excel_cell_text

from ..conftest import SAMPLE_WORKBOOK

Row = list[object]


def sample_sheets() -> list[tuple[str, list[Row], list[list[str | None]]]]:
    """Every sheet of the sample as (name, values, number formats)."""
    workbook = load_workbook(SAMPLE_WORKBOOK)
    sheets = []
    for sheet in workbook.worksheets:
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        formats = [[cell.number_format for cell in row] for row in sheet.iter_rows()]
        sheets.append((sheet.title, values, formats))
    return sheets


def sample_data_rows() -> list[tuple[str, int, Row, list[str | None], Row]]:
    """(sheet, row number, values, number formats, header) for every action row of the sample."""
    rows = []
    for name, values, formats in sample_sheets():
        if len(values) < 3 or values[1][1] != "Ref":
            continue
        for index in range(2, len(values)):
            if values[index][1]:
                rows.append((name, index + 1, values[index], formats[index], values[1]))
    return rows


def write_workbook(path: Path, sheets: list[tuple[str, list[Row]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets:
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def altered_sample(path: Path, alter: Callable[[str, list[Row]], list[Row]]) -> Path:
    """A copy of the sample workbook with each sheet's rows passed through `alter`."""
    workbook = load_workbook(SAMPLE_WORKBOOK)
    for sheet in workbook.worksheets:
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        formats = [[cell.number_format for cell in row] for row in sheet.iter_rows()]
        new_rows = alter(sheet.title, rows)
        sheet.delete_rows(1, sheet.max_row)
        for r, row in enumerate(new_rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if r <= len(formats) and c <= len(formats[r - 1]):
                    cell.number_format = formats[r - 1][c - 1]
    workbook.save(path)
    return path


def as_november(name, rows):
    """The sample rolled on a month: September's columns become November's, statuses move on."""
    renamed = []
    for index, row in enumerate(rows):
        row = list(row)
        if index == 1 and name.startswith("Theme"):
            row[11] = "Status (November 2022)"
            row[12] = "Update (Initial and Date)(November 22)"
            row[15] = "November"
        elif index > 1 and name.startswith("Theme 1"):
            row[11] = "Complete" if row[1] == "OC.A1.2" else row[11]
            row[12] = "Listening groups finished. (DS 14.11.22)" if row[1] == "OC.A1.2" else row[12]
        renamed.append(row)
    return renamed


def sample_as_csv(path: Path) -> Path:
    """The sample saved as one CSV the way a PMO would: a "Theme N - Name" line above each table.

    Dates are written as Excel shows them ("Jul-22"), which is what "Save as CSV" produces.
    """
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for name, values, formats in sample_sheets():
            if not name.startswith("Theme"):
                continue
            writer.writerow([name.replace(" - ", " - ", 1)])
            for row, row_formats in zip(values, formats, strict=True):
                writer.writerow(
                    [_as_shown(value, fmt) for value, fmt in zip(row, row_formats, strict=True)]
                )
            writer.writerow([])
    return path


def _as_shown(value: object, number_format: str | None) -> object:
    if isinstance(value, datetime | date):
        return excel_cell_text(value, number_format)
    return "" if value is None else value
