"""Reading the plan's Reference texts: every text seed 002 uses, and properties for any text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.references import (
    ALL,
    GRANT_THORNTON_KINDS,
    PAGE,
    WHOLE_REVIEW,
    ReferenceItem,
    Review,
    parse_references,
    references_text,
)

GT = "Grant Thornton"
# Every Reference text of seed 002's delivery plan tables, as written, with what it cites.
SEED_002_REFERENCES = [
    ("Grant Thornton Statutory Rec 3", [f"{GT} Statutory Rec 3"]),
    (
        "Grant Thornton Statutory Rec 3 Grant Thornton Improvement Rec 6, 20",
        [f"{GT} Statutory Rec 3", f"{GT} Improvement Rec 6", f"{GT} Improvement Rec 20"],
    ),
    (
        "Grant Thornton Statutory Rec 2 Grant Thornton Improvement Rec 15 CIPFA 1.5, 1.6",
        [f"{GT} Statutory Rec 2", f"{GT} Improvement Rec 15", "CIPFA Rec 1.5", "CIPFA Rec 1.6"],
    ),
    (
        "Grant Thornton Statutory Rec 3 Grant Thornton Improvement Rec 33",
        [f"{GT} Statutory Rec 3", f"{GT} Improvement Rec 33"],
    ),
    ("Grant Thornton Improvement Rec1, 5", [f"{GT} Improvement Rec 1", f"{GT} Improvement Rec 5"]),
    (
        "Grant Thornton Statutory Rec 3 Corporate Peer Challenge Rec 4",
        [f"{GT} Statutory Rec 3", "Corporate Peer Challenge Rec 4"],
    ),
    ("Corporate Peer Challenge (pg 24)", ["Corporate Peer Challenge pg 24"]),
    (
        "Grant Thornton Statutory Rec 3 Grant Thornton Improvement Rec 2, 7, 31, 32",
        [f"{GT} Statutory Rec 3"] + [f"{GT} Improvement Rec {n}" for n in (2, 7, 31, 32)],
    ),
    ("Grant Thornton Statutory Rec 2", [f"{GT} Statutory Rec 2"]),
    ("Grant Thornton Key Rec 7", [f"{GT} Key Rec 7"]),
    ("Grant Thornton Improvement Rec 29", [f"{GT} Improvement Rec 29"]),
    ("Corporate Peer Challenge 2", ["Corporate Peer Challenge Rec 2"]),
    ("Grant Thornton Improvement Rec 11", [f"{GT} Improvement Rec 11"]),
    (
        "Grant Thornton Key Rec 5 Grant Thornton Improvement Rec 30",
        [f"{GT} Key Rec 5", f"{GT} Improvement Rec 30"],
    ),
    (
        "Grant Thornton Statutory Rec 1 Grant Thornton Improvement Rec 28",
        [f"{GT} Statutory Rec 1", f"{GT} Improvement Rec 28"],
    ),
    (
        "Grant Thornton Improvement Rec 35 Grant Thornton Key Rec 4, 8 Corporate Peer Challenge "
        "Rec 9 CIPFA Rec all",
        [
            f"{GT} Improvement Rec 35",
            f"{GT} Key Rec 4",
            f"{GT} Key Rec 8",
            "Corporate Peer Challenge Rec 9",
            "CIPFA Rec all",
        ],
    ),
    ("Statutory Direction SN5", ["Statutory Direction SN5"]),
    (
        "Grant Thornton Statutory Rec 2,3 Grant Thornton Improvement Rec 3, 8, 9, 22, 36 Grant "
        "Thornton Key Rec 6 CIPFA Rec 3.3 Rec 4.1",
        [f"{GT} Statutory Rec 2", f"{GT} Statutory Rec 3"]
        + [f"{GT} Improvement Rec {n}" for n in (3, 8, 9, 22, 36)]
        + [f"{GT} Key Rec 6", "CIPFA Rec 3.3", "CIPFA Rec 4.1"],
    ),
    (
        "Grant Thornton Improvement Rec 36 CIPFA Rec 3.3 Rec 3.1",
        [f"{GT} Improvement Rec 36", "CIPFA Rec 3.3", "CIPFA Rec 3.1"],
    ),
    (
        "Corporate Peer Challenge Rec 8, 19",
        ["Corporate Peer Challenge Rec 8", "Corporate Peer Challenge Rec 19"],
    ),
    (
        "CIPFA Rec 1.1 Rec 1.3 Rec 1.4 Rec 1.6",
        ["CIPFA Rec 1.1", "CIPFA Rec 1.3", "CIPFA Rec 1.4", "CIPFA Rec 1.6"],
    ),
    ("CIPFA Rec 3.1 Rec 3.4", ["CIPFA Rec 3.1", "CIPFA Rec 3.4"]),
    (
        "CIPFA Rec 3.2 Grant Thornton Improvement Rec 37",
        ["CIPFA Rec 3.2", f"{GT} Improvement Rec 37"],
    ),
    ("Grant Thornton Statutory Rec 1", [f"{GT} Statutory Rec 1"]),
    (
        "Grant Thornton Statutory Rec 2 Grant Thornton Improvement Rec 15, 16",
        [f"{GT} Statutory Rec 2", f"{GT} Improvement Rec 15", f"{GT} Improvement Rec 16"],
    ),
    (
        "Grant Thornton Key Rec 5 Grant Thornton Improvement Rec 11 Corporate Peer Challenge "
        "Rec 21",
        [f"{GT} Key Rec 5", f"{GT} Improvement Rec 11", "Corporate Peer Challenge Rec 21"],
    ),
    ("Corporate Peer Challenge Rec12", ["Corporate Peer Challenge Rec 12"]),
    ("Corporate Peer Challenge Rec 18", ["Corporate Peer Challenge Rec 18"]),
    ("CIPFA 4.3", ["CIPFA Rec 4.3"]),
    ("CIPFA 4.4", ["CIPFA Rec 4.4"]),
    (
        "Corporate Peer Challenge 5, Grant Thornton Key Rec 6",
        ["Corporate Peer Challenge Rec 5", f"{GT} Key Rec 6"],
    ),
    ("Statutory Direction", ["Statutory Direction"]),
    (
        "Grant Thornton Statutory Rec 1, 2, Grant Thornton Improvement Rec 15,19, 21, 27 CIPFA "
        "4.2, Corporate Peer Challenge Rec 6",
        [f"{GT} Statutory Rec 1", f"{GT} Statutory Rec 2"]
        + [f"{GT} Improvement Rec {n}" for n in (15, 19, 21, 27)]
        + ["CIPFA Rec 4.2", "Corporate Peer Challenge Rec 6"],
    ),
    (
        "Grant Thornton Improvement Rec 19, 20",
        [f"{GT} Improvement Rec 19", f"{GT} Improvement Rec 20"],
    ),
    (
        "Grant Thornton Statutory Rec 1 Grant Thornton Improvement Rec 4, 12, 17, 22",
        [f"{GT} Statutory Rec 1"] + [f"{GT} Improvement Rec {n}" for n in (4, 12, 17, 22)],
    ),
    (
        "Grant Thornton Improvement Rec 17, 22",
        [f"{GT} Improvement Rec 17", f"{GT} Improvement Rec 22"],
    ),
    ("Grant Thornton Improvement Rec 34", [f"{GT} Improvement Rec 34"]),
    (
        "Grant Thornton Improvement Rec 4, 17, 34",
        [f"{GT} Improvement Rec {n}" for n in (4, 17, 34)],
    ),
    ("Grant Thornton Improvement Rec 23", [f"{GT} Improvement Rec 23"]),
    ("Grant Thornton Improvement Rec 22", [f"{GT} Improvement Rec 22"]),
    ("Grant Thornton Improvement Rec 24", [f"{GT} Improvement Rec 24"]),
    (
        "Grant Thornton Improvement Rec 17, 18",
        [f"{GT} Improvement Rec 17", f"{GT} Improvement Rec 18"],
    ),
    ("Grant Thornton Improvement Rec 17", [f"{GT} Improvement Rec 17"]),
    ("Grant Thornton Key Rec 6", [f"{GT} Key Rec 6"]),
    ("Grant Thornton Statutory Rec 2 CIPFA Ref 2.1", [f"{GT} Statutory Rec 2", "CIPFA Rec 2.1"]),
    (
        "Grant Thornton Statutory Rec 1 Grant Thornton Improvement Rec 25, 26",
        [f"{GT} Statutory Rec 1", f"{GT} Improvement Rec 25", f"{GT} Improvement Rec 26"],
    ),
    (
        "Grant Thornton Statutory Rec 1 Grant Thornton Improvement Rec 14",
        [f"{GT} Statutory Rec 1", f"{GT} Improvement Rec 14"],
    ),
    (
        "Grant Thornton Statutory Rec 1 Grant Thornton Improvement Rec 13",
        [f"{GT} Statutory Rec 1", f"{GT} Improvement Rec 13"],
    ),
    (
        "Grant Thornton Improvement Rec 10 Corporate Peer Challenge pg13",
        [f"{GT} Improvement Rec 10", "Corporate Peer Challenge pg 13"],
    ),
    ("Corporate Peer Challenge Rec 3", ["Corporate Peer Challenge Rec 3"]),
    ("Corporate Peer Challenge Rec 14", ["Corporate Peer Challenge Rec 14"]),
    ("Corporate Peer Challenge Rec 11", ["Corporate Peer Challenge Rec 11"]),
]


@pytest.mark.parametrize(("text", "expected"), SEED_002_REFERENCES)
def test_every_seed_002_reference_text_reads_as_the_recommendations_it_cites(text, expected):
    parsed = parse_references(text)
    assert [item.text for item in parsed.items] == expected
    assert parsed.unreadable == ()
    assert not parsed.not_applicable


def test_n_a_says_no_review_is_cited_on_purpose():
    parsed = parse_references("n/a")
    assert parsed.items == () and parsed.unreadable == () and parsed.not_applicable


def test_a_workstream_name_in_the_reference_column_is_kept_and_reported_not_dropped():
    # Seed 002 prints "Effective Local Structures" in the Reference column of one row.
    parsed = parse_references("Effective Local Structures")
    assert parsed.items == ()
    assert parsed.unreadable == ("Effective Local Structures",)


def test_unreadable_words_between_citations_are_reported_and_the_citations_still_read():
    parsed = parse_references("Grant Thornton Improvement Rec 5 see appendix CIPFA 4.2")
    assert [item.text for item in parsed.items] == [f"{GT} Improvement Rec 5", "CIPFA Rec 4.2"]
    assert parsed.unreadable == ("see appendix",)


def test_a_number_with_no_review_before_it_is_unreadable():
    parsed = parse_references("Rec 15, 19")
    assert parsed.items == ()
    assert parsed.unreadable == ("Rec 15, 19",)


def test_the_review_cited_without_a_number_is_the_whole_review():
    parsed = parse_references("Statutory Directions of the Secretary of State")
    assert parsed.items == (ReferenceItem(Review.STATUTORY_DIRECTION, "", WHOLE_REVIEW),)


def test_repeated_citations_are_read_once():
    parsed = parse_references("CIPFA 4.2, CIPFA Rec 4.2")
    assert parsed.items == (ReferenceItem(Review.CIPFA, "", "4.2"),)


def test_lga_is_the_corporate_peer_challenge():
    parsed = parse_references("LGA Corporate Peer Challenge Rec 6")
    assert parsed.items == (ReferenceItem(Review.PEER_CHALLENGE, "", "6"),)


numbers = st.one_of(
    st.integers(0, 99).map(str),
    st.tuples(st.integers(1, 9), st.integers(1, 9)).map(lambda p: f"{p[0]}.{p[1]}"),
    st.integers(1, 20).map(lambda n: f"SN{n}"),
    st.just(ALL),
)


@st.composite
def items(draw) -> ReferenceItem:
    review = draw(st.sampled_from(list(Review)))
    kinds = ["", PAGE, *(GRANT_THORNTON_KINDS if review is Review.GRANT_THORNTON else ())]
    kind = draw(st.sampled_from(kinds))
    number = draw(numbers) if kind == PAGE else draw(st.one_of(numbers, st.just(WHOLE_REVIEW)))
    return ReferenceItem(review, kind, number)


@given(st.text())
def test_parsing_any_text_never_raises(text):
    parsed = parse_references(text)
    assert isinstance(parsed.items, tuple)


@given(st.lists(items(), unique=True, max_size=8))
def test_the_canonical_text_of_items_parses_back_to_the_same_items(generated):
    parsed = parse_references(references_text(generated))
    assert list(parsed.items) == generated
    assert parsed.unreadable == ()


@given(
    st.lists(
        st.sampled_from(
            [
                "Grant Thornton",
                "Statutory",
                "Key",
                "Improvement",
                "Rec",
                "CIPFA",
                "pg",
                "12",
                "4.2",
                "SN5",
                "all",
                ",",
                ";",
                "Corporate Peer Challenge",
                "Statutory Direction",
                "n/a",
                "and",
                "(",
                ")",
                "word",
                "Rec1",
            ]
        )
    ).map(" ".join)
)
def test_reading_the_canonical_text_of_what_was_read_gives_the_same_items(text):
    first = parse_references(text)
    again = parse_references(references_text(first.items))
    assert again.items == first.items
    assert again.unreadable == ()
