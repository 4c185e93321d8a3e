from datetime import date, datetime

import pytest

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, excel_cell_text, parse_fuzzy_date

D = date.fromisoformat
K = DateKind


def test_excel_month_cell_with_a_typing_slip_stays_in_2005() -> None:
    fd = parse_fuzzy_date(datetime(2005, 7, 1), number_format="mmm-yy")
    assert (fd.text, fd.earliest, fd.latest) == ("Jul-05", D("2005-07-01"), D("2005-07-31"))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Spring 2023", "2023-03-01", "2023-05-31"),
        ("Summer 2022", "2022-06-01", "2022-08-31"),
        ("Autumn 2022", "2022-09-01", "2022-11-30"),
        ("Fall 2022", "2022-09-01", "2022-11-30"),
        ("Winter 2022", "2022-12-01", "2023-02-28"),
        ("Winter 23", "2023-12-01", "2024-02-29"),
    ],
)
def test_seasons_are_uk_meteorological_and_winter_runs_into_the_next_year(
    text: str, first: str, last: str
) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.SEASON, D(first), D(last))


def test_season_autumn_spans_september_to_november() -> None:
    fd = parse_fuzzy_date("Autumn 22")
    assert (fd.earliest, fd.latest) == (D("2022-09-01"), D("2022-11-30"))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Early 2023", "2023-01-01", "2023-04-30"),
        ("Mid 2023", "2023-05-01", "2023-08-31"),
        ("mid-2023", "2023-05-01", "2023-08-31"),
        ("Late 2023", "2023-09-01", "2023-12-31"),
        ("End 2023", "2023-10-01", "2023-12-31"),
        ("End of 2023", "2023-10-01", "2023-12-31"),
        ("Q1 2023", "2023-01-01", "2023-03-31"),
        ("Q3 2023", "2023-07-01", "2023-09-30"),
        ("2023 Q4", "2023-10-01", "2023-12-31"),
        ("H1 2023", "2023-01-01", "2023-06-30"),
        ("H2 2023", "2023-07-01", "2023-12-31"),
    ],
)
def test_parts_of_a_year_and_calendar_quarters_and_halves(text: str, first: str, last: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.PART_OF_YEAR, D(first), D(last))


def test_quarters_are_calendar_quarters_and_the_note_says_so() -> None:
    assert parse_fuzzy_date("Q1 2023").note == "calendar quarter"


@pytest.mark.parametrize("text", ["H3 2023", "Q5 2023", "Mid", "Winter", "22", "May"])
def test_a_period_without_a_year_or_out_of_range_is_unparseable(text: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.UNPARSEABLE, None, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("18-May-22", "2022-05-18"),
        ("1 September 2022", "2022-09-01"),
        ("1st Sept 2022", "2022-09-01"),
        ("18/05/2022", "2022-05-18"),
        ("05/06/2022", "2022-06-05"),
        ("18.5.22", "2022-05-18"),
        ("2022-05-18", "2022-05-18"),
    ],
)
def test_exact_days_are_read_day_first_as_in_the_uk(text: str, day: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.EXACT, D(day), D(day))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("May-22", "2022-05-01"),
        ("Jun 2022", "2022-06-01"),
        ("Sept 2023", "2023-09-01"),
        ("January 2023", "2023-01-01"),
        ("DEC 2022", "2022-12-01"),
        ("05/2022", "2022-05-01"),
        ("Jul-05", "2005-07-01"),
    ],
)
def test_months_cover_the_whole_month_and_two_digit_years_are_20yy(text: str, first: str) -> None:
    fd = parse_fuzzy_date(text)
    assert fd.kind is K.MONTH
    assert fd.earliest == D(first)
    assert fd.latest is not None and fd.latest.month == fd.earliest.month
    assert (fd.latest.replace(day=1) - fd.earliest).days == 0


def test_year_first_month_text_says_how_it_was_read() -> None:
    assert parse_fuzzy_date("22-Dec").note == "read '22-Dec' as Dec 2022"


def test_part_of_a_month_reads_as_the_whole_month_with_a_note() -> None:
    fd = parse_fuzzy_date("end of March 2023")
    assert (fd.kind, fd.earliest, fd.latest) == (K.MONTH, D("2023-03-01"), D("2023-03-31"))
    assert "end of" in fd.note


