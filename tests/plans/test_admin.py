"""The admin site lists and opens every plan and import record."""

import pytest
from django.urls import reverse

from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.plans.models import Action, Plan, ProgressUpdate, Recommendation, Theme, Workstream

pytestmark = pytest.mark.django_db
MODELS = [Plan, Theme, Workstream, Action, Recommendation, ProgressUpdate, ImportRun]
MODELS += [DataQualityWarning]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_admin_lists_and_opens_each_model(sample_plan, client, role_users, model):
    Recommendation.objects.create(plan=sample_plan, source="CIPFA", number="1")
    client.force_login(role_users["admin"])
    meta = model._meta

    listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    change = client.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[model.objects.first().pk])
    )

    assert listing.status_code == 200
    assert change.status_code == 200


def test_admin_action_list_searches_by_ref(sample_plan, client, role_users):
    client.force_login(role_users["admin"])

    response = client.get(reverse("admin:plans_action_changelist"), {"q": "OC.A1.3"})

    assert response.context["cl"].result_count == 1
