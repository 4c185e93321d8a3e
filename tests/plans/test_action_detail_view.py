"""An action's page: every field, dates as written beside their reading, the full history."""

import pytest
from django.urls import reverse

from planwatch.plans.models import Action, Recommendation

pytestmark = pytest.mark.django_db


def page(client, ref: str) -> str:
    response = client.get(reverse("plans:action_detail", args=[ref]))
    assert response.status_code == 200
    return response.content.decode()


def test_action_page_shows_title_theme_workstream_and_main_action(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.3")

    assert "Approval of document setting out the desired organisational culture" in html
    assert "OC Organisational Culture" in html
    assert "Establishing Organisational Culture" in html
    assert 'href="/actions/OC.A1.0/"' in html


def test_action_page_shows_every_owner(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.3")

    for text in ["Director lead", "Director – Business Strategy and Change", "Deputy Leader"]:
        assert text in html
    assert "Head of HR" in html


def test_action_page_shows_original_date_text_beside_its_interpretation(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.3")

    assert "As written: <strong>Autumn 2022</strong>" in html
    assert "Read as: Sep 2022 – Nov 2022 (season)" in html


def test_action_page_shows_a_date_slip_as_written_and_as_read(sample_plan, pmo_client):
    html = page(pmo_client, "PR.D1.0")

    assert "As written: <strong>Jul-05</strong>" in html
    assert "Read as: Jul 2005" in html


def test_action_page_shows_the_full_update_history_newest_first(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.3")
    history = html[html.index("Update history") :]

    assert history.index("Oct 2022") < history.index("Sep 2022")
    assert "As written: “Medium Progress- actual/ projected slippage of 1-2 months”" in html
    assert "DS suggest Change Control to January" in html
    assert "Pending completion of phases 1 and 2" in html
    assert "DS 17.10" in html


def test_main_action_page_lists_its_sub_actions_and_risk(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.0")

    for ref in ["OC.A1.1", "OC.A1.2", "OC.A1.3"]:
        assert f'href="/actions/{ref}/"' in html
    assert "Risk level" in html
    assert Action.objects.get(ref="OC.A1.0").get_risk_level_display() in html


def test_action_page_lists_linked_recommendations(sample_plan, pmo_client):
    recommendation = Recommendation.objects.create(
        plan=sample_plan, source="CIPFA", kind="", number="7", text="Strengthen budget control"
    )
    recommendation.actions.add(Action.objects.get(ref="OC.A1.3"))

    html = page(pmo_client, "OC.A1.3")

    assert "CIPFA Rec 7" in html
    assert "Strengthen budget control" in html


def test_action_page_says_when_no_recommendation_is_linked(sample_plan, pmo_client):
    assert "No external review recommendations are linked" in page(pmo_client, "OC.A1.3")


def test_action_page_shows_source_row_and_cells_as_written(sample_plan, pmo_client):
    html = page(pmo_client, "OC.A1.3")

    assert "Theme 1 - Organisational Cultur" in html
    assert "row 6" in html
    assert "Cells as written in the workbook" in html
    assert "Update (Initial and Date)(October 22)" in html


def test_action_page_shows_excel_dates_as_the_workbook_showed_them(sample_plan, pmo_client):
    html = page(pmo_client, "CO.A1.0")

    assert "Dec-21 (an Excel date: 01 December 2021)" in html


def test_action_page_shows_data_quality_warnings_for_its_ref(sample_plan, pmo_client):
    html = page(pmo_client, "PR.D1.0")

    assert "data-quality warnings about this action" in html
    assert "probably a typing slip" in html


def test_action_page_without_warnings_says_so(sample_plan, pmo_client):
    assert "raised no data-quality warnings about this action" in page(pmo_client, "OC.A1.3")


def test_unknown_action_is_not_found(sample_plan, pmo_client):
    assert pmo_client.get(reverse("plans:action_detail", args=["XX.A1.0"])).status_code == 404


def test_the_update_history_shows_a_viewer_only_what_the_pmo_accepted_and_nobody_a_draft(
    sample_plan, client, role_users
):
    """Written in planwatch, not imported: an imported row is shown as the workbook has it."""
    from datetime import date

    from planwatch.plans.models import ProgressUpdate, UpdateState

    action = Action.objects.get(plan=sample_plan, ref="OC.A1.2")
    submitted = ProgressUpdate.objects.create(
        action=action,
        month=date(2022, 11, 1),
        state=UpdateState.SUBMITTED,
        commentary="Listening groups finished, awaiting the PMO's review",
    )
    ProgressUpdate.objects.create(
        action=action,
        month=date(2022, 12, 1),
        state=UpdateState.DRAFT,
        commentary="An owner's draft, not yet anybody's word",
    )
    client.force_login(role_users["viewer"])
    before = page(client, "OC.A1.2")
    client.force_login(role_users["pmo"])
    pmo = page(client, "OC.A1.2")
    ProgressUpdate.objects.filter(pk=submitted.pk).update(state=UpdateState.ACCEPTED)
    client.force_login(role_users["viewer"])
    after = page(client, "OC.A1.2")

    words = "awaiting the PMO&#x27;s review"
    assert words not in before and words in pmo and words in after
    assert all("not yet anybody" not in html for html in (before, pmo, after))
