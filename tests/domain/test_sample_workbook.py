"""Guards that the hand-written expectations cover every value the sample tracker holds.

If the sample workbook gains a new status, these fail and name it, so the tables (and the
parsers) are brought up to date rather than silently skipped; Start/Due values are guarded in
test_seed_dates.
"""

from pathlib import Path

import pytest

from planwatch.domain.refs import parse_ref, parse_risk_level, parse_yes_no
from planwatch.domain.statuses import read_status

from .sample_values import WORKBOOK_STATUSES

openpyxl = pytest.importorskip("openpyxl")

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = [
    REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx",
    REPO.parent / "shared" / "sample-data" / "improvement-plan-tracker-2022-10.xlsx",
]
WORKBOOK = next((path for path in CANDIDATES if path.exists()), None)
pytestmark = pytest.mark.skipif(WORKBOOK is None, reason="sample workbook not present")

# Columns of the theme sheets (0-based): B Ref, H Start, I Due, J Risk, L/N status, P flag.
Row = tuple[tuple[object, str], ...]  # each cell's value and number format
REF, START, DUE, RISK, STATUSES, FLAG = 1, 7, 8, 9, (11, 13), 15


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    book = openpyxl.load_workbook(WORKBOOK)
    found: list[Row] = []
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=3):
            if parse_ref(row[REF].value) is not None:
                found.append(tuple((cell.value, cell.number_format) for cell in row))
    return found


def test_the_sample_tracker_has_295_action_rows_66_of_them_main_actions(rows: list[Row]) -> None:
    refs = [parse_ref(row[REF][0]) for row in rows]
    assert len(refs) == 295
    assert sum(1 for ref in refs if ref and ref.is_main) == 66


def test_every_status_in_the_workbook_is_recognised(rows: list[Row]) -> None:
    written = {row[i][0] for row in rows for i in STATUSES if row[i][0] is not None}
    assert written == set(WORKBOOK_STATUSES)
    assert all(read_status(text).recognised for text in written)


def test_every_risk_level_and_change_control_flag_is_recognised(rows: list[Row]) -> None:
    assert all(parse_risk_level(row[RISK][0])[1] for row in rows)
    assert all(parse_yes_no(row[FLAG][0]) is not None for row in rows if len(row) > FLAG)
