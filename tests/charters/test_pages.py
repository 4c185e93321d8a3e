"""The charter pages: every theme's summary, one theme's charter with live statuses, PMO's forms."""

from datetime import date

import pytest
from django.urls import reverse

from planwatch.charters.models import KeyDeliverable, KeyMilestone, ThemeCharter
from planwatch.domain.statuses import Status
from planwatch.plans.latest_status import actions_latest_status_refresh
from planwatch.plans.models import Action, ProgressUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer_client(client, role_users):
    client.force_login(role_users["viewer"])
    return client


def _row(html: str, marker: str) -> str:
    """The table row of the page that holds `marker`."""
    start = html.index(marker)
    return html[html.rindex("<tr", 0, start) : html.index("</tr>", start)]


def test_index_summarises_all_six_themes_charters(charters_plan, viewer_client):
    response = viewer_client.get(reverse("charters:index"))

    html = response.content.decode()
    assert response.status_code == 200
    for name in ("Organisational Culture", "Corporate Oversight", "Partnerships"):
        assert name in html
    oc = _row(html, "Organisational Culture")
    assert "Not linked to an action" in oc
    assert 'govuk-table__cell--numeric">15<' in oc  # OC's fifteen key milestones


def test_index_says_when_a_theme_has_no_charter(sample_plan, viewer_client):
    html = viewer_client.get(reverse("charters:index")).content.decode()

    assert html.count("No charter recorded yet") == 6


def test_detail_shows_every_part_of_the_charter_in_the_plans_words(charters_plan, viewer_client):
    html = viewer_client.get(reverse("charters:detail", args=["OC"])).content.decode()

    assert "For Senior Leadership (Officers and Members) to work together effectively" in html
    assert "Establishing Organisational Culture" in html
    assert "to collaboratively develop the desired organisational culture" in html
    assert "Budget Holder Role Profile Approved" in html
    assert "Permanent Chief Executive in place" in html
    assert "Improvements in external review outcomes" in html
    assert "there will be evidence of:" in html
    assert "Internal Communications" in html  # the tracker's workstream beside the plan's


def test_a_milestone_links_to_the_actions_that_deliver_it(charters_plan, viewer_client):
    html = viewer_client.get(reverse("charters:detail", args=["OC"])).content.decode()

    row = _row(html, "Corporate Governance Training Delivery")
    assert reverse("plans:action_detail", args=["OC.B1.5"]) in row
    assert reverse("plans:action_detail", args=["OC.D2.4"]) in row
    assert "On track" in row


def test_a_milestone_status_follows_its_actions_latest_status(charters_plan, viewer_client):
    url = reverse("charters:detail", args=["OC"])
    before = _row(viewer_client.get(url).content.decode(), "Budget Holder Role Profile Approved")
    action = Action.objects.get(plan=charters_plan, ref="OC.B2.2")
    ProgressUpdate.objects.create(
        action=action, month=date(2022, 11, 1), status=Status.SIGNIFICANT_ISSUES
    )
    actions_latest_status_refresh(Action.objects.filter(pk=action.pk))

    after = _row(viewer_client.get(url).content.decode(), "Budget Holder Role Profile Approved")

    assert "Achieved" in before and "Significant issues" not in before
    assert "govuk-tag--red" in after and "1 of 1 linked action rated Significant issues" in after


def test_an_unlinked_milestone_says_so(charters_plan, viewer_client):
    html = viewer_client.get(reverse("charters:detail", args=["OC"])).content.decode()

    assert "Not linked to an action" in _row(html, "Employee Engagement Survey Report")


def test_a_theme_without_a_charter_shows_an_empty_charter(sample_plan, viewer_client):
    response = viewer_client.get(reverse("charters:detail", args=["DM"]))

    assert response.status_code == 200
    assert "No key milestones recorded yet." in response.content.decode()


def test_an_unknown_theme_is_not_found(sample_plan, viewer_client):
    assert viewer_client.get(reverse("charters:detail", args=["ZZ"])).status_code == 404


