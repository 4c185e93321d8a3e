"""The Add evidence page: who may open it, what a refusal looks like, where success goes."""

import pytest
from django.urls import reverse

from planwatch.evidence.models import Evidence
from planwatch.plans.models import Action

from . import files

pytestmark = pytest.mark.django_db
OWNED, NOT_OWNED = "OC.A1.3", "CO.B1.0"


def add_url(ref: str = OWNED) -> str:
    return reverse("evidence:add", args=[ref])


def post(client, ref: str = OWNED, **fields):
    data = {"title": "Culture strategy signed off", "url": "", **fields}
    return client.post(add_url(ref), data)


def test_pmo_sees_the_form_with_the_allowed_types_and_size_limit(sample_plan, pmo_client):
    response = pmo_client.get(add_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert "up to 10 MB" in html
    assert "October 2022" in html  # the action's updates, to say which month it supports


def test_adding_a_file_returns_to_the_actions_evidence(sample_plan, pmo_client):
    response = post(pmo_client, file=files.upload("strategy.pdf", files.pdf()))

    assert response.status_code == 302
    assert response["Location"] == reverse("plans:action_detail", args=[OWNED]) + "#evidence"
    evidence = Evidence.objects.get()
    assert evidence.action.ref == OWNED
    assert evidence.original_name == "strategy.pdf"


def test_the_return_keeps_the_plan_being_browsed(sample_plan, pmo_client):
    url = add_url() + "?plan=Improvement+Plan"
    response = pmo_client.post(url, {"title": "A link", "url": "https://example.com/a"})

    assert response["Location"] == (
        reverse("plans:action_detail", args=[OWNED]) + "?plan=Improvement+Plan#evidence"
    )


def test_adding_a_link_with_the_success_flag(sample_plan, pmo_client):
    post(
        pmo_client,
        url="https://intranet.example.gov.uk/strategy",
        shows_success_measures="on",
        progress_update=Action.objects.get(ref=OWNED).updates.get(month="2022-10-01").pk,
    )

    evidence = Evidence.objects.get()
    assert evidence.url == "https://intranet.example.gov.uk/strategy"
    assert evidence.shows_success_measures
    assert evidence.progress_update.month.isoformat() == "2022-10-01"


def test_a_renamed_program_is_refused_in_the_error_summary_and_nothing_is_written(
    sample_plan, pmo_client, media_root
):
    response = post(pmo_client, file=files.upload("notes.exe", files.exe()))

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "notes.exe is not a PDF, Office document, image or text file" in html
    assert 'href="#id_file"' in html
    assert not Evidence.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_an_oversized_file_is_refused_with_its_size(sample_plan, pmo_client, settings):
    settings.PLANWATCH_EVIDENCE_MAX_BYTES = 1024

    response = post(pmo_client, file=files.upload("evidence.pdf", files.pdf().ljust(2048)))

    assert "evidence.pdf is 2 KB; the limit is 1 KB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_file_and_a_link_together_are_refused(sample_plan, pmo_client):
    response = post(pmo_client, file=files.upload("a.pdf", files.pdf()), url="https://example.com/")

    assert "Upload a file or give a link, not both" in response.content.decode()
    assert not Evidence.objects.exists()


def test_neither_a_file_nor_a_link_is_refused(sample_plan, pmo_client):
    response = post(pmo_client)

    assert "Upload a file or give a link" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_javascript_link_is_refused(sample_plan, pmo_client):
    response = post(pmo_client, url="javascript:alert(1)")

    assert "starts with https://" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_owner_can_add_evidence_to_their_own_action(owner_with_roles, client):
    client.force_login(owner_with_roles)

    assert client.get(add_url(OWNED)).status_code == 200
    assert post(client, OWNED, url="https://example.com/a").status_code == 302
    assert Evidence.objects.get().added_by == owner_with_roles


def test_an_owner_cannot_add_evidence_to_someone_elses_action(owner_with_roles, client):
    client.force_login(owner_with_roles)

    assert client.get(add_url(NOT_OWNED)).status_code == 403
    assert post(client, NOT_OWNED, url="https://example.com/a").status_code == 403
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "approver"])
def test_viewers_and_approvers_cannot_add_evidence(sample_plan, client, role_users, role):
    client.force_login(role_users[role])

    assert client.get(add_url()).status_code == 403
    assert post(client, file=files.upload("a.pdf", files.pdf())).status_code == 403
    assert not Evidence.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(sample_plan, client):
    response = client.get(add_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_action_is_not_found(sample_plan, pmo_client):
    assert pmo_client.get(add_url("XX.Z9.9")).status_code == 404
