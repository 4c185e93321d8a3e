"""Each page costs the same number of queries however big the plan: nothing is fetched per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.plans.models import Action, ProgressUpdate

from .builders import plan_build

pytestmark = pytest.mark.django_db

PAGES = [
    ("plans:overview", ()),
    ("plans:theme", ("TA",)),
    ("plans:action_list", ()),
    ("plans:action_detail", ("TA.A1.0",)),
    ("plans:action_detail", ("TA.A1.1",)),
    ("imports:data_quality", ()),
]


@pytest.fixture
def small_and_large_plans(db):
    small = plan_build(name="Small")
    large = plan_build(
        name="Large",
        themes=3,
        workstreams=3,
        main_actions=4,
        sub_actions=4,
        months=3,
        warnings=3,
    )
    return small, large


def queries_to_render(client, url: str, plan_name: str, **params: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"plan": plan_name, **params})
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_large_plan_really_is_larger(small_and_large_plans):
    small, large = small_and_large_plans

    assert Action.objects.filter(plan=small).count() == 2
    assert Action.objects.filter(plan=large).count() == 180
    assert ProgressUpdate.objects.filter(action__plan=large).count() == 540
    assert large.data_warnings.count() == 108


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_query_count_does_not_grow_with_the_plan(
    small_and_large_plans, pmo_client, name, args
):
    url = reverse(name, args=args)
    pmo_client.get(url, {"plan": "Small"})  # the session and the like, loaded once

    small = queries_to_render(pmo_client, url, "Small")
    large = queries_to_render(pmo_client, url, "Large")

    assert small == large


def test_filtered_action_list_query_count_does_not_grow_with_the_plan(
    small_and_large_plans, pmo_client
):
    url = reverse("plans:action_list")
    params = {"status": "on_track", "owner": "finance", "q": "action", "theme": "TA"}
    pmo_client.get(url)

    small = queries_to_render(pmo_client, url, "Small", **params)
    large = queries_to_render(pmo_client, url, "Large", **params, overdue="on")
    large_with_risk = queries_to_render(pmo_client, url, "Large", **params, risk_level="high")

    assert small == large == large_with_risk
