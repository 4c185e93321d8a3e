"""Every page asks the permission helper, and so does every service behind it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates import services

from .helpers import NOT_OWNED, NOVEMBER, OWNED, action, edit_url, form_data, submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["viewer", "approver"])
def test_viewers_and_approvers_cannot_write_updates(client, role_users, cycle, username, today):
    client.force_login(role_users[username])

    assert client.get(edit_url(cycle, OWNED)).status_code == 403
    assert client.post(edit_url(cycle, OWNED), form_data()).status_code == 403
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()
    with pytest.raises(PermissionDenied):
        submit(role_users[username], cycle, OWNED)


def test_an_owner_cannot_write_the_update_of_an_action_they_do_not_own(owner_client, owner, cycle):
    assert owner_client.post(edit_url(cycle, NOT_OWNED), form_data()).status_code == 403
    with pytest.raises(PermissionDenied):
        submit(owner, cycle, NOT_OWNED)
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()


def test_pmo_can_write_any_actions_update_on_the_owners_behalf(
    pmo_client, role_users, cycle, today
):
    response = pmo_client.post(edit_url(cycle, NOT_OWNED), form_data())

    assert response.status_code == 302
    update = ProgressUpdate.objects.get(action__ref=NOT_OWNED, month=NOVEMBER)
    assert (update.state, update.submitted_by) == (UpdateState.SUBMITTED, role_users["pmo"])
    assert update.author_initials == "PM"


@pytest.mark.parametrize("username", ["owner", "approver", "viewer"])
@pytest.mark.parametrize("name", ["cycle_list", "cycle_open"])
def test_only_pmo_sees_the_cycle_pages(client, role_users, cycle, username, name):
    client.force_login(role_users[username])

    assert client.get(reverse(f"updates:{name}")).status_code == 403


@pytest.mark.parametrize("username", ["owner", "approver", "viewer"])
@pytest.mark.parametrize("name", ["cycle_review", "cycle_late", "cycle_close"])
def test_only_pmo_reviews_chases_and_closes(client, role_users, cycle, username, name):
    client.force_login(role_users[username])

    assert client.get(reverse(f"updates:{name}", args=[cycle.pk])).status_code == 403
    assert client.post(reverse(f"updates:{name}", args=[cycle.pk])).status_code == 403
    assert cycle.is_open


def test_an_owner_cannot_review_even_their_own_update(owner_client, owner, cycle):
    update = submit(owner, cycle, OWNED)
    url = reverse("updates:update_review", args=[cycle.pk, update.pk])

    assert owner_client.post(url, {"decision": "accept", "version": 1}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.progress_update_accept(user=owner, update=update, expected_version=1)
    with pytest.raises(PermissionDenied):
        services.progress_update_return(user=owner, update=update, note="", expected_version=1)


def test_signed_out_people_are_sent_to_sign_in(client, cycle):
    for url in (reverse("updates:cycle_list"), edit_url(cycle, OWNED)):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url


def test_an_action_of_another_plan_is_not_found(pmo_client, cycle):
    assert pmo_client.get(edit_url(cycle, "ZZ.Z1.1")).status_code == 404
    assert action(cycle.plan, OWNED).plan == cycle.plan
