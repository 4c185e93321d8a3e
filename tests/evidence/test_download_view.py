"""Downloading evidence: only signed-in people with a role, always as an attachment."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from planwatch.evidence.services import evidence_add_file, evidence_add_link
from planwatch.plans.models import Action

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(sample_plan, role_users):
    return evidence_add_file(
        user=role_users["pmo"],
        action=Action.objects.get(ref="OC.A1.3"),
        upload=files.upload("Culture – signed off.pdf", files.pdf(), "text/html"),
        title="Signed off",
        shows_success_measures=True,
    )


def download(client, evidence):
    return client.get(reverse("evidence:download", args=[evidence.pk]))


@pytest.mark.parametrize("role", ["pmo", "approver", "owner", "viewer", "admin"])
def test_every_role_can_download_evidence_as_an_attachment(client, role_users, evidence, role):
    client.force_login(role_users[role])

    response = download(client, evidence)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''Culture%20%E2%80%93%20signed%20off.pdf"
        in (response["Content-Disposition"])
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_someone_with_no_role_cannot_download(client, evidence):
    client.force_login(get_user_model().objects.create_user("nobody", password="x"))

    assert download(client, evidence).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, evidence):
    response = download(client, evidence)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_file_is_not_served_from_the_media_url(client, role_users, evidence):
    client.force_login(role_users["pmo"])

    for url in ["/" + evidence.file.name, "/media/" + evidence.file.name]:
        assert client.get(url).status_code == 404


def test_a_link_has_nothing_to_download(client, role_users, sample_plan):
    link = evidence_add_link(
        user=role_users["pmo"],
        action=Action.objects.get(ref="OC.A1.3"),
        url="https://example.com/",
        title="A link",
        shows_success_measures=False,
    )
    client.force_login(role_users["pmo"])

    assert download(client, link).status_code == 404


def test_missing_evidence_and_a_missing_file_are_not_found(client, role_users, evidence):
    client.force_login(role_users["pmo"])
    evidence.file.storage.delete(evidence.file.name)

    assert download(client, evidence).status_code == 404
    assert client.get(reverse("evidence:download", args=[999999])).status_code == 404
