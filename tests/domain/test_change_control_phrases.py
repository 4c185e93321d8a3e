"""An exception's "Due after change control" cell, for each state of its date change."""

from datetime import date

from planwatch.domain.change_control_phrases import DateChangeRequest, due_after_change_control


def test_no_request_and_an_unchanged_date_says_no_change_was_requested():
    assert due_after_change_control("Dec-22", "Dec-22", None) == "No change requested"


def test_no_request_but_a_changed_date_gives_the_current_due_date():
    assert due_after_change_control("Mar-23", "Dec-22", None) == "Mar-23"


def test_a_pending_request_shows_the_date_asked_for_and_that_it_awaits_a_decision():
    request = DateChangeRequest("December 2023", "pending", None)
    assert due_after_change_control("May-23", "May-23", request) == (
        "Change control requested to December 2023; awaiting decision"
    )


def test_a_tracker_flag_with_no_date_asked_gives_the_dates_its_commentary_names():
    request = DateChangeRequest("", "pending", None, ("January 2023",))
    assert due_after_change_control("Nov-22", "Nov-22", request) == (
        "Change control requested (commentary gives January 2023); awaiting decision"
    )


def test_an_approved_change_gives_the_new_date_and_the_day_it_was_approved():
    request = DateChangeRequest("Mar-23", "approved", date(2022, 10, 12))
    assert due_after_change_control("Mar-23", "Dec-22", request) == (
        "Mar-23 (change approved on 12 October 2022)"
    )


def test_a_refused_change_says_so_and_keeps_the_due_date():
    request = DateChangeRequest("Mar-23", "rejected", date(2022, 10, 3))
    assert due_after_change_control("Dec-22", "Dec-22", request) == (
        "Change to Mar-23 refused on 3 October 2022; due stays Dec-22"
    )


def test_a_decision_names_the_meeting_that_made_it_when_one_was_recorded():
    approved = DateChangeRequest(
        "Mar-23", "approved", date(2022, 11, 8), meeting="Leadership Team 8 Nov 2022, minute 4.2"
    )
    refused = DateChangeRequest("Mar-23", "rejected", date(2022, 11, 8), meeting="LT 8 Nov")
    assert due_after_change_control("Mar-23", "Dec-22", approved) == (
        "Mar-23 (change approved on 8 November 2022 at Leadership Team 8 Nov 2022, minute 4.2)"
    )
    assert due_after_change_control("Dec-22", "Dec-22", refused) == (
        "Change to Mar-23 refused on 8 November 2022 at LT 8 Nov; due stays Dec-22"
    )


def test_a_pending_request_names_no_meeting():
    request = DateChangeRequest("Mar-23", "pending", None, meeting="LT 8 Nov")
    assert "LT 8 Nov" not in due_after_change_control("Dec-22", "Dec-22", request)
