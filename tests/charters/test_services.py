"""PMO's charter edits: validated, optimistic-locked, recorded in history, PMO only."""

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.charters import services
from planwatch.charters.errors import CharterError
from planwatch.charters.models import KeyDeliverable, KeyMilestone, SuccessMeasure, ThemeCharter
from planwatch.plans.concurrency import EditConflict

pytestmark = pytest.mark.django_db


@pytest.fixture
def oc(charters_plan):
    return charters_plan.themes.get(code="OC")


def test_editing_objectives_saves_one_a_line_and_records_who_and_why(oc, pmo):
    charter = ThemeCharter.objects.get(theme=oc)

    services.charter_edit(
        user=pmo,
        theme=oc,
        objectives="  First objective \n\n Second objective ",
        success_intro="We will see evidence of:",
        expected_version=charter.version,
    )

    charter.refresh_from_db()
    assert charter.objective_list == ["First objective", "Second objective"]
    assert charter.version == 2
    latest = charter.history.first()
    assert (latest.history_user, latest.history_change_reason) == (pmo, "Objectives edited")
    assert latest.objectives == "First objective\nSecond objective"


def test_objectives_cannot_be_emptied(oc, pmo):
    charter = ThemeCharter.objects.get(theme=oc)

    with pytest.raises(CharterError) as error:
        services.charter_edit(
            user=pmo, theme=oc, objectives=" \n ", success_intro="", expected_version=1
        )

    assert error.value.field == "objectives"
    charter.refresh_from_db()
    assert len(charter.objective_list) == 3
    assert charter.history.count() == 1


def test_a_stale_edit_of_the_objectives_is_refused(oc, pmo):
    services.charter_edit(user=pmo, theme=oc, objectives="A", success_intro="", expected_version=1)

    with pytest.raises(EditConflict) as conflict:
        services.charter_edit(
            user=pmo, theme=oc, objectives="B", success_intro="", expected_version=1
        )

    assert conflict.value.current.objectives == "A"
    assert ThemeCharter.objects.get(theme=oc).objectives == "A"


def test_objectives_of_a_theme_without_a_charter_start_one(sample_plan, pmo):
    theme = sample_plan.themes.get(code="DM")

    charter = services.charter_edit(
        user=pmo, theme=theme, objectives="Decide well", success_intro="", expected_version=0
    )

    assert charter.theme == theme
    assert charter.history.first().history_user == pmo


def test_adding_a_milestone_links_the_actions_named_by_ref_in_any_case(oc, pmo):
    milestone = services.milestone_add(
        user=pmo,
        theme=oc,
        text="New milestone",
        due_text="Spring 2023",
        action_refs="oc.b1.2;OC.D1.4",
    )

    assert sorted(milestone.actions.values_list("ref", flat=True)) == ["OC.B1.2", "OC.D1.4"]
    assert milestone.linked_refs == "OC.B1.2, OC.D1.4"
    assert milestone.order == 16  # after the plan's fifteen
    assert milestone.history.first().history_change_reason == "Key milestone added"


def test_a_milestone_naming_an_unknown_ref_is_refused_and_nothing_is_added(oc, pmo):
    before = KeyMilestone.objects.count()

    with pytest.raises(CharterError) as error:
        services.milestone_add(
            user=pmo, theme=oc, text="New", due_text="", action_refs="OC.B1.2, OC.Z9.9"
        )

    assert error.value.field == "action_refs"
    assert "OC.Z9.9" in error.value.message
    assert KeyMilestone.objects.count() == before


def test_a_milestone_needs_its_text(oc, pmo):
    with pytest.raises(CharterError) as error:
        services.milestone_add(user=pmo, theme=oc, text="  ", due_text="", action_refs="")

    assert error.value.field == "text"


def test_editing_a_milestone_relinks_it_and_history_shows_the_old_and_new_links(oc, pmo):
    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)

    services.milestone_edit(
        user=pmo,
        milestone=milestone,
        text=milestone.text,
        due_text="June 2022",
        action_refs="OC.B2.2 OC.B2.1",
        expected_version=milestone.version,
    )

    milestone.refresh_from_db()
    assert sorted(milestone.actions.values_list("ref", flat=True)) == ["OC.B2.1", "OC.B2.2"]
    new, old = milestone.history.all()[:2]
    assert (old.linked_refs, new.linked_refs) == ("OC.B2.2", "OC.B2.2, OC.B2.1")
    assert (old.due_text, new.due_text) == ("May 2022", "June 2022")
    assert new.history_user == pmo


def test_a_bad_ref_leaves_the_milestone_as_it_was(oc, pmo):
    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)

    with pytest.raises(CharterError):
        services.milestone_edit(
            user=pmo,
            milestone=milestone,
            text="Changed",
            due_text="",
            action_refs="nope",
            expected_version=milestone.version,
        )

    milestone.refresh_from_db()
    assert (milestone.text, milestone.version) == ("Budget Holder Role Profile Approved", 1)
    assert list(milestone.actions.values_list("ref", flat=True)) == ["OC.B2.2"]


