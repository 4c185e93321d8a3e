"""Every row of the council's tracker, the irregularly typed refs included, kept as written.

Seed 004 types eleven refs irregularly: CO.D.2.0, CO.D.4.1 and CO.D.4.2 (a different row from
CO.D4.2), SD.A1.3a-d (the parts of SD.A1.3), DM.C.2.0, DM.C.3.0, and PC.E14 and PC.E15 (for
PC.E1.4 and PC.E1.5).
"""

from collections import Counter

import pytest
from django.utils import timezone

from planwatch.imports.models import DataQualityWarning
from planwatch.imports.services import tracker_import
from planwatch.plans import selectors
from planwatch.plans.models import Action

pytestmark = pytest.mark.django_db

# Main and sub-action rows per theme in seed 004's text (a ref ending in .0 is a main action).
ROWS_PER_THEME = {
    "OC": (16, 36),
    "CO": (12, 51),
    "SD": (14, 61),
    "DM": (7, 17),
    "PC": (12, 45),
    "PR": (5, 19),
}


def _counts(plan) -> dict[str, tuple[int, int]]:
    found = Counter(Action.objects.filter(plan=plan).values_list("theme__code", "is_main"))
    return {code: (found[code, True], found[code, False]) for code, _ in found}


def test_the_whole_tracker_goes_in_295_rows_66_main_actions_and_229_sub_actions(sample_plan):
    actions = Action.objects.filter(plan=sample_plan)
    assert actions.count() == 295
    assert actions.filter(is_main=True).count() == 66
    assert actions.filter(is_main=False).count() == 229
    assert _counts(sample_plan) == ROWS_PER_THEME


def test_irregular_refs_keep_their_spelling_and_sit_where_their_reading_puts_them(sample_plan):
    actions = {a.ref: a for a in Action.objects.filter(plan=sample_plan).select_related("parent")}
    assert actions["CO.D.2.0"].is_main
    assert actions["CO.D2.1"].parent.ref == "CO.D.2.0"
    assert actions["DM.C.2.0"].is_main and actions["DM.C2.1"].parent.ref == "DM.C.2.0"
    assert actions["DM.C.3.0"].is_main
    assert actions["PC.E14"].parent.ref == "PC.E1.0"
    assert actions["CO.D.4.1"].parent.ref == "CO.D4.0"
    for letter in "abcd":
        assert actions[f"SD.A1.3{letter}"].parent.ref == "SD.A1.3"
        assert not actions[f"SD.A1.3{letter}"].is_main


def test_two_rows_read_as_one_ref_are_both_kept_and_the_clash_is_warned(sample_plan):
    regular = Action.objects.get(plan=sample_plan, ref="CO.D4.2")
    irregular = Action.objects.get(plan=sample_plan, ref="CO.D.4.2")
    assert regular.title.startswith("New suite of working papers")
    assert irregular.title.startswith("Additional resources")
    clash = DataQualityWarning.objects.filter(category="ref", ref="CO.D.4.2")
    assert any("both read as CO.D4.2" in w.message for w in clash)


def test_a_row_with_lettered_parts_counts_through_them(sample_plan):
    from planwatch.plans.counting import counted_actions_q

    counted = set(
        Action.objects.filter(
            counted_actions_q(), plan=sample_plan, ref__startswith="SD.A1.3"
        ).values_list("ref", flat=True)
    )
    assert counted == {"SD.A1.3a", "SD.A1.3b", "SD.A1.3c", "SD.A1.3d"}


def test_search_finds_a_row_from_either_spelling_of_its_ref(sample_plan):
    today = timezone.localdate()
    for query in ("CO.D2.0", "CO.D.2.0", "co.d.2.0"):
        found = selectors.action_list(plan=sample_plan, today=today, q=query)
        assert "CO.D.2.0" in {a.ref for a in found}, query
    found = {a.ref for a in selectors.action_list(plan=sample_plan, today=today, q="PC.E1.4")}
    assert found == {"PC.E14"}


def test_the_theme_page_lists_the_parts_under_their_sub_action(sample_plan):
    theme = selectors.theme_get(plan=sample_plan, code="SD")
    for workstream in selectors.theme_workstreams(theme=theme):
        for entry in workstream.entries:
            refs = [a.ref for a in entry.sub_actions]
            if "SD.A1.3" in refs:
                at = refs.index("SD.A1.3")
                assert refs[at + 1 : at + 5] == ["SD.A1.3a", "SD.A1.3b", "SD.A1.3c", "SD.A1.3d"]
                parts = {a.ref for a in entry.sub_actions if a.pk in entry.parts}
                assert parts == {"SD.A1.3a", "SD.A1.3b", "SD.A1.3c", "SD.A1.3d"}
                return
    pytest.fail("SD.A1.3 is not listed under its main action")


def test_importing_the_same_workbook_again_changes_nothing(sample_plan, sample_workbook):
    summary = tracker_import(path=sample_workbook, plan_name=sample_plan.name)
    assert summary.actions_created == summary.actions_updated == 0
    assert summary.actions_unchanged == 295
    assert summary.updates_created == summary.updates_changed == 0
