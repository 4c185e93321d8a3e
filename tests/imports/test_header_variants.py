"""Each header variant of seed 004's printed pages, in a small table through the parser."""

from datetime import date

from planwatch.imports.parse import parse_tracker
from planwatch.imports.reader import Cell, SheetRows

SEP, OCT = date(2022, 9, 1), date(2022, 10, 1)
STATIC = [
    "Workstream",
    "Ref",
    "Action",
    "Director Lead",
    "Cabinet Member",
    "Other Leads",
    "Update Owner (if different)",
    "Start date",
    "Due date",
    "Main Action Risk",
    "Description",
]
GROUPS = [
    "Static data",
    "",
    "",
    "Owners",
    "",
    "",
    "",
    "Dates",
    "",
    "Main Action Risk",
    "",
    "Progress against plan",
    "Evidence of status rating",
    "Progress against plan",
    "Evidence of status rating",
    "Change Control required",
]
MONTHLY = [
    "Status (September 2022)",
    "Update (Initial and Date)(September 22)",
    "Status (October 2022)",
    "Update (Initial and Date)(October 22)",
    "October",
]


def _row(ref: str, sep: str = "On Track", oct_: str = "Medium Progress", flag: str = "Yes"):
    return [
        "Culture",
        ref,
        "An action",
        "",
        "",
        "",
        "",
        "May 2022",
        "Dec 2022",
        "N/A",
        "N/A",
        sep,
        f"September words {ref}",
        oct_,
        f"October words {ref}",
        flag,
    ]


def _parse(*rows: list[str]):
    sheet = SheetRows(
        "Pasted",
        len(rows),
        ((n, [Cell(v or None) for v in row]) for n, row in enumerate(rows, start=1)),
    )
    return parse_tracker([sheet])


def _months(parsed, key: str):
    (row,) = [r for r in parsed.rows if r.key == key]
    return {
        month: (
            entry.status.text if entry.status else "",
            entry.commentary,
            entry.change_control_text,
        )
        for month, entry in row.months.items()
    }


def _read_whole(key: str):
    return {
        SEP: ("On Track", f"September words {key}", ""),
        OCT: ("Medium Progress", f"October words {key}", "Yes"),
    }


def test_update_headers_with_the_month_straight_after_the_brackets_or_a_slash_are_read():
    header = [
        *STATIC,
        MONTHLY[0],
        "Update (Initial and Date)September 22",
        MONTHLY[2],
        "Update (Initial and Date)/October 22",
        "October",
    ]
    parsed = _parse(GROUPS, header, _row("OC.A1.1"))

    assert _months(parsed, "OC.A1.1") == _read_whole("OC.A1.1")
    assert not [w for w in parsed.warnings if w.category == "column"]


def test_a_bare_october_under_a_change_control_group_shifted_left_stays_change_control():
    # Seed 004 line 124: the group row sits a column to the left of its columns.
    shifted = [*GROUPS[1:], ""]
    parsed = _parse(shifted, STATIC + MONTHLY, _row("OC.A1.1"))

    assert _months(parsed, "OC.A1.1") == _read_whole("OC.A1.1")


def test_a_bare_october_under_two_group_rows_takes_the_change_control_cell_above_it():
    # Seed 004 lines 146-147: the upper row holds "Change Control required", the lower row
    # ends on "Evidence of status rating" one column before.
    upper = ["Static data"] + [""] * 12 + ["October Update Due", "", "Change Control required"]
    lower = ["Workstream", "", "", "Owners", "", "", "", "Dates", "", "Main Action Risk", ""]
    lower += [*GROUPS[11:15], ""]
    parsed = _parse(upper, lower, STATIC + MONTHLY, _row("OC.A1.1"))

    assert _months(parsed, "OC.A1.1") == _read_whole("OC.A1.1")


def test_the_month_given_only_by_an_october_update_due_group_cell_is_read():
    # Seed 004 lines 262-264: October's columns are headed only by their group names, the
    # month is in the row above, and "October" is printed on a line of its own below.
    groups = GROUPS[:11] + GROUPS[11:13] + ["October Update Due", "", ""]
    header = (
        STATIC
        + MONTHLY[:2]
        + [
            "Progress against plan",
            "Evidence of status rating",
            "Change Control required",
        ]
    )
    below = [""] * 15 + ["October"]
    parsed = _parse(groups, header, below, _row("OC.A1.1"))

    assert _months(parsed, "OC.A1.1") == _read_whole("OC.A1.1")
    assert parsed.warnings == []


def test_pages_whose_group_rows_shift_each_read_with_their_own_header():
    # Page 2 (seed 004 line 232): its group row one column to the right, its change-control
    # column headed only "Change Control required", its month from "October Update Due".
    page_2_groups = ["", *GROUPS[:13], "October Update Due", ""]
    page_2_header = STATIC + MONTHLY[:4] + ["Change Control required"]
    parsed = _parse(
        GROUPS,
        STATIC + MONTHLY,
        _row("OC.A1.1"),
        [],
        page_2_groups,
        page_2_header,
        _row("OC.A1.2"),
    )

    assert _months(parsed, "OC.A1.1") == _read_whole("OC.A1.1")
    assert _months(parsed, "OC.A1.2") == _read_whole("OC.A1.2")
    assert parsed.warnings == []


def test_a_page_pasted_straight_under_another_is_not_grouped_by_the_last_data_row():
    last = _row("OC.A1.1")
    last[14] = "Change control to amend delivery date to December 2022"
    page_2_header = [*STATIC, MONTHLY[0], MONTHLY[1], "Status (October 2022)", "Evidence", ""]
    parsed = _parse(GROUPS, STATIC + MONTHLY, last, page_2_header, _row("OC.A1.2", flag=""))

    assert _months(parsed, "OC.A1.2")[OCT] == ("Medium Progress", "October words OC.A1.2", "")


def test_a_later_pages_group_rows_are_not_warned_of_but_a_row_without_its_ref_still_is():
    no_ref = _row("")
    parsed = _parse(GROUPS, STATIC + MONTHLY, _row("OC.A1.1"), no_ref, GROUPS, STATIC + MONTHLY)

    warned = [(w.category, w.row) for w in parsed.warnings]
    assert warned == [("row", 4)]
