from datetime import datetime

from planwatch.domain.fuzzy_dates import date_quality_warnings, parse_fuzzy_date


def test_sensible_dates_raise_no_warning() -> None:
    assert date_quality_warnings(parse_fuzzy_date("May-22"), parse_fuzzy_date("Autumn 22")) == []


def test_blank_and_vague_dates_raise_no_warning() -> None:
    for start, due in [(None, None), ("TBC", "Ongoing"), ("Complete", "quarterly")]:
        assert date_quality_warnings(parse_fuzzy_date(start), parse_fuzzy_date(due)) == []


def test_a_year_far_from_the_plan_is_called_a_probable_typing_slip() -> None:
    due = parse_fuzzy_date(datetime(2005, 7, 1), number_format="mmm-yy")
    assert date_quality_warnings(parse_fuzzy_date(None), due) == [
        "due date Jul-05 read as Jul 2005, outside 2019\u20132030: probably a typing slip"
    ]


def test_the_plausible_years_can_be_narrowed() -> None:
    start = parse_fuzzy_date("<b>Apr-27</b>")
    assert date_quality_warnings(start, parse_fuzzy_date(None)) == []
    assert date_quality_warnings(start, parse_fuzzy_date(None), plausible_years=(2021, 2025)) == [
        "start date <b>Apr-27</b> read as Apr 2027, outside 2021\u20132025: probably a typing slip"
    ]


def test_a_tbc_year_outside_the_plan_is_warned_about_too() -> None:
    [warning] = date_quality_warnings(parse_fuzzy_date("TBC 2035"), parse_fuzzy_date(None))
    assert warning.startswith("start date TBC 2035 read as Jan 2035 \u2013 Dec 2035,")


def test_a_due_date_that_ends_before_the_start_begins_is_warned_about() -> None:
    warnings = date_quality_warnings(parse_fuzzy_date("Dec 2022"), parse_fuzzy_date("Jun 2022"))
    assert warnings == ["due date Jun 2022 ends before start date Dec 2022 begins"]


def test_the_order_warning_shows_the_reading_when_it_differs_from_the_text() -> None:
    warnings = date_quality_warnings(parse_fuzzy_date("Autumn 22"), parse_fuzzy_date("Jun-22"))
    assert warnings == [
        "due date Jun-22 (Jun 2022) ends before start date Autumn 22 "
        "(Sep 2022 \u2013 Nov 2022 (season)) begins"
    ]


def test_overlapping_vague_dates_are_not_out_of_order() -> None:
    start, due = parse_fuzzy_date("Autumn 2022"), parse_fuzzy_date("Sep-22")
    assert date_quality_warnings(start, due) == []


def test_unreadable_start_and_due_are_each_reported() -> None:
    assert date_quality_warnings(parse_fuzzy_date("x"), parse_fuzzy_date("dates")) == [
        "could not read start date 'x'",
        "could not read due date 'dates'",
    ]


def test_a_plain_quarter_is_read_as_a_calendar_quarter_with_a_warning_that_it_is_ambiguous():
    warnings = date_quality_warnings(parse_fuzzy_date(None), parse_fuzzy_date("Q3 2023"))
    assert warnings == [
        "due date Q3 2023 read as a calendar quarter (Jul 2023 \u2013 Sep 2023); write it as "
        "e.g. 'Q3 2023/24' if the financial year was meant"
    ]
    assert date_quality_warnings(parse_fuzzy_date(None), parse_fuzzy_date("Q3 2023/24")) == []
