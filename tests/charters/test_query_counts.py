"""The charter pages cost the same number of queries however big the plan and its charters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.charters.models import (
    CharterWorkstream,
    KeyDeliverable,
    KeyMilestone,
    SuccessMeasure,
    ThemeCharter,
)
from planwatch.plans.models import Action
from tests.plans.builders import plan_build

pytestmark = pytest.mark.django_db


def _charters(plan, *, per_list: int, links: int) -> None:
    for theme in plan.themes.all():
        charter = ThemeCharter.objects.create(theme=theme, objectives="One\nTwo")
        actions = list(Action.objects.filter(theme=theme).order_by("sort_key"))
        for n in range(per_list):
            CharterWorkstream.objects.create(
                charter=charter, name=f"W{n}", aim="Aim", workstream=theme.workstreams.first()
            )
            KeyDeliverable.objects.create(charter=charter, text=f"D{n}", order=n)
            SuccessMeasure.objects.create(charter=charter, text=f"M{n}", order=n)
            milestone = KeyMilestone.objects.create(charter=charter, text=f"K{n}", order=n)
            milestone.actions.set(actions[n : n + links])


@pytest.fixture
def plans(db):
    small = plan_build(name="Small", themes=1, workstreams=1, main_actions=1, sub_actions=1)
    _charters(small, per_list=1, links=1)
    large = plan_build(name="Large", themes=3, workstreams=3, main_actions=3, sub_actions=3)
    _charters(large, per_list=12, links=4)
    return small, large


def _queries(client, url: str, plan) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"plan": plan.name})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url", [reverse("charters:index"), reverse("charters:detail", args=["TA"])]
)
def test_page_queries_do_not_grow_with_the_plan(plans, pmo_client, url):
    small, large = plans

    assert _queries(pmo_client, url, small) == _queries(pmo_client, url, large)
