"""Every distinct date in seeds 002 and 004 and the sample workbook reads as judged right.

The table is `seed_dates.SEED_DATES`; the last test fails, naming the cell, when the sample
workbook holds a Start or Due value the table has not judged.
"""

from datetime import date, datetime
from pathlib import Path

import pytest

from planwatch.domain.fuzzy_dates import date_quality_warnings, parse_fuzzy_date
from planwatch.domain.refs import parse_ref

from .seed_dates import SEED_DATES, SeedDate

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = [
    REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx",
    REPO.parent / "shared" / "sample-data" / "improvement-plan-tracker-2022-10.xlsx",
]
START, DUE, REF = 7, 8, 1  # 0-based columns H, I and B of the theme sheets


def _read(seed: SeedDate):
    if seed.number_format is None:
        return parse_fuzzy_date(seed.value)
    assert isinstance(seed.value, date)
    cell = datetime(seed.value.year, seed.value.month, seed.value.day)
    return parse_fuzzy_date(cell, number_format=seed.number_format)


@pytest.mark.parametrize("seed", SEED_DATES, ids=[str(seed.key) for seed in SEED_DATES])
def test_each_seed_date_reads_as_judged(seed: SeedDate) -> None:
    fd, expected = _read(seed), seed.reading

    assert fd.text == (seed.shown or seed.value)
    read = (fd.kind, fd.earliest, fd.latest, fd.every_months)
    assert read == (expected.kind, expected.earliest, expected.latest, expected.every_months)
    assert expected.note in fd.note
    warnings = date_quality_warnings(parse_fuzzy_date(None), fd)
    assert len(warnings) == (1 if expected.warnings else 0), warnings
    assert all(words in warnings[0] for words in expected.warnings)


def test_the_table_judges_each_date_once() -> None:
    keys = [seed.key for seed in SEED_DATES]
    assert len(keys) == len(set(keys))


def test_the_table_covers_every_start_and_due_cell_of_the_sample_workbook() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = next((path for path in WORKBOOKS if path.exists()), None)
    if workbook is None:
        pytest.skip("sample workbook not present")
    judged = {seed.key for seed in SEED_DATES if "004" in seed.seeds}
    found: set[object] = set()
    for sheet in openpyxl.load_workbook(workbook).worksheets[1:]:
        for row in sheet.iter_rows(min_row=3):
            if parse_ref(row[REF].value) is None:
                continue
            for cell in (row[START], row[DUE]):
                value = cell.value
                if isinstance(value, datetime):
                    found.add((value.date(), cell.number_format))
                elif value is not None:
                    found.add(value)
    assert found - judged == set()
    # And nothing is said to be in the workbook that is not.
    assert judged - found == set()
