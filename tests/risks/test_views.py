"""The register's pages: forms show the matrix's definitions, refuse bad input with a GOV.UK
error summary and change nothing, and tell an officer when someone else saved first."""

import pytest
from django.urls import reverse

from planwatch.risks.models import Risk, RiskReview

from .helpers import OCTOBER, review, risk_add

pytestmark = pytest.mark.django_db

GOOD = {
    "reference": "R01",
    "title": "Capacity to deliver",
    "themes": ["TA"],
    "action_refs": "ta.a1.0, TB.A2.0",
    "inherent_financial": "2",
    "inherent_reputation": "3",
    "inherent_service_delivery": "1",
    "inherent_likelihood": "4",
    "residual_impact": "2",
    "residual_likelihood": "2",
    "review_date": "30/11/2022",
    "status": "open",
}


@pytest.fixture
def pmo_client(client, pmo, plan):
    client.force_login(pmo)
    return client


def create_url(plan) -> str:
    return reverse("risks:create") + f"?plan={plan.name}"


def test_the_form_shows_each_levels_definition_as_a_radio_hint(pmo_client, plan):
    html = pmo_client.get(create_url(plan)).content.decode()

    assert "&gt;20% of budget" in html  # financial 4
    assert "Local newspaper coverage – reputation affected temporarily" in html
    assert "The chance of the event occurring is less than 10%." in html
    assert 'class="govuk-radios__input"' in html
    assert html.count("Not scored yet") == 8


def test_adding_a_risk_through_the_form(pmo_client, plan):
    response = pmo_client.post(create_url(plan), GOOD)

    risk = Risk.objects.get()
    assert response.status_code == 302
    assert (
        response.url
        == reverse("risks:detail", args=[risk.pk]) + f"?plan={plan.name.replace(' ', '+')}"
    )
    assert [a.ref for a in risk.actions.order_by("sort_key")] == ["TA.A1.0", "TB.A2.0"]
    assert (risk.inherent_assessment.score, str(risk.review_date)) == (12, "2022-11-30")
    detail = pmo_client.get(response.url).content.decode()
    assert "Capacity to deliver" in detail
    assert "higher of financial 2, reputation 3, service delivery 1" in detail


@pytest.mark.parametrize(
    "change, message",
    [
        ({"title": ""}, "Enter the risk&#x27;s title"),
        ({"action_refs": "OC.A1"}, "is not an action reference"),
        ({"action_refs": "TA.Q7.0"}, "There is no action TA.Q7.0 in this plan"),
        ({"inherent_likelihood": ""}, "Score every part of the inherent risk"),
        ({"residual_likelihood": "9"}, "Select a valid choice"),
        ({"review_date": "31/02/2022"}, "Enter the review date as day/month/year"),
    ],
)
def test_bad_input_is_shown_in_the_error_summary_and_nothing_is_saved(
    pmo_client, plan, change, message
):
    response = pmo_client.post(create_url(plan), {**GOOD, **change})

    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html
    assert message in html
    assert not Risk.objects.exists()


def test_an_edit_saved_by_someone_else_first_is_a_conflict_not_an_overwrite(pmo_client, pmo, plan):
    risk = risk_add(pmo, plan, "R01")
    url = reverse("risks:edit", args=[risk.pk])
    page = pmo_client.get(url).content.decode()
    assert 'name="version" value="1"' in page
    pmo_client.post(url, {**GOOD, "title": "First", "version": "1"})

    response = pmo_client.post(url, {**GOOD, "title": "Second", "version": "1"})

    assert response.status_code == 409
    assert "Someone else saved risk R01" in response.content.decode()
    assert Risk.objects.get().title == "First"


def test_the_review_page_chooses_its_month_and_prefills_that_snapshot(pmo_client, pmo, plan):
    risk = risk_add(pmo, plan, residual_impact=4, residual_likelihood=4)
    review(pmo, risk, OCTOBER, 2, 3, "Down after LT")
    url = reverse("risks:review", args=[risk.pk])

    html = pmo_client.get(url, {"month": "2022-10"}).content.decode()
    assert 'value="2022-10"' in html
    assert "Down after LT" in html
    assert "October 2022 was already reviewed" in html

    response = pmo_client.post(
        url,
        {"month": "2022-11", "residual_impact": "2", "residual_likelihood": "2", "note": "Same"},
    )
    assert response.status_code == 302
    assert RiskReview.objects.filter(risk=risk).count() == 2


def test_a_review_form_with_a_bad_month_changes_nothing(pmo_client, pmo, plan):
    risk = risk_add(pmo, plan)

    response = pmo_client.post(
        reverse("risks:review", args=[risk.pk]),
        {"month": "October", "residual_impact": "2"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter the month as year and month" in html
    assert "Choose the residual likelihood" in html
    assert not RiskReview.objects.exists()


def test_a_viewer_reads_the_register_but_is_offered_no_writing(client, role_users, pmo, plan):
    risk_add(pmo, plan)
    client.force_login(role_users["viewer"])

    html = client.get(reverse("risks:register"), {"plan": plan.name}).content.decode()

    assert 'data-reference="R01"' in html
    assert "Add a risk" not in html
    assert client.post(create_url(plan), GOOD).status_code == 403
    assert Risk.objects.count() == 1
