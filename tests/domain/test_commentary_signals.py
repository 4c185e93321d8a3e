import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.commentary_signals import (
    VOCABULARY,
    Rule,
    SignalKind,
    commentary_signals,
)

OCT = date(2022, 10, 1)
K = SignalKind


def kinds(text: str, month: date = OCT, **kwargs) -> list[SignalKind]:
    return [s.kind for s in commentary_signals(text, report_month=month, **kwargs)]


@pytest.mark.parametrize("rule", VOCABULARY, ids=lambda r: r.name)
def test_every_rule_finds_each_of_its_own_examples(rule: Rule):
    for example in rule.examples:
        found = commentary_signals(f"Officer note: {example}.", report_month=OCT)
        assert rule.name in {s.rule for s in found}, example


def test_rule_names_are_unique_so_a_flag_can_name_the_rule_it_rests_on():
    names = [rule.name for rule in VOCABULARY]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("commentary", "expected"),
    [
        (
            "Revised strategy to be presented to Audit and Standards Board on 19 Oct 2022",
            {K.FUTURE_TENSE, K.TARGET_DATE},
        ),
        ("Consultation delayed due to staff absence; now expected by end of March", {K.SLIPPAGE}),
        ("Action closed as superseded by CO.B2.1", {K.CLOSURE}),
        ("This action will be recrafted into the new workforce strategy", {K.REPLACED}),
        ("PMO: Change control proposed for end date of December", {K.CHANGE_CONTROL}),
        ("Training sessions took place in September and were well attended", {K.COMPLETION}),
    ],
)
def test_commentary_from_the_councils_tracker_gives_the_signals_a_pmo_would_read(
    commentary, expected
):
    assert expected <= set(kinds(commentary))


@pytest.mark.parametrize("placeholder", ["", "  ", "N/A", "n/a.", "See above", "-", "No update"])
def test_an_empty_or_placeholder_commentary_is_one_placeholder_signal(placeholder):
    assert kinds(placeholder) == [K.PLACEHOLDER]


@pytest.mark.parametrize(
    ("commentary", "target"),
    [
        ("Now expected by end of March", (date(2023, 3, 1), date(2023, 3, 31))),
        ("Planned for Nov/Dec", (date(2022, 12, 1), date(2022, 12, 31))),
        ("Board on 19 Oct 2022", (date(2022, 10, 1), date(2022, 10, 31))),
        ("Go-live in Q4", (date(2023, 1, 1), date(2023, 3, 31))),
        ("Delivery during Q4 2022/23", (date(2023, 1, 1), date(2023, 3, 31))),
        ("Launch moved to January 23", (date(2023, 1, 1), date(2023, 1, 31))),
    ],
)
def test_a_named_target_is_read_as_a_month_with_the_year_counted_on_from_the_report(
    commentary, target
):
    [signal] = [s for s in commentary_signals(commentary, report_month=OCT) if s.target]
    assert (signal.target.earliest, signal.target.latest) == target
    assert signal.phrase in commentary


def test_a_month_in_the_past_is_a_record_not_a_target():
    assert K.TARGET_DATE not in kinds("Workshops held in June and in September 2022")


def test_a_copy_of_a_siblings_commentary_is_a_signal_but_a_shared_short_note_is_not():
    long = "Framework drafted with HR and circulated to the Leadership Team for comment."
    assert K.COPIED in kinds(long, siblings=["Other words entirely.", long.upper()])
    assert K.COPIED not in kinds("On track.", siblings=["On track."])


def test_the_pmos_own_vocabulary_extends_the_rules():
    extra = Rule("sent_back", K.SLIPPAGE, r"sent\s+back\s+for\s+rework", ("sent back for rework",))
    text = "Business case sent back for rework by Finance"
    assert K.SLIPPAGE not in kinds(text)
    assert K.SLIPPAGE in kinds(text, vocabulary=(*VOCABULARY, extra))


def test_signals_come_in_the_order_the_commentary_says_them():
    found = commentary_signals(
        "Delivered the pilot; the full roll-out will be agreed subject to funding",
        report_month=OCT,
    )
    assert [s.rule for s in found][:3] == ["delivered", "will_be", "subject_to"]


@given(st.text(max_size=300), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 1)))
def test_any_text_gives_signals_whose_phrases_are_its_own_words(text, day):
    month = day.replace(day=1)
    for signal in commentary_signals(text, report_month=month):
        assert signal.phrase in text or signal.kind is K.PLACEHOLDER
        if signal.target is not None:
            assert signal.target.latest is not None and signal.target.latest >= month


@given(st.sampled_from(VOCABULARY), st.text(alphabet=" .,;:", max_size=5))
def test_a_rules_example_is_found_whatever_punctuation_surrounds_it(rule, around):
    for example in rule.examples:
        found = commentary_signals(around + example + around, report_month=OCT)
        assert any(s.rule == rule.name for s in found)
        assert all(re.search(re.escape(s.phrase), around + example + around) for s in found)
