"""Slippage in whole calendar months, as the council's thresholds count it."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.slippage import months_between, slippage_months


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        (date(2022, 6, 30), date(2022, 9, 30), 3),
        (date(2022, 6, 30), date(2022, 12, 31), 6),
        (date(2022, 1, 31), date(2022, 2, 28), 1),
        (date(2022, 1, 15), date(2022, 2, 14), 0),
        (date(2022, 1, 15), date(2022, 2, 15), 1),
        (date(2022, 11, 30), date(2023, 1, 31), 2),
        (date(2022, 9, 30), date(2022, 6, 30), -3),
        (date(2022, 9, 30), date(2022, 9, 1), 0),
    ],
)
def test_months_between_counts_whole_calendar_months(earlier, later, months) -> None:
    assert months_between(earlier, later) == months


def test_slippage_is_unknown_when_either_date_is_unknown() -> None:
    assert slippage_months(None, date(2022, 1, 1)) is None
    assert slippage_months(date(2022, 1, 1), None) is None


def test_a_due_date_moved_from_june_to_october_has_slipped_four_months() -> None:
    assert slippage_months(date(2022, 6, 30), date(2022, 10, 31)) == 4


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(dates, dates)
def test_months_between_is_antisymmetric(a, b) -> None:
    assert months_between(a, b) == -months_between(b, a) or a.day != b.day


@given(dates, st.integers(min_value=0, max_value=27))
def test_less_than_a_month_later_is_zero_months(a, days) -> None:
    later = a + timedelta(days=days)
    assert months_between(a, later) in (0, 1)
    if later.month == a.month:
        assert months_between(a, later) == 0


@given(dates, dates)
def test_months_between_grows_with_the_later_date(a, b) -> None:
    later = b + timedelta(days=40)
    assert months_between(a, later) >= months_between(a, b)
