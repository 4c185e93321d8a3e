from datetime import date

from planwatch.domain.commentary_checks import commentary_findings
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.rating_checks import month_end
from planwatch.domain.statuses import Status

OCT = date(2022, 10, 1)


def findings(commentary: str, rated: Status, due: str = "Oct 2022"):
    return commentary_findings(
        commentary=commentary,
        rated=rated,
        due=parse_fuzzy_date(due),
        report_month=OCT,
        month_end=month_end(OCT),
    )


def test_a_target_three_months_past_the_due_date_under_medium_is_significant_by_the_key():
    [found] = findings("Sessions continue; all data by end of January", Status.MEDIUM_PROGRESS)
    assert found.kind == "commentary_implies_slippage"
    assert found.implied is Status.SIGNIFICANT_ISSUES
    assert found.phrase == "by end of January"
    assert "3 months after the due date Oct 2022" in found.reason


def test_a_target_two_months_late_under_medium_agrees_with_its_rating():
    assert findings("Now expected by end of December", Status.MEDIUM_PROGRESS) == []


def test_slippage_words_with_no_month_under_on_track_imply_at_least_medium():
    [found] = findings("Launch delayed due to staff absence", Status.ON_TRACK)
    assert (found.implied, found.phrase) == (Status.MEDIUM_PROGRESS, "delayed")


def test_complete_with_the_deliverable_still_to_come_is_contradicted():
    [found] = findings("Strategy to be presented to Audit Board on 19 Oct", Status.COMPLETE)
    assert found.kind == "completion_contradicted"
    assert found.phrase.startswith("to be presented")


def test_closed_because_superseded_is_closure_not_delivery_but_delivered_and_closed_is_not():
    [found] = findings("Action superseded by CO.B2.1", Status.CLOSED)
    assert "closed, not delivered" in found.reason
    assert findings("Delivered in September; action closed", Status.CLOSED) == []


def test_statuses_that_are_not_ratings_are_never_questioned():
    assert findings("Delayed to March", Status.NOT_APPLICABLE) == []
    assert findings("to be presented", Status.ON_HOLD) == []


def test_slippage_already_before_change_control_is_not_questioned_again():
    text = "Listening groups continue to March. Change control proposed for end date of March"
    assert findings(text, Status.ON_TRACK) == []


def test_delivered_work_followed_by_what_comes_next_is_not_contradicted():
    text = "Procurement concluded. When the audit report is done, this will be reported to ARAC"
    assert findings(text, Status.COMPLETE) == []


def test_a_target_early_in_the_month_after_the_due_date_is_no_slippage():
    assert (
        findings("Briefing to cabinet member planned for early November 22", Status.ON_TRACK) == []
    )
    [late] = findings("Briefing to cabinet member planned for late November 22", Status.ON_TRACK)
    assert late.implied is Status.MEDIUM_PROGRESS
