import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.statuses import (
    LIVE_STATUSES,
    STATUS_DEFINITIONS,
    Status,
    StatusReading,
    is_exception,
    read_status,
)

from .sample_values import WORKBOOK_STATUSES


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("On Track- little or no slippage", Status.ON_TRACK),
        ("On Track", Status.ON_TRACK),
        ("on track", Status.ON_TRACK),
        ("Medium Progress- actual/ projected slippage of 1-2 months", Status.MEDIUM_PROGRESS),
        ("Medium Progress- actual/projected slippage of 1-2 months", Status.MEDIUM_PROGRESS),
        ("Medium progress", Status.MEDIUM_PROGRESS),
        (
            "Significant issues / actual/projected slippage- more than 2 months",
            Status.SIGNIFICANT_ISSUES,
        ),
        ("Significant issues / slippage", Status.SIGNIFICANT_ISSUES),
        ("Not due to start", Status.NOT_DUE_TO_START),
        ("Complete", Status.COMPLETE),
        ("Completed", Status.COMPLETE),
        ("complete.", Status.COMPLETE),
        ("Closed", Status.CLOSED),
        ("closed", Status.CLOSED),
        ("N/A", Status.NOT_APPLICABLE),
        ("N/a", Status.NOT_APPLICABLE),
        ("n/a", Status.NOT_APPLICABLE),
        ("NA", Status.NOT_APPLICABLE),
        ("Action on Hold", Status.ON_HOLD),
        ("Action on hold", Status.ON_HOLD),
        ("New Action Added", Status.NEW_ACTION),
        ("Assurance Action", Status.ASSURANCE_ACTION),
        ("Duplicate/ link to another action", Status.DUPLICATE),
        ("  <b>On   Track</b>-little ", Status.ON_TRACK),
        ("On\u2013Track", Status.ON_TRACK),
    ],
)
def test_statuses_are_read_by_their_leading_words(text: str, status: Status) -> None:
    assert read_status(text) == StatusReading(status, text, True)


@pytest.mark.parametrize("text", WORKBOOK_STATUSES)
def test_every_status_written_in_the_sample_tracker_is_recognised(text: str) -> None:
    assert read_status(text).recognised


@pytest.mark.parametrize("value", [None, "", "   ", "<br>"])
def test_a_blank_status_is_no_status_and_counts_as_recognised(value: object) -> None:
    reading = read_status(value)
    assert (reading.status, reading.recognised) == (Status.NO_STATUS, True)
    assert reading.text == ("" if value is None else value)


@pytest.mark.parametrize(
    "text", ["Amber", "Completely off track", "Ontrack?", "Significant", "Medium Risk", "Green"]
)
def test_anything_else_is_unrecognised_and_kept_verbatim(text: str) -> None:
    assert read_status(text) == StatusReading(Status.UNRECOGNISED, text, False)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.binary()))
def test_reading_a_status_never_raises_and_keeps_strings_verbatim(value: object) -> None:
    reading = read_status(value)
    if isinstance(value, str):
        assert reading.text == value
    assert reading.recognised == (reading.status is not Status.UNRECOGNISED)


def test_every_status_has_a_definition_naming_itself() -> None:
    assert set(STATUS_DEFINITIONS) == set(Status)
    for status, definition in STATUS_DEFINITIONS.items():
        assert definition.status is status
        assert definition.label and definition.definition and definition.leadership_action


def test_the_councils_seven_definitions_are_quoted_verbatim() -> None:
    on_track = STATUS_DEFINITIONS[Status.ON_TRACK]
    assert on_track.definition == (
        "Progress against the action is in line with the delivery date with no or minor (of "
        "less than a month) actual/projected slippage that does not impact on any dependencies"
    )
    assert on_track.leadership_action == (
        "Leadership Team note progress and seek assurance that on track"
    )
    closed = STATUS_DEFINITIONS[Status.CLOSED]
    assert closed.leadership_action == "Evidence to be provided"
    assert STATUS_DEFINITIONS[Status.NOT_APPLICABLE].definition == (
        "Update not required at this time"
    )
    assert STATUS_DEFINITIONS[Status.SIGNIFICANT_ISSUES].leadership_action == (
        "Leadership Team review and remedy"
    )


@pytest.mark.parametrize(
    "status",
    [Status.ON_HOLD, Status.NEW_ACTION, Status.ASSURANCE_ACTION, Status.DUPLICATE],
)
def test_statuses_the_council_never_defined_say_so(status: Status) -> None:
    definition = STATUS_DEFINITIONS[status]
    assert definition.definition.startswith("Not in the council's definitions:")
    assert definition.leadership_action == "Not defined by the council."


def test_only_the_three_progress_ratings_carry_a_rag_colour() -> None:
    rags = {status: d.rag for status, d in STATUS_DEFINITIONS.items() if d.rag}
    assert rags == {
        Status.ON_TRACK: "green",
        Status.MEDIUM_PROGRESS: "amber",
        Status.SIGNIFICANT_ISSUES: "red",
    }


def test_tag_colours_are_govuk_frontend_6_tag_modifiers_or_its_plain_blue_tag() -> None:
    govuk = {"grey", "green", "turquoise", "teal", "purple", "magenta", "pink", "red"}
    govuk |= {"orange", "yellow", "blue"}
    assert {d.tag_colour for d in STATUS_DEFINITIONS.values()} <= govuk


def test_exceptions_are_the_amber_and_red_statuses() -> None:
    assert {status for status in Status if is_exception(status)} == {
        Status.MEDIUM_PROGRESS,
        Status.SIGNIFICANT_ISSUES,
    }


def test_live_statuses_exclude_finished_merged_and_unknown_ones() -> None:
    assert Status.ON_TRACK in LIVE_STATUSES and Status.NOT_DUE_TO_START in LIVE_STATUSES
    for finished in (Status.COMPLETE, Status.CLOSED, Status.DUPLICATE, Status.NOT_APPLICABLE):
        assert finished not in LIVE_STATUSES
    assert Status.NO_STATUS not in LIVE_STATUSES and Status.UNRECOGNISED not in LIVE_STATUSES


def test_definitions_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        STATUS_DEFINITIONS[Status.ON_TRACK] = STATUS_DEFINITIONS[Status.CLOSED]  # type: ignore[index]
