"""The deadline a due date sets on a given day, for one-off and recurring due dates."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.deadlines import (
    deadline_on,
    deadlines_until,
    due_on,
    first_deadline,
    is_late_on,
)
from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date
from planwatch.domain.slippage import months_between, slippage_on

D = date.fromisoformat
QUARTERLY = parse_fuzzy_date("Aug 2022 and then quarterly")


def test_aug_2022_and_then_quarterly_falls_due_at_the_end_of_every_third_month() -> None:
    assert deadlines_until(QUARTERLY, D("2023-09-01")) == (
        D("2022-08-31"),
        D("2022-11-30"),
        D("2023-02-28"),
        D("2023-05-31"),
        D("2023-08-31"),
    )


@pytest.mark.parametrize(
    ("as_of", "passed", "answers_to"),
    [
        ("2022-07-15", None, "2022-08-31"),  # not yet due: answers to the first deadline
        ("2022-08-31", None, "2022-08-31"),  # the deadline day itself is still in time
        ("2022-09-01", "2022-08-31", "2022-08-31"),
        ("2022-11-30", "2022-08-31", "2022-08-31"),
        ("2022-12-15", "2022-11-30", "2022-11-30"),  # the example
        ("2023-03-01", "2023-02-28", "2023-02-28"),
    ],
)
def test_a_recurring_due_date_answers_to_its_latest_passed_deadline(
    as_of: str, passed: str | None, answers_to: str
) -> None:
    assert deadline_on(QUARTERLY, D(as_of)) == (D(passed) if passed else None)
    assert due_on(QUARTERLY, D(as_of)) == D(answers_to)
    assert is_late_on(QUARTERLY, D(as_of)) is (passed is not None)


def test_a_deadline_not_at_a_months_end_keeps_its_day_where_the_month_has_it() -> None:
    thirtieth = FuzzyDate("x", DateKind.RECURRING, None, D("2023-01-30"), every_months=1)
    assert deadlines_until(thirtieth, D("2023-03-31")) == (
        D("2023-01-30"),
        D("2023-02-28"),
        D("2023-03-30"),
    )


def test_a_rhythm_not_in_months_keeps_only_its_first_deadline() -> None:
    weekly = parse_fuzzy_date("Jan 2023 then weekly")
    assert (weekly.kind, weekly.every_months) == (DateKind.RECURRING, None)
    assert deadlines_until(weekly, D("2023-04-30")) == (D("2023-01-31"),)


def test_a_one_off_due_date_has_one_deadline_whatever_the_day() -> None:
    due = parse_fuzzy_date("Nov 2022")
    assert deadlines_until(due, D("2030-01-01")) == (D("2022-11-30"),)
    assert due_on(due, D("2022-01-01")) == due_on(due, D("2029-01-01")) == D("2022-11-30")
    assert not is_late_on(due, D("2022-11-30"))
    assert is_late_on(due, D("2022-12-01"))


@pytest.mark.parametrize(
    "text", ["", "TBC", "Ongoing", "In place", "Complete", "x", "Quarterly", "Aug 2022 onwards"]
)
def test_a_due_date_with_no_first_deadline_is_never_due_or_late(text: str) -> None:
    due = parse_fuzzy_date(text)
    assert first_deadline(due) is None
    assert due_on(due, D("2030-01-01")) is None
    assert not is_late_on(due, D("2030-01-01"))


def test_slippage_of_a_recurring_due_date_is_measured_on_the_reporting_day() -> None:
    baseline = parse_fuzzy_date("Aug 2022")
    # On 15 Dec 2022 the rhythm answers to 30 Nov: three months after the one-off baseline.
    assert slippage_on(baseline, QUARTERLY, D("2022-12-15")) == 3
    assert slippage_on(baseline, QUARTERLY, D("2022-09-15")) == 0
    assert slippage_on(QUARTERLY, QUARTERLY, D("2023-06-15")) == 0
    assert slippage_on(baseline, parse_fuzzy_date("Quarterly"), D("2022-12-15")) is None


# --- properties ---------------------------------------------------------------------------

days = st.dates(min_value=date(2019, 1, 1), max_value=date(2035, 12, 31))
recurring = st.builds(
    lambda first, every: FuzzyDate("drawn", DateKind.RECURRING, None, first, every_months=every),
    days,
    st.integers(min_value=1, max_value=24),
)


@given(recurring, days)
def test_the_deadline_on_a_day_is_never_on_or_after_it(due: FuzzyDate, as_of: date) -> None:
    passed = deadline_on(due, as_of)
    assert passed is None or passed < as_of
    assert (passed is None) is (first_deadline(due) is None or first_deadline(due) >= as_of)


@given(recurring, days, days)
def test_the_deadline_never_moves_back_as_the_day_moves_on(
    due: FuzzyDate, a: date, b: date
) -> None:
    earlier, later = sorted((a, b))
    before, after = due_on(due, earlier), due_on(due, later)
    assert before is not None and after is not None and before <= after


@given(recurring, days)
def test_deadlines_step_by_the_interval(due: FuzzyDate, until: date) -> None:
    found = deadlines_until(due, until)
    assert all(day <= until for day in found)
    assert due.every_months is not None
    for earlier, later in pairwise(found):
        assert months_between(earlier, later) == due.every_months


@given(recurring, days)
def test_the_next_deadline_is_never_more_than_one_interval_away(
    due: FuzzyDate, as_of: date
) -> None:
    passed = deadline_on(due, as_of)
    following = deadlines_until(due, as_of + timedelta(days=31 * (due.every_months or 0)))
    assert passed is None or any(day >= as_of for day in following)
