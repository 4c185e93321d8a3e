"""The plan's own risk register (seed 002, Section 4) loads word for word, unscored, once."""

import json
from pathlib import Path

import pytest

from planwatch.risks.demo import DEMO_FILE, demo_load
from planwatch.risks.models import Risk
from planwatch.risks.selectors import heatmap_counts, register_list

pytestmark = pytest.mark.django_db

SEED = Path("/work/shared/seeds/002_e7551b5637c8493c.txt")


def _key_risks_in_the_plan() -> list[str]:
    """Section 4's "Key Risks" bullets, as the plan document words them."""
    text = SEED.read_text(encoding="utf-8")
    section = text[text.index("Key Risks") : text.index("Section 5 - Resourcing the Plan")]
    return [line.removeprefix("- ▶ ") for line in section.splitlines() if line.startswith("- ▶ ")]


def test_the_demo_file_carries_every_key_risk_word_for_word():
    register = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    risks = register["risks"]

    if SEED.exists():
        assert [f"{r['title']} – {r['description']}" for r in risks] == _key_risks_in_the_plan()
    assert len(risks) == 7
    for risk in risks:
        for part in ("cause", "effect", "controls"):
            assert risk[part] in risk["description"]  # extracts, never rewording
    optimism = risks[-1]
    assert optimism["cause"] == "assessment of progress and risk assessment contains optimism-bias"
    assert optimism["effect"] == "this will prevent an accurate and realistic view of progress"


def test_loading_twice_adds_the_register_once(sample_plan):
    first = demo_load(plan=sample_plan)
    second = demo_load(plan=sample_plan)

    assert "7 key risks" in first
    assert "already loaded" in second
    assert Risk.objects.filter(plan=sample_plan).count() == 7
    culture = Risk.objects.get(reference="R02")
    assert [t.code for t in culture.themes.all()] == ["OC"]
    assert [a.ref for a in Risk.objects.get(reference="R05").actions.all()] == ["CO.C1.0"]


def test_the_plan_gives_no_scores_so_none_are_invented(sample_plan):
    demo_load(plan=sample_plan)

    rows = register_list(plan=sample_plan)
    assert all(row.inherent is None and row.residual is None for row in rows)
    heatmap = heatmap_counts(plan=sample_plan)
    assert heatmap.total == 0
    assert len(heatmap.unscored) == 7


def test_a_risk_edited_after_loading_is_left_alone(sample_plan):
    demo_load(plan=sample_plan)
    Risk.objects.filter(reference="R01").update(owner="Director - Finance")

    demo_load(plan=sample_plan)

    assert Risk.objects.get(reference="R01").owner == "Director - Finance"
