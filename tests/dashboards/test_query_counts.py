"""The dashboard costs the same number of queries however big the plan."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.dashboards import selectors
from planwatch.plans.models import Action
from tests.plans.builders import plan_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_and_large_plans(db):
    small = plan_build(name="Small")
    large = plan_build(
        name="Large", themes=3, workstreams=3, main_actions=4, sub_actions=4, months=3
    )
    return small, large


def queries_to_render(client, plan_name: str, **params: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("dashboards:index"), {"plan": plan_name, **params})
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_large_plan_really_is_larger(small_and_large_plans):
    small, large = small_and_large_plans

    assert Action.objects.filter(plan=small, is_main=False).count() == 1
    assert Action.objects.filter(plan=large, is_main=False).count() == 144
    assert len(selectors.plan_months(plan=large)) == 3
    assert large.themes.count() == 3


def test_dashboard_query_count_does_not_grow_with_the_plan(small_and_large_plans, pmo_client):
    pmo_client.get(reverse("dashboards:index"), {"plan": "Small"})

    small = queries_to_render(pmo_client, "Small")
    large = queries_to_render(pmo_client, "Large")
    large_one_theme = queries_to_render(pmo_client, "Large", theme="TB")
    small_one_theme = queries_to_render(pmo_client, "Small", theme="TA")

    assert small == large
    assert small_one_theme == large_one_theme


@pytest.mark.parametrize(
    "build",
    [
        lambda plan, months: selectors.status_distribution_chart(plan=plan, months=months),
        lambda plan, months: selectors.status_distribution_by_theme(plan=plan, months=months),
        lambda plan, months: selectors.overdue_chart(plan=plan, months=months),
        lambda plan, months: selectors.burnup_chart(plan=plan, months=months),
        lambda plan, months: selectors.slippage_rows(plan=plan, today=date(2022, 12, 15)),
    ],
)
def test_each_selector_costs_a_fixed_number_of_queries(small_and_large_plans, build):
    counts = []
    for plan in small_and_large_plans:
        months = selectors.plan_months(plan=plan)
        with CaptureQueriesContext(connection) as context:
            build(plan, months)
        counts.append(len(context.captured_queries))

    assert counts[0] == counts[1] <= 2
