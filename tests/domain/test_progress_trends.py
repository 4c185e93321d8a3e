"""The month-by-month rules behind the dashboards: status groups, overdue, burn-up counts."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.counting import ALL_GROUPS, OTHER_GROUP, status_group
from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date
from planwatch.domain.progress_trends import (
    cumulative_counts,
    is_overdue,
    month_end,
    month_label,
    overdue_counts,
)
from planwatch.domain.statuses import Status

SEP, OCT, NOV = date(2022, 9, 1), date(2022, 10, 1), date(2022, 11, 1)


def due(latest: date | None) -> FuzzyDate:
    """A one-off due date with this latest day (no date at all when None)."""
    if latest is None:
        return FuzzyDate("TBC", DateKind.UNKNOWN, None, None)
    return FuzzyDate(latest.isoformat(), DateKind.EXACT, latest, latest)


@pytest.mark.parametrize(
    ("month", "end"),
    [
        (SEP, date(2022, 9, 30)),
        (date(2022, 12, 1), date(2022, 12, 31)),
        (date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_month_end_is_the_last_day(month, end):
    assert month_end(month) == end


def test_month_label_is_short_month_and_year():
    assert month_label(OCT) == "Oct 2022"


@pytest.mark.parametrize(
    ("status", "group"),
    [
        (Status.ON_TRACK, "on_track"),
        (Status.MEDIUM_PROGRESS, "medium"),
        (Status.SIGNIFICANT_ISSUES, "significant"),
        (Status.NOT_DUE_TO_START, "not_due"),
        (Status.COMPLETE, "done"),
        (Status.CLOSED, "done"),
        (Status.NEW_ACTION, "new"),
        (Status.NOT_APPLICABLE, "other"),
        (Status.ON_HOLD, "other"),
        (Status.NO_STATUS, "other"),
        ("something never seen", "other"),
    ],
)
def test_each_status_falls_in_one_group(status, group):
    assert status_group(status).key == group


def test_groups_do_not_overlap_and_only_other_is_a_catch_all():
    seen = [status for group in ALL_GROUPS for status in group.statuses]
    assert len(seen) == len(set(seen))
    assert OTHER_GROUP.statuses == frozenset()


def test_due_before_the_month_ends_and_not_done_is_overdue():
    assert is_overdue(due=due(date(2022, 9, 30)), first_done=None, month=OCT)


def test_due_at_the_months_end_is_not_yet_overdue_that_month():
    assert not is_overdue(due=due(date(2022, 10, 31)), first_done=None, month=OCT)
    assert is_overdue(due=due(date(2022, 10, 31)), first_done=None, month=NOV)


def test_done_by_the_month_is_not_overdue():
    assert not is_overdue(due=due(date(2022, 8, 31)), first_done=OCT, month=OCT)
    assert not is_overdue(due=due(date(2022, 8, 31)), first_done=SEP, month=OCT)


def test_done_only_later_was_overdue_before():
    assert is_overdue(due=due(date(2022, 8, 31)), first_done=NOV, month=OCT)


def test_no_date_is_never_overdue():
    assert not is_overdue(due=due(None), first_done=None, month=NOV)


def test_overdue_counts_per_month():
    actions = [
        (due(date(2022, 8, 31)), None),  # overdue throughout
        (due(date(2022, 9, 15)), NOV),  # overdue from Sep, done in Nov
        (due(date(2022, 10, 31)), None),  # overdue only once October is over
        (due(None), None),
    ]

    assert overdue_counts(actions, [SEP, OCT, NOV]) == (2, 2, 2)


def test_a_recurring_action_is_overdue_once_its_first_deadline_passes_undone():
    quarterly = parse_fuzzy_date("Aug 2022 and then quarterly")

    assert not is_overdue(due=quarterly, first_done=None, month=date(2022, 8, 1))
    assert is_overdue(due=quarterly, first_done=None, month=SEP)
    assert is_overdue(due=quarterly, first_done=None, month=NOV)
    assert not is_overdue(due=quarterly, first_done=OCT, month=NOV)


def test_a_rhythm_with_no_first_deadline_is_never_overdue():
    assert not is_overdue(due=parse_fuzzy_date("Quarterly"), first_done=None, month=NOV)


def test_cumulative_counts_include_the_whole_month():
    days = [date(2022, 9, 1), date(2022, 9, 30), date(2022, 10, 31), None, date(2023, 1, 1)]

    assert cumulative_counts(days, [SEP, OCT, NOV]) == (2, 3, 3)


months = st.lists(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 1)), max_size=6
).map(lambda days: sorted({day.replace(day=1) for day in days}))
maybe_day = st.one_of(st.none(), st.dates(min_value=date(2019, 1, 1), max_value=date(2031, 12, 31)))


@given(st.lists(st.tuples(maybe_day, maybe_day)), months)
def test_overdue_never_exceeds_the_actions_with_a_date(actions, month_list):
    counts = overdue_counts([(due(day), done) for day, done in actions], month_list)

    assert len(counts) == len(month_list)
    assert all(0 <= n <= sum(day is not None for day, _ in actions) for n in counts)


@given(st.lists(maybe_day), months)
def test_cumulative_counts_never_fall(days, month_list):
    counts = cumulative_counts(days, month_list)

    assert list(counts) == sorted(counts)
    assert all(n <= len(days) for n in counts)
