"""The counting rules every output shares (planwatch/domain/counting.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.counting import (
    ALL_GROUPS,
    DONE_STATUSES,
    EXCEPTION_STATUSES,
    FINISHED_STATUSES,
    OTHER_GROUP,
    OWNER_RATINGS,
    Audience,
    add_months,
    counted_update_states,
    is_counted_action,
    is_done,
    is_exception,
    is_finished,
    is_in_month_figures,
    is_missing_update,
    status_group,
)
from planwatch.domain.statuses import Status
from planwatch.plans.models import UpdateState

months = st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 12, 1)).map(
    lambda d: d.replace(day=1)
)


def test_the_pmo_counts_submitted_and_accepted_updates_never_drafts_or_returned_ones():
    assert counted_update_states(Audience.PMO) == {UpdateState.SUBMITTED, UpdateState.ACCEPTED}


def test_viewers_and_published_editions_count_only_accepted_updates():
    assert counted_update_states(Audience.PUBLISHED) == {UpdateState.ACCEPTED}


def test_every_counted_state_is_a_state_the_database_stores():
    stored = {state.value for state in UpdateState}
    for audience in Audience:
        assert counted_update_states(audience) <= stored


def test_done_is_complete_or_closed_only():
    assert {s for s in Status if is_done(s)} == {Status.COMPLETE, Status.CLOSED} == DONE_STATUSES


def test_finished_adds_not_applicable_and_duplicate_to_done_but_never_counts_them_as_done():
    assert {Status.NOT_APPLICABLE, Status.DUPLICATE} == FINISHED_STATUSES - DONE_STATUSES
    assert all(is_finished(s) for s in DONE_STATUSES)
    assert not is_done(Status.NOT_APPLICABLE) and not is_done(Status.DUPLICATE)


def test_exceptions_are_the_amber_and_red_ratings():
    assert {s for s in Status if is_exception(s)} == EXCEPTION_STATUSES
    assert {Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES} == EXCEPTION_STATUSES


def test_an_owner_may_give_the_seven_defined_ratings_and_on_hold():
    assert len(OWNER_RATINGS) == len(set(OWNER_RATINGS)) == 8
    assert Status.ON_HOLD in OWNER_RATINGS and Status.DUPLICATE not in OWNER_RATINGS


@pytest.mark.parametrize(("has_sub_actions", "counted"), [(False, True), (True, False)])
def test_a_row_counts_only_when_no_rows_sit_under_it(has_sub_actions, counted):
    # A main action with sub-actions, or a sub-action with lettered parts, counts through them.
    assert is_counted_action(has_sub_actions=has_sub_actions) is counted


def test_add_months_crosses_year_ends_both_ways():
    assert add_months(date(2022, 11, 1), 2) == date(2023, 1, 1)
    assert add_months(date(2023, 1, 1), -1) == date(2022, 12, 1)
    assert add_months(date(2022, 10, 1), 0) == date(2022, 10, 1)


@given(months, st.integers(-1200, 1200), st.integers(-1200, 1200))
def test_adding_months_composes_and_undoes(month, a, b):
    assert add_months(add_months(month, a), b) == add_months(month, a + b)
    assert add_months(add_months(month, a), -a) == month
    assert add_months(month, a).day == 1


# live, reported, joined_later -> in the month's figures, missing its update
MONTH_FIGURES = [
    (True, True, False, True, False),
    (True, False, False, True, True),  # in the plan, silent: "no update for the month"
    (True, False, True, False, False),  # added to the plan after the month
    (False, True, False, True, False),  # left the plan since, but reported that month
    (False, False, False, False, False),  # left the plan and silent: not in the figures
    (False, False, True, False, False),
]


@pytest.mark.parametrize(
    ("live", "reported", "joined_later", "in_figures", "missing"), MONTH_FIGURES
)
def test_a_months_figures_hold_what_reported_and_what_was_live_by_then(
    live, reported, joined_later, in_figures, missing
):
    facts = {"live": live, "reported": reported, "joined_later": joined_later}
    assert is_in_month_figures(**facts) is in_figures
    assert is_missing_update(**facts) is missing


def test_every_status_is_in_exactly_one_group_and_unknown_values_are_other():
    for status in Status:
        group = status_group(status)
        assert group in ALL_GROUPS
        assert sum(1 for g in ALL_GROUPS if status in g.statuses) == (group is not OTHER_GROUP)
    assert status_group("not a status") is OTHER_GROUP
    assert len({g.key for g in ALL_GROUPS}) == len(ALL_GROUPS)
