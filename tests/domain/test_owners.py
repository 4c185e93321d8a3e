"""Owner cells name roles many ways; each reads as the same role a person can hold."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.owners import match_role, owner_key, split_owner_cell


@pytest.mark.parametrize(
    "written",
    [
        "Director- Law & Governance",
        "Director - Law & Governance",
        "Director- Law and Governance",
        "Director – Law & Governance",
        "<b>Director- Law &amp; Governance</b>",
        "director-law  &  governance ",
    ],
)
def test_spellings_of_one_role_share_a_key(written: str) -> None:
    assert owner_key(written) == "director law and governance"


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        (None, []),
        ("", []),
        ("Head of HR", ["Head of HR"]),
        (
            "Director- Business Strategy & Change Director- Law",
            ["Director- Business Strategy & Change", "Director- Law"],
        ),
        (
            "Leader of the Council / Cabinet Member for Regeneration and Growth",
            ["Leader of the Council", "Cabinet Member for Regeneration and Growth"],
        ),
        (
            "Cabinet Member for Children and Education Dept Leader",
            ["Cabinet Member for Children and Education", "Dept Leader"],
        ),
        ("Scrutiny Director – Children & Education", ["Director – Children & Education"]),
        ("Director – Children & Education ARAC", ["Director – Children & Education"]),
        ("Cabinet Chief Executive", ["Chief Executive"]),
        ("AD - Transf Head of HR", ["AD - Transf", "Head of HR"]),
        ("<b>Director-Regeneration &amp; Growth</b>", ["Director-Regeneration & Growth"]),
        (
            "Director - Law & Governance Director - Finance",
            ["Director - Law & Governance", "Director - Finance"],
        ),
        ("Leadership Team", []),
    ],
)
def test_an_owner_cell_is_split_into_the_roles_it_names(cell, roles) -> None:
    assert split_owner_cell(cell) == roles


KNOWN = {
    owner_key(name): name
    for name in (
        "Director – Business Strategy and Change",
        "Director – Law & Governance",
        "Director – Finance",
        "Director – Children & Education",
        "Director – Children's Services",
    )
}


def test_a_truncated_name_matches_the_one_role_it_starts() -> None:
    assert match_role("Director - Business Strat", KNOWN) == "director business strategy and change"
    assert match_role("Director- Law", KNOWN) == "director law and governance"


def test_an_ambiguous_truncation_matches_nothing_rather_than_a_guess() -> None:
    assert match_role("Director - Children", KNOWN) is None


def test_an_unknown_role_matches_nothing() -> None:
    assert match_role("Head of Parks", KNOWN) is None
    assert match_role("", KNOWN) is None


@given(st.text())
def test_splitting_never_raises_and_never_returns_blank_roles(text: str) -> None:
    assert all(role.strip() for role in split_owner_cell(text))


@given(st.text())
def test_keys_are_idempotent(text: str) -> None:
    assert owner_key(owner_key(text)) == owner_key(text)
