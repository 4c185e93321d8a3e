"""The Focus 1 first draft: the owners' own sentences, with their refs, sorted into the four
cells; never a word nobody wrote."""

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.narrative_prefill import CommentaryLine, narrative_draft, trimmed


def test_each_kind_of_commentary_goes_to_its_cell_with_its_ref():
    draft = narrative_draft(
        [
            CommentaryLine("OC.A1.0", "Programme governance remains in place.", True),
            CommentaryLine("OC.A1.1", "All launch events have taken place.", False),
            CommentaryLine(
                "OC.A1.2", "Survey delayed. Date change will be required.", False, "Amber"
            ),
        ]
    )
    assert draft.summary == "OC.A1.0: Programme governance remains in place."
    assert draft.progress_this_month == "OC.A1.1: All launch events have taken place."
    assert draft.issues_raised == (
        "OC.A1.2 (Amber rated): Survey delayed. Date change will be required."
    )
    assert draft.next_steps == "OC.A1.2: Date change will be required."


def test_no_issues_is_said_only_where_something_was_written():
    assert narrative_draft([CommentaryLine("OC.A1.1", "Done.", False)]).issues_raised == (
        "No issues raised."
    )
    empty = narrative_draft([CommentaryLine("OC.A1.1", "  ", False)])
    assert (empty.summary, empty.progress_this_month, empty.next_steps, empty.issues_raised) == (
        "", "", "", "",
    )  # fmt: skip


def test_long_commentary_is_cut_at_a_sentence_with_an_ellipsis():
    text = "First sentence is here. " * 30
    cut = trimmed(text, limit=100)
    assert cut.endswith("here. …") and len(cut) <= 102


def test_a_single_long_sentence_is_cut_at_a_word():
    cut = trimmed("word " * 200, limit=50)
    assert cut == ("word " * 10).strip() + " …"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=900))
def test_trimming_only_ever_shortens_the_owners_words(text):
    cut = trimmed(text, limit=120)
    tidy = " ".join(text.split())
    assert len(cut) <= 122
    assert tidy.startswith(cut.removesuffix(" …"))
