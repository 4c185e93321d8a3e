"""A proposed date read from the commentary of every change-control row of the sample tracker."""

from datetime import date
from pathlib import Path

import pytest

from planwatch.domain.commentary_dates import ProposedDate, proposed_dates

openpyxl = pytest.importorskip("openpyxl")

OCTOBER = date(2022, 10, 1)
WORKBOOK = Path(__file__).resolve().parents[2] / "demo" / "improvement-plan-tracker-2022-10.xlsx"
REF, OCTOBER_COMMENTARY, FLAG = 1, 14, 15

# Read by hand from the October commentary of the 69 rows flagged "Change Control required:
# Yes" (seed 004); every other flagged row names no new date.
EXPECTED = {
    "OC.A1.3": {"due": "January 2023"},  # "DS suggest Change Control to January"
    "OC.A2.1": {"start": "December 2022", "due": "March 2023"},
    "OC.B1.3": {"due": "December 2022"},
    "OC.B2.1": {"due": "April 2023"},
    "OC.B2.4": {"start": "April 2023"},  # "firmer start date as April 2023"
    "OC.C1.1": {"due": "November 2022"},  # "Change Control to change date to November"
    "OC.D2.2": {"due": "December 2022"},  # "proposed for end date of December"
    "OC.D2.5": {"start": "March 2023", "due": "Summer 2023"},
    "CO.D3.3": {"due": "December 2022"},  # "completion date now December 2022"
    "CO.D3.5": {"start": "October 2022"},  # "Change start date to Oct ... end date to TBC"
    "CO.E1.4": {"due": "February 2023"},  # "End Date to be adjusted to Feb 2023"
    "DM.B1.1": {"due": "December 2022"},
    "DM.B1.3": {"due": "December 2022"},  # "date change Oct. 22- Dec 22"
    "DM.B1.4": {"due": "October 2022"},  # "a change from July to October"
    "PC.B1.6": {"due": "January 2023"},  # "Change control Seq 22 Jan 23"
}


def _flagged_rows() -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(WORKBOOK, read_only=True)
    rows = []
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=3, values_only=True):
            if str(row[FLAG] or "").strip().lower() in {"yes", "y"}:
                rows.append((str(row[REF]).strip(), str(row[OCTOBER_COMMENTARY] or "")))
    return rows


def test_every_change_control_row_of_the_sample_gives_the_date_read_by_hand():
    rows = _flagged_rows()
    assert len(rows) == 69
    read = {ref: {p.field: p.text for p in proposed_dates(text, OCTOBER)} for ref, text in rows}
    assert {ref: found for ref, found in read.items() if found} == EXPECTED


@pytest.mark.parametrize(
    ("commentary", "expected"),
    [
        ("PMO: Change control proposed for end date of December", ("due", "December 2022")),
        ("Delays with the supplier; revised date March 2023.", ("due", "March 2023")),
        ("Change control to extend to Q4", ("due", "Q4 2022")),
        ("Change start date to Jan 23 to reflect the review", ("start", "January 2023")),
        ("Change control to January", ("due", "January 2023")),
    ],
)
def test_the_phrases_the_council_uses_give_the_new_date_as_it_would_write_it(commentary, expected):
    (proposal,) = proposed_dates(commentary, OCTOBER)
    assert (proposal.field, proposal.text) == expected
    assert proposal.phrase in commentary


def test_a_month_without_its_year_is_the_next_one_on_from_the_update_month():
    assert proposed_dates("Change control to May", date(2022, 10, 1))[0].text == "May 2023"
    assert proposed_dates("Change control to May", date(2022, 4, 1))[0].text == "May 2022"


@pytest.mark.parametrize(
    "commentary",
    ["", "On track for Nov Council.", "Change control needed: date TBC", "New action added"],
)
def test_commentary_that_names_no_new_date_proposes_none(commentary):
    assert proposed_dates(commentary, OCTOBER) == ()


def test_a_proposal_keeps_the_words_it_was_read_from():
    (proposal,) = proposed_dates(
        "Slippage. Change control to amend delivery date to Dec 22.", OCTOBER
    )
    assert proposal == ProposedDate(
        "due", "December 2022", "Change control to amend delivery date to Dec 22"
    )
