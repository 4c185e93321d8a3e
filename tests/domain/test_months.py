from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.months import month_parse, month_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-10", date(2022, 10, 1)),
        (" 2022-1 ", date(2022, 1, 1)),
        ("2022-01", date(2022, 1, 1)),
    ],
)
def test_a_year_and_month_is_the_first_of_that_month(text, expected):
    assert month_parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "October",
        "2022-13",
        "2022-0",
        "22-10",
        "0000-01",
        "1899-12",
        "3000-01",
        "2022-1x",
        "2022-10-01",
        "2022/10",
        "２０２２-10",
    ],
)
def test_anything_else_is_no_month(text):
    assert month_parse(text) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_a_month_value_reads_back_as_its_month(day):
    assert month_parse(month_value(day)) == day.replace(day=1)


@given(st.text(max_size=12))
def test_parsing_never_raises(text):
    result = month_parse(text)
    assert result is None or result.day == 1


def test_no_month_is_an_empty_value():
    assert month_value(None) == ""