def test_two_people_editing_one_milestone_cannot_both_win(oc, pmo):
    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)
    stale = KeyMilestone.objects.get(pk=milestone.pk)
    services.milestone_edit(
        user=pmo, milestone=milestone, text="First", due_text="", action_refs="", expected_version=1
    )

    with pytest.raises(EditConflict):
        services.milestone_edit(
            user=pmo,
            milestone=stale,
            text="Second",
            due_text="",
            action_refs="",
            expected_version=1,
        )

    assert KeyMilestone.objects.get(pk=milestone.pk).text == "First"


@pytest.mark.parametrize(
    ("kind", "model"), [("deliverables", KeyDeliverable), ("measures", SuccessMeasure)]
)
def test_deliverables_and_measures_are_added_edited_and_removed_with_history(oc, pmo, kind, model):
    item = services.item_add(user=pmo, theme=oc, kind=kind, text="Something new")
    services.item_edit(user=pmo, item=item, text="Something better", expected_version=1)
    pk = item.pk
    services.item_remove(user=pmo, item=item, expected_version=2)

    assert not model.objects.filter(pk=pk).exists()
    records = model.history.filter(id=pk).order_by("history_date")
    assert [(r.history_type, r.text, r.history_user) for r in records] == [
        ("+", "Something new", pmo),
        ("~", "Something better", pmo),
        ("-", "Something better", pmo),
    ]


def test_an_empty_deliverable_is_refused(oc, pmo):
    with pytest.raises(CharterError):
        services.item_add(user=pmo, theme=oc, kind="deliverables", text="")


def test_removing_a_milestone_keeps_what_it_said_in_history(oc, pmo):
    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)

    pk = milestone.pk
    services.item_remove(user=pmo, item=milestone, expected_version=1)

    record = KeyMilestone.history.filter(id=pk).first()
    assert (record.history_type, record.text, record.history_change_reason) == (
        "-",
        "Budget Holder Role Profile Approved",
        "Key milestone removed",
    )


@pytest.mark.parametrize("role", ["viewer", "owner", "approver"])
def test_only_pmo_may_edit_a_charter(oc, role_users, role):
    user = role_users[role]
    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)
    item = KeyDeliverable.objects.filter(charter__theme=oc).first()
    writes = [
        lambda: services.charter_edit(
            user=user, theme=oc, objectives="x", success_intro="", expected_version=1
        ),
        lambda: services.milestone_add(user=user, theme=oc, text="x", due_text="", action_refs=""),
        lambda: services.milestone_edit(
            user=user,
            milestone=milestone,
            text="x",
            due_text="",
            action_refs="",
            expected_version=1,
        ),
        lambda: services.item_add(user=user, theme=oc, kind="measures", text="x"),
        lambda: services.item_edit(user=user, item=item, text="x", expected_version=1),
        lambda: services.item_remove(user=user, item=item, expected_version=1),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()

    assert KeyMilestone.objects.get(pk=milestone.pk).version == 1
    assert KeyDeliverable.objects.get(pk=item.pk).version == 1


def test_charter_edits_appear_in_the_auditors_csv_export(oc, pmo, pmo_client):
    from django.urls import reverse

    milestone = KeyMilestone.objects.get(charter__theme=oc, order=1)
    services.milestone_edit(
        user=pmo,
        milestone=milestone,
        text="Budget Holder Role Profile Approved",
        due_text="June 2022",
        action_refs="OC.B2.2",
        expected_version=1,
    )

    response = pmo_client.get(reverse("audit:export_csv"))
    csv = b"".join(response.streaming_content).decode()

    changed = [line for line in csv.splitlines() if "Key milestone edited" in line]
    assert len(changed) == 1
    assert ",pmo," in changed[0]
    assert ",May 2022,June 2022," in changed[0]


def test_a_workstream_is_matched_only_to_a_tracker_workstream_of_its_theme(oc, pmo):
    from planwatch.plans.models import Workstream

    own = Workstream.objects.get(theme=oc, name="Employee Engagement")
    other = Workstream.objects.get(theme__code="CO", name="ERP")

    with pytest.raises(CharterError) as error:
        services.workstream_add(user=pmo, theme=oc, name="X", aim="", workstream_id=other.pk)
    item = services.workstream_add(user=pmo, theme=oc, name="X", aim="Y", workstream_id=own.pk)
    services.workstream_edit(
        user=pmo, item=item, name="X", aim="Z", workstream_id=None, expected_version=1
    )

    assert error.value.field == "workstream"
    assert [(r.aim, r.workstream_id) for r in item.history.order_by("history_date")] == [
        ("Y", own.pk),
        ("Z", None),
    ]
