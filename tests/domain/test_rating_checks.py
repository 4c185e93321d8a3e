"""Honest ratings: the council's definitions applied to an action's dates."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.fuzzy_dates import FuzzyDate
from planwatch.domain.rating_checks import Flag, FlagKind, check_action, implied_rating
from planwatch.domain.statuses import Status
from tests.domain.rating_fixtures import (
    OCT_2022,
    action_facts,
    dated,
    facts,
    months,
    rated,
    rec,
)

ON, MED, SIG = Status.ON_TRACK, Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES
NDTS = Status.NOT_DUE_TO_START


def kinds(flags: list[Flag]) -> list[FlagKind]:
    return [flag.kind for flag in flags]


# --- implied rating: slippage thresholds --------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "current", "expected"),
    [
        ("Dec 2022", "Dec 2022", ON),
        ("Dec 2022", "Nov 2022", ON),
        ("15/11/2022", "14/12/2022", ON),
        ("Nov 2022", "Dec 2022", MED),
        ("Oct 2022", "Dec 2022", MED),
        ("Sep 2022", "Dec 2022", SIG),
        ("15/10/2022", "14/01/2023", MED),
        ("15/10/2022", "15/01/2023", SIG),
    ],
    ids=[
        "no-slip",
        "earlier",
        "just-under-1",
        "exactly-1",
        "exactly-2",
        "exactly-3",
        "a-day-short-of-3-whole-months",
        "3-whole-months-to-the-day",
    ],
)
def test_slippage_thresholds_follow_the_legend(baseline: str, current: str, expected: Status):
    assert implied_rating(facts(baseline=baseline, current=current), OCT_2022)[0] is expected


def test_an_overdue_action_is_late_until_the_end_of_the_report_month() -> None:
    assert implied_rating(facts(baseline="Sep 2022"), OCT_2022)[0] is MED
    assert implied_rating(facts(baseline="Sep 2022"), date(2022, 11, 1))[0] is MED
    assert implied_rating(facts(baseline="Sep 2022"), date(2022, 12, 1))[0] is SIG


def test_an_action_due_this_month_is_on_track_until_the_month_ends() -> None:
    assert implied_rating(facts(baseline="Oct 2022"), OCT_2022)[0] is ON


def test_any_day_of_the_report_month_means_the_month() -> None:
    action = facts(baseline="Jun 2022", current="Sep 2022")
    assert implied_rating(action, date(2022, 10, 17)) == implied_rating(action, OCT_2022)


# --- implied rating: each date kind -------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("18-May-22", SIG),  # EXACT
        ("Aug 2022", MED),  # MONTH
        ("Summer 2022", MED),  # SEASON: latest is 31 Aug
        ("Q3 2022", ON),  # PART_OF_YEAR: latest is 30 Sep, the report month's end
        ("2022", ON),  # YEAR: latest 31 Dec
        ("TBC 2022", ON),  # UNKNOWN with a range
        ("By Dec 2022", ON),  # a deadline has only a latest day
    ],
)
def test_each_dated_kind_implies_a_rating(due: str, expected: Status) -> None:
    # Baseline and current are the same, so slippage is only lateness at the end of Sep 2022.
    status, _ = implied_rating(facts(baseline=due), date(2022, 9, 1))
    assert status is expected


@pytest.mark.parametrize("due", ["", "TBC", "Ongoing", "In place", "Quarterly", "Complete", "x"])
def test_undated_due_dates_imply_nothing_and_raise_no_rating_flag(due: str) -> None:
    action = rated(ON, baseline="Jun 2022", current=due)
    status, reason = implied_rating(action, OCT_2022)
    assert status is None
    assert "cannot imply a rating" in reason
    assert FlagKind.RATING_DISAGREES not in kinds(check_action(action, OCT_2022))


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (date(2022, 8, 1), ON),  # the first deadline, 31 Aug, is still in time
        (date(2022, 9, 1), MED),  # late since 31 Aug: 1 month
        (date(2022, 11, 1), SIG),  # 30 Nov is still in time, so late since 31 Aug: 3 months
        (date(2022, 12, 1), MED),  # judged against 30 Nov now, not 31 Aug: 1 month
    ],
)
def test_a_recurring_due_date_is_judged_against_its_latest_passed_deadline(
    month: date, expected: Status
) -> None:
    action = facts(start="Jan 2022", baseline="Aug 2022 and then quarterly")
    assert implied_rating(action, month)[0] is expected


def test_a_recurring_action_late_since_its_last_deadline_is_flagged_without_an_update() -> None:
    action = facts(start="Jan 2022", baseline="Aug 2022 and then quarterly")
    assert FlagKind.DUE_PASSED_NO_UPDATE in kinds(check_action(action, date(2022, 12, 1)))
    assert FlagKind.DUE_PASSED_NO_UPDATE not in kinds(check_action(action, date(2022, 8, 1)))


def test_an_undated_baseline_implies_nothing() -> None:
    assert implied_rating(facts(baseline="TBC", current="Jun 2022"), OCT_2022)[0] is None


# --- completion and not started -----------------------------------------------------------


def test_completion_before_the_month_implies_complete() -> None:
    action = facts(baseline="Jun 2022", history=(rec(2022, 9, Status.COMPLETE),))
    assert implied_rating(action, OCT_2022) == (Status.COMPLETE, "marked Complete in Sep 2022")


def test_completion_in_the_month_implies_complete() -> None:
    action = facts(baseline="Jun 2022", history=(rec(2022, 10, Status.CLOSED),))
    assert implied_rating(action, OCT_2022)[0] is Status.COMPLETE


def test_completion_after_the_month_does_not_count() -> None:
    action = facts(baseline="Jun 2022", history=(rec(2022, 11, Status.COMPLETE),))
    assert implied_rating(action, OCT_2022)[0] is SIG


def test_first_completion_counts_whatever_the_history_order() -> None:
    history = (rec(2022, 11, Status.CLOSED), rec(2022, 8, Status.COMPLETE))
    assert implied_rating(facts(history=history), OCT_2022)[1] == "marked Complete in Aug 2022"


def test_rated_live_after_completion_disagrees() -> None:
    history = (rec(2022, 9, Status.COMPLETE), rec(2022, 10, ON))
    flags = check_action(facts(history=history), OCT_2022)
    assert kinds(flags) == [FlagKind.RATING_DISAGREES]
    assert flags[0].reason == "rated On Track, marked Complete in Sep 2022"


def test_not_applicable_after_completion_is_not_compared() -> None:
    history = (rec(2022, 9, Status.COMPLETE), rec(2022, 10, Status.NOT_APPLICABLE))
    assert check_action(facts(history=history), OCT_2022) == []


def test_a_start_after_the_month_implies_not_due_to_start() -> None:
    status, reason = implied_rating(facts(start="Spring 2023", baseline="Jun 2023"), OCT_2022)
    assert status is NDTS
    assert reason == "starts Spring 2023, after Oct 2022"


def test_a_start_within_the_month_is_not_not_due_to_start() -> None:
    assert implied_rating(facts(start="Oct 2022", baseline="Dec 2022"), OCT_2022)[0] is ON


# --- rating comparison --------------------------------------------------------------------


def test_the_reason_names_the_dates_as_written() -> None:
    action = rated(ON, baseline="Jun 2022", current="Sep 2022")
    [flag] = check_action(action, OCT_2022)
    assert flag.kind is FlagKind.RATING_DISAGREES
    assert (flag.implied, flag.rated) == (SIG, ON)
    assert flag.reason == (
        "rated On Track, due Sep 2022 (baseline Jun 2022), not complete in Oct 2022: "
        "4 months' slippage implies Significant issues"
    )


def test_a_rating_worse_than_the_dates_is_not_flagged() -> None:
    # The legend allows Medium or Significant for projected slippage or dependency risk.
    assert check_action(rated(SIG, baseline="Dec 2022"), OCT_2022) == []


def test_medium_progress_with_three_months_slippage_disagrees() -> None:
    [flag] = check_action(rated(MED, baseline="Sep 2022", current="Dec 2022"), OCT_2022)
    assert flag.reason.endswith("3 months' slippage implies Significant issues")


@pytest.mark.parametrize(
    "status",
    [
        Status.NOT_APPLICABLE,
        Status.NEW_ACTION,
        Status.ASSURANCE_ACTION,
        Status.DUPLICATE,
        Status.ON_HOLD,
        Status.NO_STATUS,
    ],
)
def test_statuses_that_are_not_ratings_are_not_compared(status: Status) -> None:
    action = rated(status, baseline="Jun 2022", current="Sep 2022")
    assert FlagKind.RATING_DISAGREES not in kinds(check_action(action, OCT_2022))


def test_not_due_to_start_on_a_late_action_disagrees() -> None:
    action = rated(NDTS, start="TBC", baseline="Jul 2022")
    assert kinds(check_action(action, OCT_2022)) == [FlagKind.RATING_DISAGREES]


def test_not_due_to_start_with_an_unknown_start_and_on_track_dates_is_not_flagged() -> None:
    assert check_action(rated(NDTS, start="TBC", baseline="End 2022"), date(2022, 9, 1)) == []


# --- other flags --------------------------------------------------------------------------


def test_not_due_to_start_after_the_start_month_has_passed_is_flagged() -> None:
    [flag] = check_action(rated(NDTS, start="Aug 2022", baseline="Mar 2023"), OCT_2022)
    assert flag.kind is FlagKind.STARTED_BUT_NOT_DUE_TO_START
    assert "start date Aug 2022 has passed" in flag.reason


def test_not_due_to_start_in_the_start_month_is_not_flagged() -> None:
    assert check_action(rated(NDTS, start="Oct 2022", baseline="Mar 2023"), OCT_2022) == []


def test_a_passed_due_date_with_no_update_is_flagged() -> None:
    action = facts(baseline="Aug 2022", history=(rec(2022, 9, MED),))
    assert FlagKind.DUE_PASSED_NO_UPDATE in kinds(check_action(action, OCT_2022))


def test_a_due_date_passing_this_month_is_not_yet_missing_an_update() -> None:
    assert check_action(facts(baseline="Oct 2022"), date(2022, 10, 1)) == []


def test_a_complete_action_needs_no_update() -> None:
    action = facts(baseline="Aug 2022", history=(rec(2022, 8, Status.COMPLETE),))
    assert check_action(action, OCT_2022) == []


def _copied(months_: int, text: str = "Listening groups continue as above") -> list[FlagKind]:
    history = tuple(rec(2022, 10 - i, ON, text + f" (DS {i}.10.22)") for i in range(months_))
    return kinds(check_action(facts(history=history), OCT_2022))


def test_the_same_commentary_for_two_months_is_not_flagged() -> None:
    assert _copied(2) == []


def test_the_same_commentary_for_three_months_is_flagged_even_if_re_signed() -> None:
    assert _copied(3) == [FlagKind.COMMENTARY_COPIED]


def test_placeholder_commentary_is_not_copying() -> None:
    assert _copied(4, "N/A") == []


def test_a_gap_month_breaks_the_copied_run() -> None:
    history = tuple(rec(2022, m, ON, "Same words") for m in (10, 9, 7))
    assert check_action(facts(history=history), OCT_2022) == []


def test_copied_commentary_ignores_case_and_spacing() -> None:
    texts = ("Same  words", "same words.", "SAME words")
    history = tuple(rec(2022, 10 - i, ON, t) for i, t in enumerate(texts))
    [flag] = check_action(facts(history=history), OCT_2022)
    assert flag.reason == "same commentary for 3 months (Aug 2022 to Oct 2022): 'Same words'"


@pytest.mark.parametrize(("count", "flagged"), [(1, False), (2, True), (3, True)])
def test_two_or_more_rebaselines_are_flagged(count: int, flagged: bool) -> None:
    found = FlagKind.REBASELINED_REPEATEDLY in kinds(
        check_action(facts(rebaselines=count), OCT_2022)
    )
    assert found is flagged


@pytest.mark.parametrize(("evidence", "expected"), [(False, 1), (True, 0)])
def test_closed_needs_evidence_of_success(evidence: bool, expected: int) -> None:
    action = rated(Status.CLOSED, evidence=evidence)
    assert kinds(check_action(action, OCT_2022)).count(FlagKind.CLOSED_WITHOUT_EVIDENCE) == expected


# --- properties ---------------------------------------------------------------------------


@given(action_facts, months)
def test_checks_never_raise(action, month: date) -> None:
    _, reason = implied_rating(action, month)
    assert reason
    for flag in check_action(action, month):
        assert flag.reason and "\n" not in flag.reason


_ORDER = {ON: 0, MED: 1, SIG: 2}


@given(dated(), dated(), st.integers(0, 2000), months)
def test_a_later_current_due_never_gives_a_better_rating(
    baseline: FuzzyDate, current: FuzzyDate, extra_days: int, month: date
) -> None:
    assert current.latest is not None
    later = replace(current, latest=current.latest + timedelta(days=extra_days))
    action = replace(facts(start="2019"), baseline_due=baseline, current_due=current)
    first, _ = implied_rating(action, month)
    second, _ = implied_rating(replace(action, current_due=later), month)
    assert first in _ORDER and second in _ORDER
    assert _ORDER[second] >= _ORDER[first]


@given(action_facts, months, st.sampled_from([Status.COMPLETE, Status.CLOSED]))
def test_a_complete_history_gives_complete(action, month: date, done: Status) -> None:
    history = (*action.history, rec(month.year, month.month, done))
    assert implied_rating(replace(action, history=history), month)[0] is Status.COMPLETE
