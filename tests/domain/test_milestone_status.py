"""A key milestone's live status, read off the statuses of the actions that deliver it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.milestone_status import (
    DONE,
    MILESTONE_LABELS,
    SILENT,
    UNRATED,
    MilestoneStatus,
    milestone_status,
)
from planwatch.domain.statuses import Status

S = Status
M = MilestoneStatus


def test_every_status_belongs_to_exactly_one_class_or_is_rated_on_its_own():
    on_their_own = {
        S.SIGNIFICANT_ISSUES,
        S.MEDIUM_PROGRESS,
        S.ON_HOLD,
        S.ON_TRACK,
        S.NOT_DUE_TO_START,
    }
    classes = [SILENT, DONE, UNRATED, frozenset(on_their_own)]
    for status in Status:
        assert sum(status in group for group in classes) == 1, status


def test_every_milestone_status_has_a_label_and_colour():
    assert set(MILESTONE_LABELS) == set(MilestoneStatus)


def test_a_milestone_with_no_linked_action_says_so():
    reading = milestone_status([])

    assert reading.status is M.NOT_LINKED
    assert reading.label == "Not linked to an action"


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([S.COMPLETE], M.ACHIEVED),
        ([S.CLOSED], M.ACHIEVED),
        ([S.COMPLETE, S.CLOSED], M.ACHIEVED),
        # A main action's N/A beside its finished sub-actions does not stop it being achieved.
        ([S.NOT_APPLICABLE, S.COMPLETE], M.ACHIEVED),
        ([S.DUPLICATE, S.CLOSED], M.ACHIEVED),
        ([S.SIGNIFICANT_ISSUES], M.SIGNIFICANT_ISSUES),
        ([S.COMPLETE, S.SIGNIFICANT_ISSUES], M.SIGNIFICANT_ISSUES),
        ([S.MEDIUM_PROGRESS, S.SIGNIFICANT_ISSUES, S.ON_TRACK], M.SIGNIFICANT_ISSUES),
        ([S.NO_STATUS, S.SIGNIFICANT_ISSUES], M.SIGNIFICANT_ISSUES),
        ([S.MEDIUM_PROGRESS], M.MEDIUM_PROGRESS),
        ([S.ON_TRACK, S.MEDIUM_PROGRESS, S.COMPLETE], M.MEDIUM_PROGRESS),
        ([S.ON_HOLD, S.MEDIUM_PROGRESS], M.MEDIUM_PROGRESS),
        ([S.ON_HOLD, S.ON_TRACK], M.ON_HOLD),
        ([S.ON_HOLD, S.NO_STATUS], M.ON_HOLD),
        ([S.ON_TRACK], M.ON_TRACK),
        ([S.ON_TRACK, S.COMPLETE], M.ON_TRACK),
        ([S.ON_TRACK, S.NOT_DUE_TO_START], M.ON_TRACK),
        ([S.ON_TRACK, S.NOT_APPLICABLE], M.ON_TRACK),
        ([S.NOT_DUE_TO_START], M.NOT_DUE_TO_START),
        ([S.NOT_DUE_TO_START, S.NOT_DUE_TO_START, S.DUPLICATE], M.NOT_DUE_TO_START),
        ([S.COMPLETE, S.NOT_DUE_TO_START], M.PARTLY_ACHIEVED),
        ([S.CLOSED, S.NOT_DUE_TO_START], M.PARTLY_ACHIEVED),
        ([S.NOT_APPLICABLE], M.NOT_RATED),
        ([S.DUPLICATE, S.NOT_APPLICABLE], M.NOT_RATED),
        ([S.NO_STATUS], M.NOT_RATED),
        ([S.UNRECOGNISED], M.NOT_RATED),
        ([S.NEW_ACTION], M.NOT_RATED),
        ([S.ASSURANCE_ACTION], M.NOT_RATED),
        # One unrated action keeps the others from claiming the milestone is fine.
        ([S.COMPLETE, S.NO_STATUS], M.NOT_RATED),
        ([S.ON_TRACK, S.NEW_ACTION], M.NOT_RATED),
    ],
)
def test_status_of_a_milestone_from_its_actions(statuses, expected):
    assert milestone_status(statuses).status is expected


def test_the_reason_counts_the_actions_that_decided_it():
    reading = milestone_status([S.COMPLETE, S.SIGNIFICANT_ISSUES, S.SIGNIFICANT_ISSUES])

    assert reading.reason == "2 of 3 linked actions rated Significant issues"


def test_the_reason_for_a_single_silent_action_names_its_status():
    reading = milestone_status([S.NOT_APPLICABLE])

    assert reading.reason == (
        "The linked action is rated only N/A, which says nothing about progress"
    )


def test_the_reason_for_an_achieved_milestone():
    assert milestone_status([S.COMPLETE, S.CLOSED]).reason == (
        "Every linked action that is rated is Complete or Closed (2 of 2)"
    )


statuses_lists = st.lists(st.sampled_from(list(Status)), min_size=1, max_size=8)


@given(statuses_lists)
def test_order_of_the_actions_does_not_matter(statuses):
    assert milestone_status(statuses) == milestone_status(list(reversed(statuses)))


@given(statuses_lists)
def test_any_red_action_makes_the_milestone_red(statuses):
    assert milestone_status([*statuses, S.SIGNIFICANT_ISSUES]).status is M.SIGNIFICANT_ISSUES


@given(statuses_lists)
def test_achieved_only_when_every_telling_action_is_done(statuses):
    reading = milestone_status(statuses)
    telling = [status for status in statuses if status not in SILENT]

    assert (reading.status is M.ACHIEVED) == (bool(telling) and set(telling) <= DONE)


@given(statuses_lists)
def test_green_never_hides_an_amber_red_held_or_unrated_action(statuses):
    reading = milestone_status(statuses)
    if reading.status in {M.ON_TRACK, M.ACHIEVED, M.PARTLY_ACHIEVED, M.NOT_DUE_TO_START}:
        assert not set(statuses) & ({S.SIGNIFICANT_ISSUES, S.MEDIUM_PROGRESS, S.ON_HOLD} | UNRATED)
    assert reading.reason
