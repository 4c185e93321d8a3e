"""The sample plan's charters, loaded from the plan document's words in demo/theme-charters.json."""

import pytest

from planwatch.charters.demo import demo_data, demo_load
from planwatch.charters.models import (
    CharterWorkstream,
    KeyDeliverable,
    KeyMilestone,
    SuccessMeasure,
    ThemeCharter,
)
from planwatch.plans.models import Action

pytestmark = pytest.mark.django_db
THEMES = demo_data()["themes"]


def test_every_theme_of_the_plan_has_a_charter_in_the_demo_data():
    assert list(THEMES) == ["OC", "CO", "SD", "DM", "PC", "PR"]


def test_loading_twice_adds_nothing_the_second_time(sample_plan):
    first = demo_load(plan=sample_plan)
    counts = [
        m.objects.count()
        for m in (ThemeCharter, CharterWorkstream, KeyMilestone, KeyDeliverable, SuccessMeasure)
    ]
    second = demo_load(plan=sample_plan)

    assert first.startswith("Theme charters: loaded 6 (OC, CO, SD, DM, PC, PR)")
    assert "kept the existing charters of OC, CO, SD, DM, PC, PR" in second
    assert counts == [
        m.objects.count()
        for m in (ThemeCharter, CharterWorkstream, KeyMilestone, KeyDeliverable, SuccessMeasure)
    ]
    assert KeyMilestone.actions.through.objects.count() == sum(
        len(m["refs"]) for t in THEMES.values() for m in t["key_milestones"]
    )


def test_loading_keeps_a_charter_someone_already_edited(sample_plan):
    theme = sample_plan.themes.get(code="OC")
    ThemeCharter.objects.create(theme=theme, objectives="Our own wording")

    demo_load(plan=sample_plan)

    assert ThemeCharter.objects.get(theme=theme).objectives == "Our own wording"
    assert not KeyMilestone.objects.filter(charter__theme=theme).exists()
    assert KeyMilestone.objects.filter(charter__theme__code="CO").count() == 6


@pytest.mark.parametrize("code", list(THEMES))
def test_each_theme_charter_has_what_the_plan_document_gives(charters_plan, code):
    data = THEMES[code]
    charter = ThemeCharter.objects.get(theme__plan=charters_plan, theme__code=code)

    assert charter.objective_list == data["objectives"]
    assert charter.success_intro == data["evidence_of_success_intro"]
    assert [(w.name, w.aim) for w in charter.workstreams.all()] == [
        (w["name"], w["aim"]) for w in data["workstreams"]
    ]
    assert [(m.text, m.due_text) for m in charter.milestones.all()] == [
        (m["text"], m["due"]) for m in data["key_milestones"]
    ]
    assert [(d.text, d.level) for d in charter.deliverables.all()] == [
        (d["text"], d["level"]) for d in data["key_deliverables"]
    ]
    assert [m.text for m in charter.measures.all()] == data["evidence_of_success"]


@pytest.mark.parametrize("code", list(THEMES))
def test_each_milestone_links_the_actions_recorded_for_it(charters_plan, code):
    milestones = KeyMilestone.objects.filter(charter__theme__code=code)
    for milestone, data in zip(milestones, THEMES[code]["key_milestones"], strict=True):
        refs = sorted(milestone.actions.values_list("ref", flat=True))
        assert refs == sorted(data["refs"]), milestone.text
        assert milestone.linked_refs == ", ".join(data["refs"])
        assert data["match"], milestone.text  # every match, or non-match, is explained


def test_every_linked_ref_is_an_action_of_the_sample_plan(sample_plan):
    refs = {ref for t in THEMES.values() for m in t["key_milestones"] for ref in m["refs"]}

    found = set(Action.objects.filter(plan=sample_plan, ref__in=refs).values_list("ref", flat=True))

    assert refs - found == set()


def test_every_workstream_matches_the_trackers_workstream_of_that_theme(charters_plan):
    unmatched = CharterWorkstream.objects.filter(workstream__isnull=True)
    mismatched = [
        w
        for w in CharterWorkstream.objects.select_related("workstream", "charter")
        if w.workstream and w.workstream.theme_id != w.charter.theme_id
    ]

    assert list(unmatched) == []
    assert mismatched == []


def test_the_plan_documents_wording_is_kept_exactly(charters_plan):
    oc = ThemeCharter.objects.get(theme__code="OC")

    assert oc.objective_list[2].startswith("For the council’s organisational culture to change")
    assert oc.milestones.get(order=12).text == (
        "Approval of document / statement setting out desired organisational culture – "
        "‘Our Values: Our Behaviours’"
    )
    assert oc.milestones.get(order=2).due_text == ""  # blank in the plan's table
    sd = ThemeCharter.objects.get(theme__code="SD")
    assert [(d.text, d.level) for d in sd.deliverables.all()[:2]] == [
        ("Strategies:", 0),
        ("Regeneration Strategy and Pipeline", 1),
    ]
