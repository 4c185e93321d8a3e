"""The register and heatmap pages cost the same queries for 2 risks or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.plans.builders import plan_build

from .helpers import NOVEMBER, OCTOBER, SEPTEMBER, review, risk_add

pytestmark = pytest.mark.django_db


def _register_of(pmo, plan, size: int) -> None:
    for n in range(1, size + 1):
        risk = risk_add(
            pmo,
            plan,
            f"R{n:02d}",
            theme_codes=["TA"],
            action_refs=["TA.A1.0"],
            residual_impact=1 + n % 4,
            residual_likelihood=1 + (n // 4) % 4,
        )
        for month in (SEPTEMBER, OCTOBER, NOVEMBER)[: 1 + n % 3]:
            review(pmo, risk, month, 1 + n % 4, 2)


@pytest.mark.parametrize(
    "name, query",
    [
        ("risks:register", {}),
        ("risks:register", {"theme": "TA", "status": "open", "impact": "2", "likelihood": "1"}),
        ("risks:register", {"month": "2022-10"}),
        ("risks:heatmap", {}),
        ("risks:heatmap", {"month": "2022-10"}),
        ("risks:action_scores", {}),
    ],
)
def test_page_query_count_does_not_grow_with_the_register(client, pmo, name, query):
    small, large = plan_build(name="Small"), plan_build(name="Large", main_actions=8)
    _register_of(pmo, small, 2)
    _register_of(pmo, large, 30)
    client.force_login(pmo)
    client.get(reverse(name), {"plan": "Small"})  # session and roles cached

    counts = []
    for plan in ("Small", "Large"):
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(name), {"plan": plan, **query}).status_code == 200
        counts.append(len(context.captured_queries))

    assert counts[0] == counts[1]