@pytest.mark.parametrize(
    ("text", "kind", "latest"),
    [
        ("By Sept 2023", K.MONTH, "2023-09-30"),
        ("by 22 June 2022", K.EXACT, "2022-06-22"),
        ("by Autumn 2022", K.SEASON, "2022-11-30"),
        ("By end 2022", K.PART_OF_YEAR, "2022-12-31"),
        ("by 2023", K.YEAR, "2023-12-31"),
    ],
)
def test_by_a_date_is_a_deadline_with_no_earliest(text: str, kind: DateKind, latest: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (kind, None, D(latest))
    assert fd.note.startswith("deadline")


def test_estimated_and_tentative_qualifiers_are_noted_not_dropped() -> None:
    assert parse_fuzzy_date("Est. Dec 2022").note == "estimated"
    assert parse_fuzzy_date("Spring 2023 (TBC)").note == "tentative (TBC)"
    assert parse_fuzzy_date("Dec 2022 TBC").kind is K.MONTH


def test_extra_words_after_a_period_are_kept_in_the_note() -> None:
    fd = parse_fuzzy_date("Autumn 22 linked to MTFP")
    assert fd.note == "extra words: 'linked to MTFP'"


def test_a_run_of_months_that_goes_backwards_is_not_read() -> None:
    assert parse_fuzzy_date("Jun 2022 - Mar 2022").kind is K.UNPARSEABLE
    fd = parse_fuzzy_date("Dec 2022 - Mar 2023")
    assert (fd.kind, fd.earliest, fd.latest) == (K.PART_OF_YEAR, D("2022-12-01"), D("2023-03-31"))


def test_an_achieved_milestone_is_done_in_its_month() -> None:
    assert parse_fuzzy_date("Achieved March 2022").describe() == "complete in Mar 2022"
    assert parse_fuzzy_date("Achieved nothing yet").kind is K.UNPARSEABLE


def test_extra_words_that_name_another_date_make_the_text_unparseable() -> None:
    assert parse_fuzzy_date("Dec 2022 to Mar 2023").kind is K.UNPARSEABLE
    assert parse_fuzzy_date("Dec 2022 or 2023").kind is K.UNPARSEABLE


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("Aug 2022 and then ongoing", "2022-08-01"),
        ("from Aug 2022", "2022-08-01"),
        ("Autumn 2022 onwards", "2022-09-01"),
    ],
)
def test_a_start_that_goes_on_has_an_earliest_but_no_latest(text: str, earliest: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest, fd.every_months) == (K.OPEN, D(earliest), None, None)


@pytest.mark.parametrize(
    ("text", "first_deadline", "every_months"),
    [
        ("Aug 2022 and then quarterly", "2022-08-31", 3),
        ("Aug 2022 then monthly", "2022-08-31", 1),
        ("Autumn 2022 and then annually", "2022-11-30", 12),
        ("Mar 2023 and then 6 monthly", "2023-03-31", 6),
    ],
)
def test_a_period_then_a_rhythm_is_a_first_deadline_and_an_interval(
    text: str, first_deadline: str, every_months: int
) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.latest, fd.every_months) == (K.RECURRING, D(first_deadline), every_months)


@pytest.mark.parametrize(
    ("text", "every_months"),
    [
        ("Quarterly", 3),
        ("Monthly monitoring", 1),
        ("annually", 12),
        ("6 monthly update", 6),
        ("Jan July each year", 6),
        ("June each year throughout intervention", 12),
        ("weekly", None),
    ],
)
def test_a_rhythm_alone_has_an_interval_but_no_first_deadline(
    text: str, every_months: int | None
) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.latest, fd.every_months) == (K.RECURRING, None, every_months)


def test_tbc_within_a_year_keeps_the_year_as_its_range() -> None:
    fd = parse_fuzzy_date("TBC 2023")
    assert (fd.kind, fd.earliest, fd.latest) == (K.UNKNOWN, D("2023-01-01"), D("2023-12-31"))
    assert fd.describe() == "TBC: within Jan 2023 \u2013 Dec 2023"


def test_tbc_with_a_reason_keeps_the_reason_in_the_note() -> None:
    fd = parse_fuzzy_date("TBC based on selected option")
    assert (fd.kind, fd.note) == (K.UNKNOWN, "based on selected option")


@pytest.mark.parametrize("text", ["Complete", "Completed", "complete."])
def test_complete_in_a_date_column_means_done(text: str) -> None:
    assert parse_fuzzy_date(text).kind is K.DONE


@pytest.mark.parametrize("text", ["In place", "in place", "Already in place"])
def test_in_place_in_a_date_column_means_already_done_not_open_ended(text: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.DONE, None, None)
    assert fd.describe() == "already in place"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Q1 2023/24", "2023-04-01", "2023-06-30"),
        ("Q2 2023/24", "2023-07-01", "2023-09-30"),
        ("Q3 2023/24", "2023-10-01", "2023-12-31"),
        ("Q4 2023/24", "2024-01-01", "2024-03-31"),
        ("Q4 2022-23", "2023-01-01", "2023-03-31"),
        ("q3 2023/2024", "2023-10-01", "2023-12-31"),
    ],
)
def test_a_quarter_of_a_financial_year_runs_april_to_march(text, first, last) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest) == (K.PART_OF_YEAR, D(first), D(last))
    assert "financial year" in fd.note


def test_a_financial_year_must_be_two_years_in_a_row() -> None:
    assert parse_fuzzy_date("Q3 2023/25").kind is K.UNPARSEABLE


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t", "<b></b>"])
def test_blank_values_are_blank(value: object) -> None:
    fd = parse_fuzzy_date(value)
    assert (fd.kind, fd.earliest, fd.latest) == (K.BLANK, None, None)
    assert fd.text == ("" if value is None else value)


