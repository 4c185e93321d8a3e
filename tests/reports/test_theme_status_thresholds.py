"""The Theme Status Key's counts, stored per plan: PMO sets them on a page, every summary rates
its themes by them, and a combination the rules refuse is refused with a reason."""

from dataclasses import asdict, fields

import pytest
from django.urls import reverse

from planwatch.domain.theme_status import DEFAULT_THRESHOLDS, ThemeThresholds
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeStatusThresholds
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.thresholds import thresholds_for, thresholds_save

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db
URL = reverse("reports:thresholds") + "?plan=Improvement+Plan"
LENIENT = {
    "priority_issues_for_amber": 50,
    "priority_issues_for_red": 60,
    "priority_significant_for_red": 50,
    "low_risk_issues_tolerated": 50,
    "low_risk_significant_for_red": 50,
}


def _rags(plan) -> dict[str, str]:
    report = theme_summary_build(plan=plan, month=OCTOBER)
    return {part.code: part.figures.status.rag for part in report.themes}


def test_the_stored_defaults_are_the_rules_defaults():
    stored = {f.name: f.default for f in ThemeStatusThresholds._meta.fields}
    assert {f.name: stored[f.name] for f in fields(ThemeThresholds)} == asdict(DEFAULT_THRESHOLDS)


def test_a_plan_without_stored_thresholds_uses_the_defaults(sample_plan):
    assert thresholds_for(plan=sample_plan) == DEFAULT_THRESHOLDS


def test_every_summary_rates_its_themes_by_the_plans_thresholds(sample_plan, pmo):
    before = _rags(sample_plan)
    assert "red" in before.values()
    assert thresholds_save(user=pmo, plan=sample_plan, **LENIENT) is True
    after = _rags(sample_plan)
    assert set(after.values()) == {"green"}
    data = theme_summary_json(theme_summary_build(plan=sample_plan, month=OCTOBER))
    assert data["theme_status_thresholds"] == LENIENT


def test_saving_the_same_thresholds_again_changes_nothing(sample_plan, pmo):
    thresholds_save(user=pmo, plan=sample_plan, **LENIENT)
    assert thresholds_save(user=pmo, plan=sample_plan, **LENIENT) is False
    assert ThemeStatusThresholds.history.count() == 1


def test_a_combination_the_rules_refuse_is_not_stored(sample_plan, pmo):
    values = {**LENIENT, "priority_issues_for_red": 3, "priority_issues_for_amber": 4}
    with pytest.raises(ReportError, match="must not be below"):
        thresholds_save(user=pmo, plan=sample_plan, **values)
    assert not ThemeStatusThresholds.objects.exists()


def test_only_pmo_may_set_them(sample_plan, role_users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        thresholds_save(user=role_users["approver"], plan=sample_plan, **LENIENT)


def test_pmo_saves_them_on_the_page_and_the_history_says_who(pmo_client, sample_plan, pmo):
    page = pmo_client.get(URL)
    assert page.status_code == 200
    assert 'value="2"' in page.content.decode()  # the current count is shown
    response = pmo_client.post(URL, LENIENT, follow=True)
    assert "Saved: every Theme Progress Summary" in response.content.decode()
    assert thresholds_for(plan=sample_plan) == ThemeThresholds(**LENIENT)
    assert ThemeStatusThresholds.history.first().history_user == pmo


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"priority_issues_for_amber": "many"}, "must be a whole number"),
        ({"priority_issues_for_amber": "0"}, "must be 1 or more"),
        ({"priority_issues_for_amber": "9", "priority_issues_for_red": "3"}, "must not be below"),
    ],
)
def test_bad_counts_are_a_govuk_error_and_store_nothing(pmo_client, sample_plan, change, message):
    response = pmo_client.post(URL, {**LENIENT, **change})
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body and message in body
    assert not ThemeStatusThresholds.objects.exists()
