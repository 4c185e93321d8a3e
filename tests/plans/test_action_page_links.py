"""An action's page names the review recommendations it answers and its matrix score."""

import pytest
from django.urls import reverse

from planwatch.plans.models import Action, Recommendation
from planwatch.traceability.demo import demo_load

pytestmark = pytest.mark.django_db


def test_a_main_action_lists_the_recommendations_its_reference_cites(
    client, sample_plan, role_users
):
    demo_load(plan=sample_plan)
    action = Action.objects.filter(
        plan=sample_plan, is_main=True, recommendations__isnull=False
    ).first()
    client.force_login(role_users["viewer"])

    page = client.get(reverse("plans:action_detail", args=[action.ref])).content.decode()

    for recommendation in Recommendation.objects.filter(actions=action):
        assert str(recommendation) in page
        assert reverse("traceability:recommendation", args=[recommendation.pk]) in page


def test_an_action_citing_nothing_says_so(client, sample_plan, role_users):
    client.force_login(role_users["viewer"])

    page = client.get(reverse("plans:action_detail", args=["OC.A1.3"])).content.decode()

    assert "cites no external review recommendation" in page


@pytest.mark.parametrize(
    ("role", "link"), [("pmo", "Score through the matrix"), ("viewer", "How risks are scored")]
)
def test_an_unscored_main_action_keeps_its_imported_level(
    client, sample_plan, role_users, role, link
):
    client.force_login(role_users[role])

    page = client.get(reverse("plans:action_detail", args=["OC.A1.0"])).content.decode()

    assert "Not scored yet: the imported level stands." in page
    assert link in page
