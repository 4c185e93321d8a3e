"""The data-quality page: every warning of the plan's latest import, by category."""

import pytest
from django.urls import reverse

from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.imports.selectors import data_quality_report, warning_list_for_ref

pytestmark = pytest.mark.django_db
URL = reverse("imports:data_quality")


def test_page_lists_every_warning_of_the_latest_import(sample_plan, pmo_client):
    run = ImportRun.objects.get()
    response = pmo_client.get(URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["report"].shown == run.warnings.count() == 32
    for warning in run.warnings.all():
        assert warning.message.replace("'", "&#x27;") in html


def test_page_shows_the_import_file_time_and_summary(sample_plan, pmo_client):
    html = pmo_client.get(URL).content.decode()

    assert "improvement-plan-tracker-2022-10.xlsx" in html
    assert "66 main actions and 229 sub-actions in 6 themes and 31 workstreams" in html
    assert "2022-09: 268; 2022-10: 295" in html
    assert "Skipped: Status key" in html


def test_page_groups_warnings_by_category_with_counts(sample_plan, pmo_client):
    html = pmo_client.get(URL).content.decode()

    for caption in ["Date (7)", "Markup (14)", "Ref (8)", "Risk (2)", "Sheet (1)"]:
        assert caption in html


def test_category_filter_shows_only_that_category(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"category": "date"})

    groups = response.context["report"].groups
    assert [group.category for group in groups] == ["date"]
    assert len(groups[0].warnings) == 7
    assert '<option value="date" selected>' in response.content.decode()


def test_unknown_category_shows_no_warnings_and_says_so(sample_plan, pmo_client):
    html = pmo_client.get(URL, {"category": "gremlins"}).content.decode()

    assert "There are no warnings in the category ‘gremlins’" in html


def test_warning_refs_link_to_their_action_when_it_exists(sample_plan, pmo_client):
    html = pmo_client.get(URL).content.decode()

    assert 'href="/actions/PR.D1.0/"' in html
    # A ref warning links to the row as the tracker wrote it.
    assert 'href="/actions/PC.E14/"' in html


def test_a_warning_about_a_ref_the_plan_does_not_hold_is_not_linked(sample_plan, pmo_client):
    run = ImportRun.objects.get()
    DataQualityWarning.objects.create(
        import_run=run, plan=sample_plan, ref="CO.Z9.0", category="structure", message="gone"
    )

    html = pmo_client.get(URL).content.decode()

    assert "CO.Z9.0" in html
    assert 'href="/actions/CO.Z9.0/"' not in html


def test_only_the_latest_import_run_is_reported(sample_plan, pmo_client):
    older = ImportRun.objects.get()
    newer = ImportRun.objects.create(plan=sample_plan, filename="november.xlsx", sha256="1" * 64)
    DataQualityWarning.objects.create(
        import_run=newer, plan=sample_plan, ref="OC.A1.3", category="date", message="new one"
    )

    response = pmo_client.get(URL)

    assert response.context["import_run"] == newer
    assert response.context["report"].total == 1
    assert [w.message for w in warning_list_for_ref(plan=sample_plan, ref="OC.A1.3")] == ["new one"]
    assert data_quality_report(import_run=older).total == 32


def test_plan_without_an_import_says_there_is_nothing_to_report(pmo_client):
    from planwatch.plans.models import Plan

    Plan.objects.create(name="Hand-made plan")

    html = pmo_client.get(URL).content.decode()

    assert "This plan has no import on record" in html
