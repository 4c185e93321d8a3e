"""The corporate risk matrix: verbatim definitions, scores, bands and the heatmap."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.risk_matrix import (
    DEFAULT_BANDS,
    IMPACT_LEVELS,
    LIKELIHOOD_LEVELS,
    Assessment,
    Bands,
    RiskBand,
    band,
    heatmap,
    level_of_main_action_risk,
    score,
)

levels = st.integers(min_value=1, max_value=4)
assessments = st.builds(Assessment, levels, levels, levels, levels)


def test_impact_levels_are_the_councils_words() -> None:
    assert [(lv.level, lv.label) for lv in IMPACT_LEVELS.values()] == [
        (1, "Very Low"),
        (2, "Low"),
        (3, "Medium"),
        (4, "High"),
    ]
    assert IMPACT_LEVELS[1].financial == "<5% of budget"
    assert IMPACT_LEVELS[2].financial == "5% to 10% budget"
    assert IMPACT_LEVELS[3].financial == "11% to 20% of budget"
    assert IMPACT_LEVELS[4].financial == ">20% of budget"
    assert IMPACT_LEVELS[1].reputation == "Local gossip/ reputation affected internally"
    assert IMPACT_LEVELS[4].reputation == (
        "National media coverage – permanent impact on reputation"
    )
    assert IMPACT_LEVELS[3].service_delivery == (
        "50%-80% Significant service or project disruption requiring intervention by "
        "Corporate Directors / Management Board"
    )
    assert IMPACT_LEVELS[4].service_delivery.endswith("requiring intervention by Members.")


def test_every_definition_appears_verbatim_in_the_seed_legend() -> None:
    from pathlib import Path

    seed = Path("/work/shared/seeds/004_d5bb123aec69162c.txt")
    if not seed.exists():
        pytest.skip("seed documents not available")
    legend = seed.read_text(encoding="utf-8")
    for impact in IMPACT_LEVELS.values():
        for text in (impact.financial, impact.reputation, impact.service_delivery):
            assert text in legend
        assert f"{impact.level} ({impact.label})" in legend
    for likelihood in LIKELIHOOD_LEVELS.values():
        assert f"{likelihood.label} {likelihood.definition} {likelihood.chance}" in legend


def test_likelihood_levels_and_chances() -> None:
    labels = [lv.label for lv in LIKELIHOOD_LEVELS.values()]
    assert labels == ["Unlikely", "Possible", "Probably / likely", "Almost certain"]
    assert [lv.chance_percent for lv in LIKELIHOOD_LEVELS.values()] == [
        (0, 10),
        (10, 24),
        (25, 50),
        (50, 100),
    ]
    assert LIKELIHOOD_LEVELS[1].chance == "The chance of the event occurring is less than 10%."
    assert LIKELIHOOD_LEVELS[4].chance == "A more than 50% chance of the risk occurring"


def test_impact_is_the_higher_of_the_three_dimensions() -> None:
    assert Assessment(financial=1, reputation=3, service_delivery=2, likelihood=1).impact == 3
    assert Assessment(financial=4, reputation=1, service_delivery=1, likelihood=1).impact == 4
    assert Assessment(financial=1, reputation=1, service_delivery=2, likelihood=1).impact == 2


def test_score_is_impact_times_likelihood() -> None:
    a = Assessment(financial=2, reputation=3, service_delivery=1, likelihood=4)
    assert score(a) == a.score == 12
    assert score(Assessment(1, 1, 1, 1)) == 1
    assert score(Assessment(4, 4, 4, 4)) == 16


@pytest.mark.parametrize("dimension", ["financial", "reputation", "service_delivery", "likelihood"])
@pytest.mark.parametrize("bad", [0, 5, -1, True, 2.0, "3", None])
def test_levels_outside_1_to_4_are_refused_naming_the_dimension(dimension, bad) -> None:
    values = {"financial": 1, "reputation": 1, "service_delivery": 1, "likelihood": 1}
    values[dimension] = bad
    with pytest.raises(ValueError, match=f"^{dimension} must be a whole number from 1 to 4"):
        Assessment(**values)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, RiskBand.LOW),
        (4, RiskBand.LOW),
        (5, RiskBand.MEDIUM),
        (9, RiskBand.MEDIUM),
        (10, RiskBand.HIGH),
        (16, RiskBand.HIGH),
    ],
)
def test_default_bands_at_their_boundaries(value, expected) -> None:
    assert band(value) is expected
    assert DEFAULT_BANDS.band_of(value) is expected


@pytest.mark.parametrize("bad", [0, 17, -3, True, 4.0, "4"])
def test_band_refuses_impossible_scores(bad) -> None:
    with pytest.raises(ValueError, match="score must be"):
        band(bad)


def test_custom_bands() -> None:
    strict = Bands(low=(1, 2), medium=(3, 6), high=(7, 16))
    assert band(3, strict) is RiskBand.MEDIUM
    assert band(8, strict) is RiskBand.HIGH
    assert band(2, strict) is RiskBand.LOW


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"low": (2, 4)}, "low band must start at 1, not 2: .*gap"),
        ({"medium": (6, 9)}, "medium band must start at 5, not 6: .*gap"),
        ({"medium": (4, 9)}, "medium band must start at 5, not 4: .*overlaps"),
        ({"high": (10, 15)}, "high band must end at 16, not 15"),
        ({"high": (10, 20)}, "high band must end at 16, not 20"),
        ({"medium": (5, 4), "high": (5, 16)}, "medium band 5-4 is empty"),
    ],
)
def test_bands_must_be_contiguous_and_cover_1_to_16(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        Bands(**kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("High Risk", RiskBand.HIGH),
        ("Medium Risk", RiskBand.MEDIUM),
        ("Low Risk", RiskBand.LOW),
        ("  low risk ", RiskBand.LOW),
        ("MEDIUM", RiskBand.MEDIUM),
        ("<b>High Risk</b>", RiskBand.HIGH),
        ("Amber", RiskBand.MEDIUM),
        ("Red", RiskBand.HIGH),
        ("Green risk", RiskBand.LOW),
        ("N/A", None),
        ("", None),
        (None, None),
        ("Risk", None),
        ("High Medium Risk", None),
        ("Highish", None),
        ("On track", None),
    ],
)
def test_level_of_main_action_risk(text, expected) -> None:
    assert level_of_main_action_risk(text) is expected


def test_heatmap_has_all_sixteen_cells_and_places_keys_by_impact_and_likelihood() -> None:
    cells = heatmap(
        [
            ("OC.A1.0", Assessment(1, 3, 2, 4)),
            ("OC.A2.0", Assessment(1, 1, 1, 1)),
            ("OC.B1.0", Assessment(3, 1, 1, 4)),
        ]
    )
    assert list(cells) == [(i, lk) for i in range(1, 5) for lk in range(1, 5)]
    assert cells[(3, 4)] == ["OC.A1.0", "OC.B1.0"]
    assert cells[(1, 1)] == ["OC.A2.0"]
    assert sum(len(keys) for keys in cells.values()) == 3


def test_empty_heatmap_still_has_every_cell() -> None:
    cells = heatmap([])
    assert len(cells) == 16
    assert all(keys == [] for keys in cells.values())


@given(assessments)
def test_score_is_within_1_to_16_and_always_banded(a: Assessment) -> None:
    assert 1 <= score(a) <= 16
    assert score(a) == a.impact * a.likelihood
    assert a.impact == max(a.financial, a.reputation, a.service_delivery)
    assert band(score(a)) in set(RiskBand)


@given(assessments, st.sampled_from(["financial", "reputation", "service_delivery", "likelihood"]))
def test_raising_any_level_never_lowers_the_score(a: Assessment, dimension: str) -> None:
    values = {
        "financial": a.financial,
        "reputation": a.reputation,
        "service_delivery": a.service_delivery,
        "likelihood": a.likelihood,
    }
    values[dimension] = min(4, values[dimension] + 1)
    assert score(Assessment(**values)) >= score(a)


@given(st.integers(min_value=1, max_value=15), st.integers(min_value=1, max_value=15))
def test_any_two_cut_points_make_valid_monotone_bands(a: int, b: int) -> None:
    low_end, medium_end = sorted((a, b))
    if low_end == medium_end:
        return
    bands = Bands(low=(1, low_end), medium=(low_end + 1, medium_end), high=(medium_end + 1, 16))
    order = [RiskBand.LOW, RiskBand.MEDIUM, RiskBand.HIGH]
    ranks = [order.index(band(s, bands)) for s in range(1, 17)]
    assert ranks == sorted(ranks)


@given(st.lists(st.tuples(st.integers(), assessments), max_size=30))
def test_heatmap_keeps_every_key_exactly_once(items) -> None:
    cells = heatmap(items)
    assert len(cells) == 16
    placed = [key for keys in cells.values() for key in keys]
    assert sorted(placed) == sorted(key for key, _ in items)
    for key, a in items:
        assert key in cells[(a.impact, a.likelihood)]
