from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.commentary import Signature, find_signature


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan to present to LT on 22 November. (DS 17.10)", Signature("DS", "17.10", None)),
        (
            "Change to April 2023 (DS 17.10.22)",
            Signature("DS", "17.10.22", date(2022, 10, 17)),
        ),
        (
            "Rambutan to have all data by end of October. DS 26.9.22",
            Signature("DS", "26.9.22", date(2022, 9, 26)),
        ),
        ("Agreed. (GH 12/10/22)", Signature("GH", "12/10/22", date(2022, 10, 12))),
        ("Agreed (GH 12/10/2022).", Signature("GH", "12/10/2022", date(2022, 10, 12))),
        (
            "NC 28/9/22: Presentation to Leadership Team on 20/9",
            Signature("NC", "28/9/22", date(2022, 9, 28)),
        ),
        ("NC 28/9/22 - no additional update", Signature("NC", "28/9/22", date(2022, 9, 28))),
        ("GD 29/09: Draft plan has been received", Signature("GD", "29/09", None)),
    ],
)
def test_signatures_in_the_councils_styles_are_found(text: str, expected: Signature) -> None:
    assert find_signature(text) == expected


def test_the_last_signature_in_the_text_wins() -> None:
    text = "Outcome of OC.A1.0 above (DS 17.10.22). First draft by December. (GH 20.10.22)"
    assert find_signature(text) == Signature("GH", "20.10.22", date(2022, 10, 20))


def test_a_signature_in_the_middle_still_counts_when_bracketed() -> None:
    text = "Members only (DS 17.10.22) In future, training will be offered at this point."
    assert find_signature(text) == Signature("DS", "17.10.22", date(2022, 10, 17))


def test_a_later_remark_signed_on_its_own_line_wins_over_the_opening_one() -> None:
    text = "RI 29/09/22: Q1 report made.\nCR 28.10.22: training arranged."
    assert find_signature(text) == Signature("CR", "28.10.22", date(2022, 10, 28))


@pytest.mark.parametrize(
    "text",
    [
        "Approach being considered by LT 03/11/22 as per updates elsewhere",
        "Agreed by LT 03/11/22",
        "(Some dates rescheduled due to additional public holiday on 19.9.22).",
        "Due for scrutiny consideration 13/10. Preparations being made.",
        "Q1 Perf Report made to Lhp Team in line with timescale.",
        "Complete",
        "",
    ],
)
def test_dates_in_prose_are_not_signatures(text: str) -> None:
    assert find_signature(text) is None


@pytest.mark.parametrize(
    ("text", "date_text"), [("(DS 31.2.22)", "31.2.22"), ("(DS 1.13.22)", "1.13.22")]
)
def test_an_impossible_date_keeps_its_text_but_no_date(text: str, date_text: str) -> None:
    assert find_signature(text) == Signature("DS", date_text, None)


@pytest.mark.parametrize("value", [None, 42, 3.5, b"(DS 17.10.22)"])
def test_non_text_values_have_no_signature(value: object) -> None:
    assert find_signature(value) is None


@given(st.text())
def test_finding_a_signature_never_raises(text: str) -> None:
    found = find_signature(text)
    if found is not None:
        assert found.initials in text and found.date_text in text


# Bodies such as LT (Leadership Team) are never read as someone's initials.
initials = st.from_regex(r"[A-Z]{2,3}", fullmatch=True).filter(
    lambda text: text not in {"LT", "SLT", "IP", "LGA", "CEX"}
)


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), initials)
def test_a_bracketed_signature_with_a_two_digit_year_round_trips(day: date, initials: str) -> None:
    date_text = f"{day.day}.{day.month}.{day.year % 100:02d}"
    found = find_signature(f"Some update text. ({initials} {date_text})")
    assert found == Signature(initials, date_text, day)