def test_only_pmo_sees_the_change_links(charters_plan, client, role_users):
    url = reverse("charters:detail", args=["OC"])
    edit = reverse("charters:edit", args=["OC"])

    client.force_login(role_users["viewer"])
    assert edit not in client.get(url).content.decode()
    client.force_login(role_users["pmo"])
    assert edit in client.get(url).content.decode()


def test_pmo_edits_the_objectives_through_the_form(charters_plan, pmo_client):
    url = reverse("charters:edit", args=["OC"])
    assert "For Senior Leadership" in pmo_client.get(url).content.decode()

    response = pmo_client.post(
        url, {"objectives": "One\nTwo", "success_intro": "Evidence:", "version": "1"}
    )

    assert response.status_code == 302
    assert response.url == reverse("charters:detail", args=["OC"]) + "#objectives"
    assert ThemeCharter.objects.get(theme__code="OC").objective_list == ["One", "Two"]


def test_empty_objectives_show_an_error_summary_and_change_nothing(charters_plan, pmo_client):
    response = pmo_client.post(
        reverse("charters:edit", args=["OC"]), {"objectives": "", "version": "1"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert 'href="#id_objectives"' in html
    assert "Enter at least one objective" in html
    assert ThemeCharter.objects.get(theme__code="OC").version == 1


def test_a_stale_form_shows_what_the_other_person_saved(charters_plan, pmo_client):
    url = reverse("charters:edit", args=["OC"])
    pmo_client.post(url, {"objectives": "Theirs", "version": "1"})

    response = pmo_client.post(url, {"objectives": "Mine", "version": "1"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Someone else saved this" in html
    assert "Theirs" in html
    assert 'name="version" value="2"' in html
    assert ThemeCharter.objects.get(theme__code="OC").objectives == "Theirs"


def test_pmo_adds_a_milestone_choosing_its_actions_by_ref(charters_plan, pmo_client):
    response = pmo_client.post(
        reverse("charters:milestone_add", args=["OC"]),
        {"text": "Induction revised", "due_text": "February 2023", "action_refs": "OC.B1.2"},
    )

    assert response.status_code == 302
    milestone = KeyMilestone.objects.get(text="Induction revised")
    assert list(milestone.actions.values_list("ref", flat=True)) == ["OC.B1.2"]


def test_an_unknown_ref_is_shown_beside_its_field(charters_plan, pmo_client):
    response = pmo_client.post(
        reverse("charters:milestone_add", args=["OC"]),
        {"text": "Induction revised", "action_refs": "OC.Q1.1"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_action_refs"' in html
    assert "There is no action OC.Q1.1" in html
    assert not KeyMilestone.objects.filter(text="Induction revised").exists()


def test_pmo_edits_a_milestone_whose_form_shows_its_current_links(charters_plan, pmo_client):
    milestone = KeyMilestone.objects.get(charter__theme__code="OC", order=7)
    url = reverse("charters:milestone_edit", args=["OC", milestone.pk])
    assert 'value="OC.B1.1, OC.D2.1"' in pmo_client.get(url).content.decode()

    response = pmo_client.post(
        url,
        {"text": milestone.text, "due_text": "June 2022", "action_refs": "OC.B1.1", "version": "1"},
    )

    assert response.status_code == 302
    assert list(milestone.actions.values_list("ref", flat=True)) == ["OC.B1.1"]


def test_pmo_removes_a_milestone_after_confirming(charters_plan, pmo_client):
    milestone = KeyMilestone.objects.get(charter__theme__code="OC", order=1)
    url = reverse("charters:milestone_remove", args=["OC", milestone.pk])
    assert "Budget Holder Role Profile Approved" in pmo_client.get(url).content.decode()

    response = pmo_client.post(url, {"version": "1"})

    assert response.status_code == 302
    assert not KeyMilestone.objects.filter(pk=milestone.pk).exists()


def test_pmo_adds_edits_and_removes_a_deliverable(charters_plan, pmo_client):
    pmo_client.post(reverse("charters:item_add", args=["OC", "deliverables"]), {"text": "A plan"})
    item = KeyDeliverable.objects.get(text="A plan")
    pmo_client.post(
        reverse("charters:item_edit", args=["OC", "deliverables", item.pk]),
        {"text": "A better plan", "version": "1"},
    )
    assert KeyDeliverable.objects.get(pk=item.pk).text == "A better plan"

    pmo_client.post(
        reverse("charters:item_remove", args=["OC", "deliverables", item.pk]), {"version": "2"}
    )

    assert not KeyDeliverable.objects.filter(pk=item.pk).exists()


def test_a_list_the_charter_does_not_have_is_not_found(charters_plan, pmo_client):
    assert pmo_client.get(reverse("charters:item_add", args=["OC", "risks"])).status_code == 404


def test_an_item_of_another_theme_is_not_found_under_this_one(charters_plan, pmo_client):
    item = KeyDeliverable.objects.filter(charter__theme__code="CO").first()

    url = reverse("charters:item_edit", args=["OC", "deliverables", item.pk])

    assert pmo_client.get(url).status_code == 404


def test_a_viewer_cannot_post_an_edit(charters_plan, viewer_client):
    response = viewer_client.post(
        reverse("charters:edit", args=["OC"]), {"objectives": "Hijack", "version": "1"}
    )

    assert response.status_code == 403
    assert ThemeCharter.objects.get(theme__code="OC").objectives != "Hijack"


def test_pmo_edits_a_workstreams_aim_and_its_tracker_match(charters_plan, pmo_client):
    from planwatch.charters.models import CharterWorkstream

    item = CharterWorkstream.objects.get(charter__theme__code="OC", name="Internal Communication")
    url = reverse("charters:workstream_edit", args=["OC", item.pk])
    page = pmo_client.get(url).content.decode()
    assert f'<option value="{item.workstream_id}" selected>Internal Communications' in page

    response = pmo_client.post(
        url, {"name": item.name, "aim": "A sharper aim", "workstream": "", "version": "1"}
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.aim, item.workstream) == ("A sharper aim", None)


def test_a_workstream_of_another_theme_cannot_be_chosen(charters_plan, pmo_client):
    from planwatch.plans.models import Workstream

    other = Workstream.objects.get(theme__code="CO", name="ERP")

    response = pmo_client.post(
        reverse("charters:workstream_add", args=["OC"]),
        {"name": "Oracle", "aim": "", "workstream": str(other.pk)},
    )

    assert response.status_code == 400
    assert 'href="#id_workstream"' in response.content.decode()


def test_pmo_adds_and_removes_a_workstream(charters_plan, pmo_client):
    from planwatch.charters.models import CharterWorkstream

    pmo_client.post(
        reverse("charters:workstream_add", args=["DM"]),
        {"name": "Scrutiny", "aim": "To scrutinise"},
    )
    item = CharterWorkstream.objects.get(name="Scrutiny")
    assert item.charter.theme.code == "DM" and item.order == 4

    pmo_client.post(reverse("charters:workstream_remove", args=["DM", item.pk]), {"version": "1"})

    assert not CharterWorkstream.objects.filter(pk=item.pk).exists()


def test_a_deliverable_can_be_nested_under_the_one_above_as_the_plan_does(
    charters_plan, pmo_client
):
    nested = KeyDeliverable.objects.get(text="Early Help Strategy")
    edit = reverse("charters:item_edit", args=["SD", "deliverables", nested.pk])
    assert 'type="checkbox" value="on" checked' in pmo_client.get(edit).content.decode()
    measures = reverse("charters:item_add", args=["SD", "measures"])
    assert 'name="nested"' not in pmo_client.get(measures).content.decode()

    pmo_client.post(
        reverse("charters:item_add", args=["SD", "deliverables"]),
        {"text": "Customer Access Strategy", "nested": "on"},
    )

    assert KeyDeliverable.objects.get(text="Customer Access Strategy").level == 1
    html = pmo_client.get(reverse("charters:detail", args=["SD"])).content.decode()
    assert '<li class="govuk-!-margin-left-6">Customer Access Strategy' in html
