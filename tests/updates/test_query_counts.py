"""Each cycle page costs the same number of queries however big the plan."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.plans.models import Action, ProgressUpdate
from planwatch.plans.owners import action_owners_sync
from planwatch.updates.models import UpdateCycle
from tests.plans.builders import plan_build

from .helpers import DEADLINE, NOVEMBER

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycles(role_users, today):
    today.set(date(2022, 11, 20))  # past the deadline, so the late list is full
    built = {}
    for name, size in (("Small", 1), ("Large", 4)):
        plan = plan_build(
            name=name, themes=size, workstreams=size, main_actions=size, sub_actions=size, months=2
        )
        action_owners_sync(plan=plan)
        cycle = UpdateCycle.objects.create(
            plan=plan, month=NOVEMBER, deadline=DEADLINE, opened_by=role_users["pmo"]
        )
        for action in Action.objects.filter(plan=plan).order_by("sort_key")[:size]:
            ProgressUpdate.objects.create(
                action=action, month=NOVEMBER, status="on_track", commentary="Fine"
            )
        built[name] = cycle
    return built


def queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def urls(cycle) -> list[tuple[str, dict]]:
    update = ProgressUpdate.objects.filter(action__plan=cycle.plan, month=NOVEMBER).first()
    return [
        (reverse("updates:cycle_list"), {"plan": cycle.plan.name}),
        (reverse("updates:my_updates"), {"plan": cycle.plan.name}),
        (reverse("updates:cycle_review", args=[cycle.pk]), {}),
        (reverse("updates:cycle_late", args=[cycle.pk]), {}),
        (reverse("updates:cycle_close", args=[cycle.pk]), {}),
        (reverse("updates:update_review", args=[cycle.pk, update.pk]), {}),
        (reverse("updates:update_edit", args=[cycle.pk, update.action.ref]), {}),
    ]


def test_the_large_plan_really_is_larger(cycles):
    assert Action.objects.filter(plan=cycles["Small"].plan).count() == 2
    assert Action.objects.filter(plan=cycles["Large"].plan).count() == 320


def test_cycle_pages_query_count_does_not_grow_with_the_plan(pmo_client, cycles):
    pmo_client.get(reverse("updates:cycle_list"))  # the session and the like, loaded once
    for (small_url, small_params), (large_url, large_params) in zip(
        urls(cycles["Small"]), urls(cycles["Large"]), strict=True
    ):
        small = queries(pmo_client, small_url, **small_params)
        large = queries(pmo_client, large_url, **large_params)
        assert small == large, f"{small_url}: {small} queries on a small plan, {large} on a large"
