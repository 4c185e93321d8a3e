"""Evidence in the admin site can be read, never added, edited or deleted there."""

import pytest
from django.urls import reverse

from planwatch.evidence.services import evidence_add_file
from planwatch.plans.models import Action

from . import files

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_evidence_read_only(sample_plan, client, role_users):
    evidence = evidence_add_file(
        user=role_users["pmo"],
        action=Action.objects.get(ref="OC.A1.3"),
        upload=files.upload("strategy.pdf", files.pdf()),
        title="Strategy signed off",
        shows_success_measures=True,
    )
    client.force_login(role_users["admin"])

    listing = client.get(reverse("admin:evidence_evidence_changelist"))
    page = client.get(reverse("admin:evidence_evidence_change", args=[evidence.pk]))

    assert listing.status_code == 200
    assert page.status_code == 200
    assert reverse("evidence:download", args=[evidence.pk]) in page.content.decode()
    assert client.get(reverse("admin:evidence_evidence_add")).status_code == 403
    delete = client.post(reverse("admin:evidence_evidence_delete", args=[evidence.pk]))
    assert delete.status_code == 403
    assert evidence.__class__.objects.filter(pk=evidence.pk).exists()
