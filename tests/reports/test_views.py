"""The reports pages: the index with its month picker, the summary on the page, its downloads,
and a GOV.UK error (never a traceback) for a bad month or format."""

import io
import json
from datetime import date

import pytest
from django.urls import reverse

from planwatch.updates.imported_review import imported_updates_accept

pytestmark = pytest.mark.django_db


def _get(client, name, **params):
    return client.get(reverse(name), {"plan": "Improvement Plan", **params})


def test_index_defaults_to_the_latest_month_with_updates(client, sample_plan, role_users):
    imported_updates_accept(user=role_users["pmo"], plan=sample_plan, through=date(2022, 10, 1))
    client.force_login(role_users["viewer"])
    body = _get(client, "reports:index").content.decode()
    assert "Theme Progress Summary, October 2022" in body
    assert "September 2022" in body
    assert "format=docx" in body and "format=pdf" in body and "format=json" in body
    assert "Write narratives for" not in body  # viewers do not edit
    assert 'id="period-reports"' in body


def test_a_viewer_sees_only_accepted_updates_while_the_pmo_sees_what_is_submitted(
    client, sample_plan, role_users
):
    from django.test import Client

    client.force_login(role_users["viewer"])
    pmo_client = Client()
    pmo_client.force_login(role_users["pmo"])
    query = {"month": "2022-10", "format": "json"}
    viewer = json.loads(_get(client, "reports:theme_summary", **query).content)
    pmo = json.loads(_get(pmo_client, "reports:theme_summary", **query).content)

    assert viewer["month_standing"]["updates_in"] == 0  # imported, not yet accepted
    assert pmo["month_standing"]["updates_in"] > 0
    imported_updates_accept(user=role_users["pmo"], plan=sample_plan, through=date(2022, 10, 1))
    viewer = json.loads(_get(client, "reports:theme_summary", **query).content)
    assert viewer["themes"] == pmo["themes"]


def test_index_offers_pmo_the_narrative_pages(pmo_client, sample_plan):
    body = _get(pmo_client, "reports:index", month="2022-09").content.decode()
    assert "Theme Progress Summary, September 2022" in body
    assert "Write narratives for Organisational Culture" in body


@pytest.mark.parametrize("month", ["2022-13", "October", "22-10", ""])
def test_a_bad_month_is_a_govuk_error(pmo_client, sample_plan, month):
    for name in ("reports:index", "reports:theme_summary"):
        response = _get(pmo_client, name, month=month)
        assert response.status_code == 400
        body = response.content.decode()
        assert "govuk-error-summary" in body and "govuk-error-message" in body
        assert "Traceback" not in body


def test_a_bad_format_is_a_govuk_error(pmo_client, sample_plan):
    response = _get(pmo_client, "reports:theme_summary", month="2022-10", format="xls")
    assert response.status_code == 400
    assert "Choose a download as Word" in response.content.decode()


def test_summary_page_renders_the_report_inside_planwatch(client, sample_plan, role_users):
    client.force_login(role_users["owner"])
    response = _get(client, "reports:theme_summary", month="2022-10")
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        '<h1 class="govuk-heading-xl">Improvement Plan Theme Progress Summary October 2022' in body
    )
    # The plan's default layout, the council's 2022 one (seed 000).
    assert "Achievements this period (September-October)" in body and "govuk-table" in body
    assert "Focus 2: exceptions" not in body
    assert "style=" not in body  # strict CSP


@pytest.mark.parametrize(
    ("layout", "shown"),
    [
        ("2022", "Milestones due (rolling 3 months) October – December"),
        ("2023", "Key Milestones"),
        ("analysis", "Focus 2: exceptions"),
    ],
)
def test_a_layout_can_be_chosen_for_the_page_and_its_downloads(
    pmo_client, sample_plan, layout, shown
):
    response = _get(pmo_client, "reports:theme_summary", month="2022-10", layout=layout)
    body = response.content.decode()
    assert response.status_code == 200 and shown in body
    assert f"layout={layout}" in body  # the download links keep it


def test_an_unknown_layout_is_a_govuk_error(pmo_client, sample_plan):
    response = _get(pmo_client, "reports:theme_summary", month="2022-10", layout="1999")
    assert response.status_code == 400
    assert "Choose a layout from the list" in response.content.decode()


def test_pmo_sets_the_plans_default_layout_and_it_is_kept_in_history(pmo_client, sample_plan):
    url = reverse("reports:layout_set") + "?plan=Improvement+Plan"
    response = pmo_client.post(url, {"layout": "analysis"}, follow=True)
    assert "now defaults to the Analysis" in response.content.decode()
    sample_plan.refresh_from_db()
    assert sample_plan.report_layout == "analysis"
    assert sample_plan.history.first().history_change_reason.startswith("Default Theme")
    body = _get(pmo_client, "reports:theme_summary", month="2022-10").content.decode()
    assert "Focus 2: exceptions" in body


def test_a_bad_default_layout_changes_nothing(pmo_client, sample_plan):
    url = reverse("reports:layout_set") + "?plan=Improvement+Plan"
    response = pmo_client.post(url, {"layout": "1999"}, follow=True)
    assert "Choose a layout from the list" in response.content.decode()
    sample_plan.refresh_from_db()
    assert sample_plan.report_layout == "2022"


def test_json_download(pmo_client, sample_plan):
    response = _get(pmo_client, "reports:theme_summary", month="2022-10", format="json")
    assert response["Content-Type"] == "application/json"
    assert 'filename="theme-progress-summary-2022-10.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["month"] == "2022-10" and len(data["themes"]) == 6


def test_word_and_pdf_downloads(pmo_client, sample_plan):
    from docx import Document as Word

    docx = _get(pmo_client, "reports:theme_summary", month="2022-10", format="docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="theme-progress-summary-2022-10.docx"' in docx["Content-Disposition"]
    assert Word(io.BytesIO(docx.content)).tables
    pdf = _get(pmo_client, "reports:theme_summary", month="2022-10", format="pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_month_without_updates_says_so(pmo_client, sample_plan):
    body = _get(pmo_client, "reports:theme_summary", month="2023-01").content.decode()
    assert "No updates are recorded for January 2023" in body
