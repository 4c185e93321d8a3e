"""Workbook markup read as emphasis: the runs every output draws, and the plain words."""

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.emphasis import Run, emphasis_runs, plain_text


def test_bold_markup_in_a_due_date_becomes_a_bold_run():
    assert emphasis_runs("<b>Sep-22</b>") == (Run("Sep-22", bold=True),)


def test_bold_and_italic_runs_sit_between_plain_ones_in_order():
    assert emphasis_runs("Due <b>Dec 22</b>, <i>was Sep</i> now") == (
        Run("Due "),
        Run("Dec 22", bold=True),
        Run(", "),
        Run("was Sep", italic=True),
        Run(" now"),
    )


def test_strong_and_em_read_as_bold_and_italic_and_may_nest():
    assert emphasis_runs("<strong>A <em>B</em></strong>") == (
        Run("A ", bold=True),
        Run("B", bold=True, italic=True),
    )


def test_entities_are_decoded():
    assert plain_text("<b>Director-Regeneration &amp; Growth</b>") == (
        "Director-Regeneration & Growth"
    )


def test_line_break_tags_become_newlines_and_a_final_paragraph_end_adds_none():
    assert plain_text("First<br>second<br/>third</p>") == "First\nsecond\nthird"


def test_emphasis_left_open_runs_to_the_end_and_a_stray_close_is_ignored():
    assert emphasis_runs("</b>a <b>b c") == (Run("a "), Run("b c", bold=True))


def test_other_tags_are_dropped_but_a_less_than_sign_in_prose_stays():
    assert plain_text('<span style="x">Spend < 5% and a<b</span>') == "Spend < 5% and a<b"


def test_angle_brackets_round_a_word_that_is_no_html_tag_are_text():
    assert plain_text("Training & <Development> <bold>") == "Training & <Development> <bold>"


def test_text_without_markup_is_one_plain_run():
    assert emphasis_runs("On track") == (Run("On track"),)
    assert emphasis_runs("") == ()


_TAG = re.compile(r"<(/?)(b|i|strong|em|br|p|span|div)\b[^<>]*>", re.IGNORECASE)
cell_text = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=8),
        st.sampled_from(["<b>", "</b>", "<i>", "</i>", "<br>", "</p>", "<span a='1'>", "&amp;"]),
    ),
    max_size=12,
).map("".join)


@given(cell_text)
def test_no_tag_survives_into_the_plain_text(text):
    assert _TAG.search(plain_text(text)) is None


@given(cell_text)
def test_neighbouring_runs_never_share_a_style_and_none_is_empty(text):
    runs = emphasis_runs(text)
    assert all(run.text for run in runs)
    for first, second in itertools.pairwise(runs):
        assert (first.bold, first.italic) != (second.bold, second.italic)


@given(st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=40))
def test_text_with_no_markup_characters_reads_back_unchanged(text):
    assert plain_text(text) == text


def test_a_newline_the_council_typed_at_the_end_is_kept():
    assert plain_text("Ongoing\n") == "Ongoing\n"
