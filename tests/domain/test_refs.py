import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.refs import (
    Ref,
    WrittenRef,
    parse_ref,
    parse_risk_level,
    parse_yes_no,
    read_ref,
    ref_sort_key,
    ref_sort_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OC.A1.0", Ref("OC", "A", 1, 0)),
        ("oc.a1.2 ", Ref("OC", "A", 1, 2)),
        ("  PR.B12.7", Ref("PR", "B", 12, 7)),
        ("<b>SD.E2.3</b>", Ref("SD", "E", 2, 3)),
        ("OC. B1 .3", Ref("OC", "B", 1, 3)),
    ],
)
def test_refs_are_read_despite_spaces_markup_and_case(text: str, expected: Ref) -> None:
    assert parse_ref(text) == expected


@pytest.mark.parametrize(
    "value", [None, "", "OC.A1", "OC.A.1.", "OCA1.2", "O.A1.2", "OC.A1.2.3", "Ref", 12, "OC.AB1.2"]
)
def test_anything_that_is_not_a_ref_reads_as_none(value: object) -> None:
    assert parse_ref(value) is None


def test_part_zero_is_the_main_action() -> None:
    assert Ref("OC", "D", 4, 0).is_main
    assert not Ref("OC", "D", 4, 1).is_main


def test_a_sub_action_names_its_main_action() -> None:
    assert Ref("OC", "B", 1, 7).main_ref == "OC.B1.0"
    assert Ref("OC", "B", 1, 0).main_ref == "OC.B1.0"


def test_a_ref_prints_as_the_council_writes_it() -> None:
    assert str(Ref("CO", "C", 1, 2)) == "CO.C1.2"


def test_sort_key_orders_numbers_as_numbers() -> None:
    texts = ["OC.A1.10", "OC.A1.9", "OC.A10.0", "OC.A2.0", "OC.A1.0", "CO.A1.1", "OC.B1.0"]
    refs = [parse_ref(text) for text in texts]
    ordered = sorted((ref for ref in refs if ref), key=ref_sort_key)
    assert [str(ref) for ref in ordered] == [
        "CO.A1.1",
        "OC.A1.0",
        "OC.A1.9",
        "OC.A1.10",
        "OC.A2.0",
        "OC.A10.0",
        "OC.B1.0",
    ]


def test_refs_sort_naturally_without_a_key_too() -> None:
    assert Ref("OC", "A", 1, 9) < Ref("OC", "A", 1, 10)


@given(
    st.from_regex(r"[A-Z]{2}", fullmatch=True),
    st.from_regex(r"[A-Z]", fullmatch=True),
    st.integers(0, 999),
    st.integers(0, 999),
)
def test_a_printed_ref_parses_back_to_itself(
    theme: str, letter: str, action: int, part: int
) -> None:
    ref = Ref(theme, letter, action, part)
    assert parse_ref(str(ref)) == ref
    assert parse_ref(f" {str(ref).lower()} ") == ref


@given(st.one_of(st.text(), st.integers(), st.none(), st.floats(), st.binary()))
def test_parsing_refs_never_raises(value: object) -> None:
    parse_ref(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("High Risk", ("high", True)),
        ("Medium Risk", ("medium", True)),
        ("Low Risk", ("low", True)),
        ("low risk ", ("low", True)),
        ("N/A", ("not_applicable", True)),
        ("n/a", ("not_applicable", True)),
        (None, ("unrated", True)),
        ("  ", ("unrated", True)),
        ("Very High", ("unrated", False)),
        ("On track", ("unrated", False)),
        ("Amber", ("unrated", False)),
    ],
)
def test_risk_levels(text: object, expected: tuple[str, bool]) -> None:
    assert parse_risk_level(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Yes", True),
        ("yes", True),
        ("Y", True),
        ("y", True),
        (" YES. ", True),
        (True, True),
        ("No", False),
        ("n", False),
        (None, False),
        ("", False),
        (False, False),
        ("Maybe", None),
        ("Yes - see commentary", None),
        ("October", None),
    ],
)
def test_yes_no_flags(value: object, expected: bool | None) -> None:
    assert parse_yes_no(value) is expected


@given(
    st.lists(
        st.builds(
            Ref,
            st.sampled_from(["OC", "CO", "SD"]),
            st.sampled_from("ABC"),
            st.integers(0, 99999),
            st.integers(0, 99999),
        )
    )
)
def test_sort_text_orders_refs_as_the_sort_key_does(refs: list[Ref]) -> None:
    assert sorted(refs, key=ref_sort_text) == sorted(refs, key=ref_sort_key)


# The irregular spellings of seed 004's tracker, and how each is read.
@pytest.mark.parametrize(
    ("text", "written", "canonical", "irregular"),
    [
        ("CO.D.2.0", "CO.D.2.0", "CO.D2.0", True),
        ("CO.D.4.1", "CO.D.4.1", "CO.D4.1", True),
        ("CO.D.4.2", "CO.D.4.2", "CO.D4.2", True),
        ("DM.C.3.0", "DM.C.3.0", "DM.C3.0", True),
        ("PC.E14", "PC.E14", "PC.E1.4", True),
        ("PC.E15", "PC.E15", "PC.E1.5", True),
        ("SD.A1.3a", "SD.A1.3a", "SD.A1.3a", False),
        ("o SD.A1.3d", "SD.A1.3d", "SD.A1.3d", False),
        (" oc.a1.2 ", "OC.A1.2", "OC.A1.2", False),
    ],
)
def test_the_trackers_irregular_refs_keep_their_spelling_and_read_canonically(
    text, written, canonical, irregular
):
    read = read_ref(text)
    assert isinstance(read, WrittenRef)
    assert read.written == written
    assert str(read.ref) == canonical
    assert bool(read.reading) is irregular


def test_a_lettered_part_belongs_to_its_sub_action_which_belongs_to_the_main_action():
    part = parse_ref("SD.A1.3a")
    assert part == Ref("SD", "A", 1, 3, "a")
    assert not part.is_main
    assert part.parent_ref == "SD.A1.3"
    assert part.main_ref == "SD.A1.0"
    assert parse_ref("SD.A1.3").parent_ref == "SD.A1.0"
    assert parse_ref("SD.A1.0").parent_ref is None


def test_lettered_parts_sort_after_their_sub_action_and_before_the_next():
    texts = ["SD.A1.4", "SD.A1.3b", "SD.A1.3", "SD.A1.3a", "SD.A1.10"]
    ordered = sorted(texts, key=lambda text: ref_sort_text(parse_ref(text)))
    assert ordered == ["SD.A1.3", "SD.A1.3a", "SD.A1.3b", "SD.A1.4", "SD.A1.10"]


def test_an_irregular_spelling_sorts_straight_after_the_regular_spelling_of_its_reading():
    regular = ref_sort_text(parse_ref("CO.D4.2"), "CO.D4.2")
    irregular = ref_sort_text(parse_ref("CO.D.4.2"), "CO.D.4.2")
    following = ref_sort_text(parse_ref("CO.D4.3"), "CO.D4.3")
    assert regular == ref_sort_text(parse_ref("CO.D4.2"))
    assert irregular.startswith(regular) and regular < irregular < following