def test_entities_are_decoded_and_the_note_says_markup_was_removed() -> None:
    fd = parse_fuzzy_date("Autumn&nbsp;2022")
    assert (fd.kind, fd.note, fd.text) == (K.SEASON, "markup removed", "Autumn&nbsp;2022")


@pytest.mark.parametrize("text", ["31/02/2022", "0000", "Winter 9999", "Jan 0000"])
def test_impossible_dates_are_unparseable_not_errors(text: str) -> None:
    fd = parse_fuzzy_date(text)
    assert (fd.kind, fd.earliest, fd.latest, fd.note) == (
        K.UNPARSEABLE,
        None,
        None,
        "not a real date",
    )


def test_numbers_from_excel_read_as_the_year_they_show() -> None:
    assert parse_fuzzy_date(2023).kind is K.YEAR
    assert parse_fuzzy_date(2023.0).text == "2023"


@pytest.mark.parametrize("value", [True, 2.5, b"May-22", ["May-22"], object()])
def test_other_objects_are_unparseable_with_their_type_noted(value: object) -> None:
    fd = parse_fuzzy_date(value)
    assert fd.kind is K.UNPARSEABLE
    assert type(value).__name__ in fd.note


@pytest.mark.parametrize(
    ("number_format", "text", "kind"),
    [
        ("mmm-yy", "Jul-22", K.MONTH),
        ("MMM-YY", "Jul-22", K.MONTH),
        ("mmmm yyyy", "July 2022", K.MONTH),
        ("mmm\\-yy", "Jul-22", K.MONTH),
        ("dd-mmm-yy", "05-Jul-22", K.EXACT),
        ("d/m/yyyy", "5/7/2022", K.EXACT),
        ("[$-809]dd/mm/yyyy;@", "05/07/2022", K.EXACT),
        ("yyyy", "2022", K.YEAR),
        ("General", "2022-07-05", K.EXACT),
        ("dddd d mmmm", "2022-07-05", K.EXACT),
        (None, "2022-07-05", K.EXACT),
    ],
)
def test_excel_cells_read_as_precisely_as_their_format_shows(
    number_format: str | None, text: str, kind: DateKind
) -> None:
    fd = parse_fuzzy_date(datetime(2022, 7, 5, 13, 30), number_format=number_format)
    assert (fd.text, fd.kind) == (text, kind)
    assert fd.earliest is not None and fd.latest is not None
    assert fd.earliest <= date(2022, 7, 5) <= fd.latest


def test_excel_cell_text_shows_dates_as_excel_does() -> None:
    assert excel_cell_text(datetime(2022, 7, 1), "mmm-yy") == "Jul-22"
    assert excel_cell_text(date(2022, 5, 18), "dd-mmm-yy") == "18-May-22"
    assert excel_cell_text(date(2022, 5, 18), "h:mm") == "2022-05-18"
    assert excel_cell_text(date(2022, 5, 18), None) == "2022-05-18"


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("Autumn 2022", "Sep 2022 \u2013 Nov 2022 (season)"),
        ("End 2022", "Oct 2022 \u2013 Dec 2022 (part of year)"),
        ("2023", "Jan 2023 \u2013 Dec 2023 (year)"),
        ("May-22", "May 2022"),
        ("18-May-22", "18 May 2022"),
        ("By Sept 2023", "by Sep 2023 \u2014 deadline"),
        ("TBC", "TBC: no date yet"),
        ("Ongoing", "ongoing"),
        (
            "Aug 2022 and then quarterly",
            "first due by Aug 2022, then every 3 months \u2014 quarterly",
        ),
        ("Monthly", "recurring \u2014 monthly"),
        ("Complete", "already complete"),
        (None, "no date given"),
        ("x", "could not read 'x'"),
        ("<b>Sep-22</b>", "Sep 2022 \u2014 markup removed"),
    ],
)
def test_describe_says_how_the_text_was_read(value: object, described: str) -> None:
    assert parse_fuzzy_date(value).describe() == described


def test_to_dict_gives_iso_dates_and_the_kind_value() -> None:
    assert parse_fuzzy_date("By Sept 2023").to_dict() == {
        "text": "By Sept 2023",
        "kind": "month",
        "earliest": None,
        "latest": "2023-09-30",
        "note": "deadline",
        "every_months": None,
    }


def test_a_fuzzy_date_rebuilt_from_stored_fields_is_equal() -> None:
    fd = parse_fuzzy_date("Spring 2023 TBC")
    assert FuzzyDate(fd.text, DateKind(fd.kind.value), fd.earliest, fd.latest, fd.note) == fd


def test_tbc_with_a_deadline_keeps_the_deadline_and_its_qualifiers() -> None:
    fd = parse_fuzzy_date("TBC by Dec 2022")
    assert (fd.kind, fd.earliest, fd.latest) == (K.UNKNOWN, None, D("2022-12-31"))
    assert fd.describe() == "TBC: by Dec 2022 \u2014 deadline"
    assert parse_fuzzy_date("TBC 2023 linked to budget").note == "extra words: 'linked to budget'"
