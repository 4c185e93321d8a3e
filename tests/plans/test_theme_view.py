"""A theme's page: its workstreams, each with main actions and their sub-actions beneath."""

import pytest
from django.urls import reverse

from planwatch.plans.models import Action
from planwatch.plans.selectors import theme_get, theme_workstreams

pytestmark = pytest.mark.django_db


def test_theme_groups_actions_by_workstream_with_sub_actions_under_their_main_action(
    sample_plan,
):
    groups = theme_workstreams(theme=theme_get(plan=sample_plan, code="OC"))

    first = groups[0]
    assert first.workstream.name == "Establishing Organisational Culture"
    main = first.entries[0]
    assert main.action.ref == "OC.A1.0"
    assert [sub.ref for sub in main.sub_actions] == ["OC.A1.1", "OC.A1.2", "OC.A1.3"]
    assert sum(group.action_count for group in groups) == 52


def test_sub_action_without_a_main_action_is_still_listed(plan):
    # A workbook may leave a main action's row out; its sub-actions must not vanish.
    orphan = Action.objects.filter(plan=plan, is_main=False).order_by("sort_key").first()
    orphan.parent = None
    orphan.save(update_fields=["parent"])

    groups = theme_workstreams(theme=orphan.theme)

    top_level = [entry.action.ref for group in groups for entry in group.entries]
    assert orphan.ref in top_level


def test_theme_page_lists_actions_with_owner_due_date_and_status_tag(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:theme", args=["OC"])).content.decode()

    assert '<h1 class="govuk-heading-xl">Organisational Culture</h1>' in html
    assert "Establishing Organisational Culture" in html
    assert 'href="/actions/OC.A1.3/"' in html
    assert "Approval of document setting out the desired organisational culture" in html
    assert "Director – Business Strategy and Change" in html
    assert "Update: Head of HR" in html
    assert "Autumn 2022" in html
    assert '<strong class="govuk-tag govuk-tag--yellow">Medium progress</strong>' in html


def test_theme_page_lists_main_actions_before_their_sub_actions(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:theme", args=["OC"])).content.decode()

    assert html.index("/actions/OC.A1.0/") < html.index("/actions/OC.A1.1/")
    assert html.index("/actions/OC.A1.3/") < html.index("/actions/OC.A2.0/")


def test_unknown_theme_is_not_found(sample_plan, pmo_client):
    assert pmo_client.get(reverse("plans:theme", args=["ZZ"])).status_code == 404


def test_a_due_date_typed_in_bold_in_the_workbook_shows_bold_not_as_tags(sample_plan, pmo_client):
    action = Action.objects.filter(plan=sample_plan, due_text__contains="<b>").first()
    assert action is not None, "the sample workbook has due dates typed in bold"

    html = pmo_client.get(reverse("plans:theme", args=[action.theme.code])).content.decode()

    shown = action.due_text.replace("<b>", "<strong>").replace("</b>", "</strong>")
    assert shown in html
    assert "&lt;b&gt;" not in html
