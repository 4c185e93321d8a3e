"""Header and group rows read the way seed 004's printed pages write them."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.tracker_headers import (
    HeaderCell,
    continues_header,
    group_field,
    group_month,
    header_month,
    is_group_row,
    monthly_field,
    months_resolve,
    read_groups,
)

# The council's header, as the workbook has it (seed 004 page 1), read cell by cell alone.
STATIC = HeaderCell("static")
HEADER = [STATIC] * 11 + [
    HeaderCell("status", (9, 2022)),
    HeaderCell("commentary", (9, 2022)),
    HeaderCell("status", (10, 2022)),
    HeaderCell("commentary", (10, 2022)),
    HeaderCell(None, (10, None)),  # "October", under "Change Control required"
]
GROUPS = (
    ["Static data", "", "", "Owners", "", "", "", "Dates", "", "Main Action Risk", ""]
    + ["Progress against plan", "Evidence of status rating"] * 2
    + ["Change Control required"]
)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Status (September 2022)", (9, 2022)),
        ("Update (Initial and Date)(September 22)", (9, 2022)),
        ("Update (Initial and Date)September 22", (9, 2022)),
        ("Update (Initial and Date)/October 22", (10, 2022)),
        ("Update (Initial and Date) - Oct-22", (10, 2022)),
        ("October", (10, None)),
        ("Change Control required October", (10, None)),
        ("Status (Oct 2022) (draft)", (10, 2022)),
        ("Progress against plan", None),
        ("Evidence of status rating", None),
        ("Update (Initial and Date)", None),
        ("Change Control required", None),
    ],
)
def test_a_header_names_its_month_in_brackets_after_its_words_or_alone(text, month):
    assert header_month(text) == month


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Status (October 2022)", "status"),
        ("Progress against plan", "status"),
        ("Update (Initial and Date)September 22", "commentary"),
        ("Evidence of status rating", "commentary"),
        ("Change Control required", "change_control"),
        ("Change Control required (October 2022)", "change_control"),
        ("October", None),
        ("Due date", None),
    ],
)
def test_a_header_names_its_monthly_field_by_its_leading_words(text, field):
    assert monthly_field(text) == field


@pytest.mark.parametrize(
    ("text", "field", "month"),
    [
        ("Static data", "static", None),
        ("Owners", "static", None),
        ("Main Action Risk", "static", None),
        ("Progress against plan", "status", None),
        ("Change Control required", "change_control", None),
        ("October Update Due", None, (10, None)),
        ("Update due September 2022", None, (9, 2022)),
        ("Dates", "static", None),
        ("Actions that may slip", None, None),
    ],
)
def test_a_group_cell_gives_a_field_a_month_or_nothing(text, field, month):
    assert (group_field(text), group_month(text)) == (field, month)


def test_rows_of_group_names_are_group_rows_and_plan_text_is_not():
    assert is_group_row(GROUPS)
    assert is_group_row(["", "October Update Due", ""])
    assert not is_group_row(["Establishing Organisational Culture", "", "Phase 1 Engagement"])
    assert not is_group_row(["Static data", "Establish the desired organisational culture"])
    assert not is_group_row(["", ""])


def _shifted(row: list[str], shift: int) -> list[str]:
    return [""] * shift + row if shift >= 0 else row[-shift:]


@given(shift=st.integers(min_value=-1, max_value=4))
def test_a_group_row_shifted_up_to_four_columns_still_heads_its_own_columns(shift):
    readings = read_groups([_shifted(GROUPS, shift)], HEADER)

    assert readings[15].field == "change_control"
    assert [r.field for r in readings[11:15]] == ["status", "commentary"] * 2
    assert all(r.field is None for r in readings[:11])


@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_a_lone_update_due_cell_a_column_out_gives_its_month_to_the_columns_from_it_on(shift):
    groups = [_shifted([""] * 13 + ["October Update Due", "", ""], shift)]
    header = [*HEADER[:13], HeaderCell("status"), HeaderCell("commentary"), *HEADER[15:]]

    readings = read_groups(groups, header)

    assert readings[13].month == readings[14].month == readings[15].month == (10, None)
    assert readings[10].month is None


def test_a_cell_straight_above_beats_a_cell_spanning_from_the_left_in_a_nearer_row():
    # Seed 004 line 146-147: the change-control cell sits in the upper row, and the lower
    # row's last cell, "Evidence of status rating", would otherwise span over "October".
    upper = ["Static data"] + [""] * 12 + ["October Update Due", "", "Change Control required"]
    lower = ["Workstream", "", "", "Owners"] + [""] * 3 + ["Dates", "", "Main Action Risk", ""]
    lower += ["Progress against plan", "Evidence of status rating"] * 2 + [""]

    assert read_groups([upper, lower], HEADER)[15].field == "change_control"


def test_a_header_cell_printed_over_two_lines_is_continued_by_the_month_below_it():
    header = ["Ref", "Action", "Change Control required"]
    assert continues_header(["", "", "October"], header)
    assert not continues_header(["", "", "Yes"], header)
    assert not continues_header(["", "", "", "October"], header)
    assert not continues_header(["OC.A1.1", "", "October"], header)


@pytest.mark.parametrize(
    ("fields", "months", "known", "expected"),
    [
        # Commentary and change control beside "Status (October 2022)" are October's.
        (
            ["status", "commentary", "change_control"],
            [(10, 2022), None, None],
            [],
            [date(2022, 10, 1)] * 3,
        ),
        # A month from the group, with no year: the year of this header's same month...
        (["status", "status"], [(10, 2022), (10, None)], [], [date(2022, 10, 1)] * 2),
        # ...else of an earlier header's...
        (["status"], [(10, None)], [date(2021, 10, 1)], [date(2021, 10, 1)]),
        # ...else the year that puts it next to the nearest dated column.
        (
            ["status", "commentary", "status"],
            [(12, 2022), (12, 2022), (1, None)],
            [],
            [date(2022, 12, 1), date(2022, 12, 1), date(2023, 1, 1)],
        ),
        # A change-control column with nothing to go on is the latest month's.
        (
            ["change_control", "status", "status"],
            [None, (9, 2022), (10, 2022)],
            [],
            [date(2022, 9, 1), date(2022, 9, 1), date(2022, 10, 1)],
        ),
        (["commentary", "static"], [None, None], [], [None, None]),
    ],
)
def test_months_come_from_the_neighbouring_status_column_and_get_their_year(
    fields, months, known, expected
):
    assert months_resolve(fields, months, known) == expected
