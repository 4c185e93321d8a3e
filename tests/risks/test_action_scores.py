"""Main actions scored through the matrix: the imported level stands until PMO scores it,
then the matrix band is shown beside it (the imported level is never changed)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Action, RiskLevel
from planwatch.risks import services
from planwatch.risks.errors import RiskError
from planwatch.risks.models import ActionRiskScore, RiskBands
from planwatch.risks.selectors import action_risks, main_action_risk_list

pytestmark = pytest.mark.django_db


def score(user, action, levels=(2, 3, 1, 3), expected_version=None):
    financial, reputation, service_delivery, likelihood = levels
    return services.action_risk_score(
        user=user,
        action=action,
        financial=financial,
        reputation=reputation,
        service_delivery=service_delivery,
        likelihood=likelihood,
        note="Scored at the October review",
        expected_version=expected_version,
    )


def main_action(plan, ref="TA.A1.0") -> Action:
    return Action.objects.get(plan=plan, ref=ref)


def test_until_scored_the_imported_level_stands(plan):
    rows = main_action_risk_list(plan=plan)

    assert len(rows) == Action.objects.filter(plan=plan, is_main=True).count()
    first = rows[0]
    assert first.scored is None
    assert first.imported_label == RiskLevel(first.action.risk_level).label
    assert first.agrees is None


def test_a_score_shows_its_band_beside_the_unchanged_imported_level(pmo, plan):
    action = main_action(plan)
    imported = action.risk_level

    score(pmo, action, (2, 3, 1, 4))  # impact 3 x likelihood 4 = 12, High

    (row,) = action_risks(actions=[main_action(plan)])
    assert (row.scored.score, row.scored.band) == (12, "high")
    assert row.action.risk_level == imported
    assert row.agrees == (imported == "high")


def test_the_band_follows_the_stored_matrix(pmo, plan):
    action = main_action(plan)
    score(pmo, action, (3, 1, 1, 3))
    assert action_risks(actions=[action])[0].scored.band == "medium"

    RiskBands.objects.update(medium_to=8, high_from=9)

    assert action_risks(actions=[action])[0].scored.band == "high"


def test_re_scoring_is_optimistic_locked_and_audited(pmo, plan):
    action = main_action(plan)
    record = score(pmo, action)
    score(pmo, action, (4, 4, 4, 4), expected_version=record.version)

    with pytest.raises(EditConflict):
        score(pmo, action, (1, 1, 1, 1), expected_version=record.version)
    with pytest.raises(EditConflict):
        score(pmo, action, (1, 1, 1, 1), expected_version=None)
    assert ActionRiskScore.objects.get().likelihood == 4
    assert ActionRiskScore.objects.get().history.count() == 2


def test_sub_actions_carry_no_risk_to_score(pmo, plan):
    with pytest.raises(RiskError, match="sub-action"):
        score(pmo, Action.objects.get(plan=plan, ref="TA.A1.1"))


def test_only_pmo_scores(role_users, plan):
    with pytest.raises(PermissionDenied):
        score(role_users["approver"], main_action(plan))


def test_the_scoring_page_saves_a_score_and_the_list_shows_both(client, pmo, plan):
    client.force_login(pmo)
    url = reverse("risks:action_score", args=["TA.A1.0"]) + f"?plan={plan.name}"
    page = client.get(url).content.decode()
    assert "Not scored yet: the imported level stands" in page
    assert "The chance of the event occurring is between a 10% to 24% likelihood." in page

    response = client.post(
        url, {"financial": "4", "reputation": "1", "service_delivery": "1", "likelihood": "4"}
    )

    assert response.status_code == 302
    listing = client.get(reverse("risks:action_scores"), {"plan": plan.name}).content.decode()
    row = listing.split('data-ref="TA.A1.0"')[1].split("</tr>")[0]
    assert "High Risk" in row  # the imported level (plan_build rates the first main action High)
    assert "16" in row and "govuk-tag--red" in row
    other = listing.split('data-ref="TA.A2.0"')[1].split("</tr>")[0]
    assert "Imported" in other and "Not scored yet" in other


def test_the_scoring_page_refuses_missing_levels(client, pmo, plan):
    client.force_login(pmo)
    url = reverse("risks:action_score", args=["TA.A1.0"]) + f"?plan={plan.name}"

    response = client.post(url, {"financial": "4"})

    assert response.status_code == 400
    assert "Choose the likelihood" in response.content.decode()
    assert not ActionRiskScore.objects.exists()


def test_a_sub_action_has_no_scoring_page(client, pmo, plan):
    client.force_login(pmo)

    response = client.get(reverse("risks:action_score", args=["TA.A1.1"]), {"plan": plan.name})

    assert response.status_code == 404
