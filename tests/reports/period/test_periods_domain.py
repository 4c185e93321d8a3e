"""Reporting periods, their data coverage and dated completions (planwatch/domain/periods.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.periods import (
    Completion,
    Period,
    completion_of,
    completions_in,
    coverage_of,
    month_add,
    month_label,
    month_list_label,
)

OCT_2022 = date(2022, 10, 1)
months = st.builds(date, st.integers(1900, 2200), st.integers(1, 12), st.just(1))


def test_a_cabinet_quarter_ending_october_runs_august_to_october() -> None:
    period = Period(OCT_2022, 3)
    assert period.months == (date(2022, 8, 1), date(2022, 9, 1), OCT_2022)
    assert period.label == "Aug – Oct 2022"
    assert period.after == date(2022, 11, 1)


def test_a_half_year_crossing_new_year_names_both_years() -> None:
    period = Period(date(2023, 3, 1), 6)
    assert period.start == date(2022, 10, 1)
    assert period.label == "Oct 2022 – Mar 2023"


def test_a_one_month_period_is_labelled_by_its_month() -> None:
    assert Period(OCT_2022, 1).label == "Oct 2022"


@pytest.mark.parametrize("end", [date(2022, 10, 2), date(2022, 10, 31)])
def test_a_period_must_end_on_a_first_of_month(end) -> None:
    with pytest.raises(ValueError, match="first day"):
        Period(end, 3)


def test_a_period_has_at_least_one_month() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Period(OCT_2022, 0)


@given(months, st.integers(-500, 500))
def test_month_add_moves_by_whole_months_and_back(month, count) -> None:
    moved = month_add(month, count)
    assert moved.day == 1
    assert (moved.year * 12 + moved.month) - (month.year * 12 + month.month) == count
    assert month_add(moved, -count) == month


@given(months, st.integers(1, 36))
def test_a_period_holds_exactly_its_months_and_nothing_either_side(end, length) -> None:
    period = Period(end, length)
    assert len(period.months) == length == len(set(period.months))
    assert period.months[-1] == end and period.months[0] == period.start
    assert all(period.contains(m) for m in period.months)
    assert not period.contains(month_add(period.start, -1))
    assert not period.contains(period.after)
    assert period.contains(date(end.year, end.month, 28))


def test_the_sample_covers_two_of_a_quarters_three_months_and_says_so() -> None:
    coverage = coverage_of(Period(OCT_2022, 3), [date(2022, 9, 1), OCT_2022, date(2022, 7, 1)])
    assert coverage.months_with_data == (date(2022, 9, 1), OCT_2022)
    assert coverage.months_without_data == (date(2022, 8, 1),)
    assert not coverage.complete
    assert (coverage.first, coverage.last) == (date(2022, 9, 1), OCT_2022)
    assert coverage.sentence() == (
        "Monthly updates cover Sep 2022 and Oct 2022; there are none for Aug 2022, so figures "
        "for the start of the period are as at Sep 2022."
    )


def test_a_fully_covered_period_says_so() -> None:
    period = Period(OCT_2022, 2)
    coverage = coverage_of(period, period.months)
    assert coverage.complete
    assert coverage.sentence().endswith("the whole period.")


def test_a_period_with_no_updates_says_there_are_none() -> None:
    coverage = coverage_of(Period(OCT_2022, 6), [])
    assert coverage.first is None and coverage.last is None
    assert coverage.sentence() == "The tracker has no monthly updates for May – Oct 2022."


@given(months, st.integers(1, 12), st.sets(st.integers(-15, 15)))
def test_coverage_splits_the_periods_months_into_with_and_without_data(end, length, offsets):
    period = Period(end, length)
    coverage = coverage_of(period, [month_add(end, o) for o in offsets])
    assert set(coverage.months_with_data) | set(coverage.months_without_data) == set(period.months)
    assert not set(coverage.months_with_data) & set(coverage.months_without_data)
    assert list(coverage.months_with_data) == sorted(coverage.months_with_data)


def test_month_list_labels_read_as_english() -> None:
    assert month_list_label([]) == "none"
    assert month_list_label([OCT_2022]) == "Oct 2022"
    assert month_list_label([date(2022, 8, 1), date(2022, 9, 1), OCT_2022]) == (
        "Aug 2022, Sep 2022 and Oct 2022"
    )
    assert month_label(date(2023, 1, 1)) == "Jan 2023"


def test_an_action_rated_complete_after_a_recorded_month_is_dated() -> None:
    assert completion_of(OCT_2022, month_before_recorded=True) == Completion(OCT_2022, True)


def test_an_action_complete_with_no_record_the_month_before_has_no_known_month() -> None:
    assert completion_of(OCT_2022, month_before_recorded=False) == Completion(OCT_2022, False)


def test_an_action_never_rated_complete_has_no_completion() -> None:
    assert completion_of(None, month_before_recorded=True) is None
    assert completion_of(None, month_before_recorded=False) is None


def test_completions_in_a_period_count_dated_and_undated_apart() -> None:
    period = Period(OCT_2022, 3)
    completions = [
        Completion(OCT_2022, True),
        Completion(date(2022, 9, 1), True),
        Completion(date(2022, 9, 1), False),
        Completion(date(2022, 7, 1), True),  # before the period
        Completion(date(2022, 11, 1), True),  # after it
        None,
    ]
    assert completions_in(period, completions) == (2, 1)


@given(
    months,
    st.integers(1, 12),
    st.lists(st.tuples(st.integers(-20, 20), st.booleans()), max_size=30),
)
def test_every_completion_in_the_period_is_counted_once(end, length, actions) -> None:
    period = Period(end, length)
    completions = [
        completion_of(month_add(end, offset), month_before_recorded=recorded)
        for offset, recorded in actions
    ]
    dated, undated = completions_in(period, completions)
    inside = [c for c in completions if c and period.contains(c.month)]
    assert dated + undated == len(inside)
    assert dated == sum(1 for c in inside if c.dated)
    assert dated == sum(
        1 for offset, recorded in actions if recorded and period.contains(month_add(end, offset))
    )
