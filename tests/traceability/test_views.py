"""The traceability page: reviews, recommendations, the actions answering them, their status."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.plans.models import Action, Recommendation
from planwatch.traceability.demo import demo_load
from planwatch.traceability.selectors import traceability_report
from planwatch.traceability.services import recommendation_links_refresh, references_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plan(sample_plan):
    demo_load(plan=sample_plan)
    return sample_plan


def _state(report, review, label):
    for group in report.reviews:
        for rec in group.recommendations:
            if group.review == review and rec.label == label:
                return rec
    raise AssertionError(f"{review} {label} not shown")


def test_page_lists_each_review_with_its_recommendations_and_actions(pmo_client, demo_plan):
    response = pmo_client.get(reverse("traceability:index"))
    assert response.status_code == 200
    body = response.content.decode()
    for review in ("Grant Thornton", "CIPFA", "Corporate Peer Challenge", "Statutory Direction"):
        assert f">{review}</caption>" in body
    detail = reverse("plans:action_detail", args=["DM.B1.0"])
    assert f'href="{detail}' in body


def test_each_recommendation_lists_the_actions_citing_it_or_none(demo_plan):
    report = traceability_report(plan=demo_plan)
    # CIPFA 1.1 is named by the plan's CO.D2.0, which the tracker writes CO.D.2.0; "CIPFA Rec
    # all" on CO.B1.0 and CO.B2.0 reaches it too.
    cipfa = _state(report, "CIPFA", "Rec 1.1").actions
    assert [a.ref for a in cipfa] == ["CO.B1.0", "CO.B2.0", "CO.D.2.0"]
    rec = _state(report, "Grant Thornton", "Improvement Rec 34")
    assert [a.ref for a in rec.actions] == ["DM.C.3.0", "DM.C4.0"]
    key1 = Recommendation.objects.get(source="Grant Thornton", kind="Key", number="1")
    assert not key1.actions.exists()
    assert _state(report, "Grant Thornton", "Key Rec 1").state == "no_action"


def test_fully_delivered_needs_every_action_and_sub_action_complete_or_closed(demo_plan):
    # Statutory Direction SN5 is answered by CO.B3.0 alone.
    action = Action.objects.get(plan=demo_plan, ref="CO.B3.0")
    family = Action.objects.filter(pk=action.pk) | Action.objects.filter(parent=action)
    family.update(latest_status="complete")
    report = traceability_report(plan=demo_plan)
    assert _state(report, "Statutory Direction", "SN5").state == "delivered"
    sub = Action.objects.filter(parent=action).first()
    sub.latest_status = "on_track"
    sub.save()
    report = traceability_report(plan=demo_plan)
    assert _state(report, "Statutory Direction", "SN5").state == "in_progress"


def test_state_filter_shows_only_that_state(pmo_client, demo_plan):
    report = traceability_report(plan=demo_plan, state="no_action")
    assert report.reviews
    assert all(r.state == "no_action" for g in report.reviews for r in g.recommendations)
    response = pmo_client.get(reverse("traceability:index") + "?state=no_action")
    assert "No action addresses it</strong>" in response.content.decode()


def test_counts_add_up_to_every_recommendation(demo_plan):
    report = traceability_report(plan=demo_plan)
    assert sum(n for _s, _l, n in report.counts) == Recommendation.objects.count() == report.total


def test_page_costs_the_same_queries_whatever_the_number_of_references(pmo_client, sample_plan):
    with CaptureQueriesContext(connection) as few:
        pmo_client.get(reverse("traceability:index"))
    demo_load(plan=sample_plan)
    with CaptureQueriesContext(connection) as many:
        pmo_client.get(reverse("traceability:index"))
    assert len(many) == len(few)


def test_csv_and_json_downloads_carry_the_same_recommendations(pmo_client, demo_plan):
    data = json.loads(pmo_client.get(reverse("traceability:index") + "?format=json").content)
    total = sum(len(review["recommendations"]) for review in data["reviews"])
    assert total == Recommendation.objects.count()
    response = pmo_client.get(reverse("traceability:index") + "?format=csv")
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert {(row[0], row[1]) for row in rows[1:]} == {
        (review["review"], rec["label"])
        for review in data["reviews"]
        for rec in review["recommendations"]
    }


def test_recommendation_page_shows_actions_and_the_reference_texts(pmo_client, demo_plan):
    rec = Recommendation.objects.get(source="Grant Thornton", kind="Improvement", number="15")
    response = pmo_client.get(reverse("traceability:recommendation", args=[rec.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "OC.B1.0" in body and "Grant Thornton Improvement Rec 15,19, 21, 27" in body


def test_recommendation_of_another_plan_is_not_found(pmo_client, demo_plan):
    response = pmo_client.get(reverse("traceability:recommendation", args=[999999]))
    assert response.status_code == 404


def test_unreadable_reference_words_are_listed_on_the_page(pmo_client, sample_plan):
    references_set(
        plan=sample_plan,
        source="plan_document",
        texts={"OC.A1.0": ("Grant Thornton Key Rec 2 Effective Local Structures", "test")},
    )
    recommendation_links_refresh(plan=sample_plan)
    body = pmo_client.get(reverse("traceability:index")).content.decode()
    assert "Effective Local Structures" in body
    rec = Recommendation.objects.get(source="Grant Thornton", kind="Key", number="2")
    assert not rec.catalogued
    assert list(rec.actions.values_list("ref", flat=True)) == ["OC.A1.0"]


def test_a_main_action_rated_n_a_is_delivered_when_all_its_sub_actions_are(demo_plan):
    # Grant Thornton Improvement Rec 2 is answered by OC.D1.0 alone, rated N/A itself.
    action = Action.objects.get(plan=demo_plan, ref="OC.D1.0")
    assert action.latest_status == "not_applicable"
    Action.objects.filter(parent=action).update(latest_status="closed")
    report = traceability_report(plan=demo_plan)
    assert _state(report, "Grant Thornton", "Improvement Rec 2").state == "delivered"
    Action.objects.filter(pk=action.pk).update(latest_status="on_track")
    report = traceability_report(plan=demo_plan)
    assert _state(report, "Grant Thornton", "Improvement Rec 2").state == "in_progress"


def test_a_main_action_without_sub_actions_needs_its_own_complete_or_closed(demo_plan):
    # Grant Thornton Improvement Rec 29 is answered by OC.D4.0, which has no sub-actions.
    action = Action.objects.get(plan=demo_plan, ref="OC.D4.0")
    assert not action.sub_actions.exists()
    Action.objects.filter(pk=action.pk).update(latest_status="not_applicable")
    report = traceability_report(plan=demo_plan)
    assert _state(report, "Grant Thornton", "Improvement Rec 29").state == "in_progress"
