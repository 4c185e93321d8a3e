"""Asking for a change on the pages: owners for their own actions, PMO for any and new ones."""

from datetime import date

import pytest
from django.urls import reverse

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.updates.models import UpdateCycle

from .helpers import NOT_OWNED, OWNED, action_get, change_raise

pytestmark = pytest.mark.django_db


def raise_url(ref: str) -> str:
    return reverse("changes:raise", args=[ref])


def test_owner_opens_the_raise_page_for_their_own_action(client, owner_with_roles):
    client.force_login(owner_with_roles)

    response = client.get(raise_url(OWNED))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Ask to change OC.A1.3" in html
    assert "Now ‘Autumn 2022’" in html  # the current due date, beside the new one
    assert 'data-aria-controls="conditional-kind-due_date"' in html
    assert "Add a new sub-action" not in html  # OC.A1.3 is itself a sub-action
    # Its imported "to be completed" request freezes nothing, so it is no obstacle.
    assert "already has" not in html


def test_a_main_actions_raise_page_offers_a_new_sub_action(pmo_client, sample_plan):
    html = pmo_client.get(raise_url("OC.A1.0")).content.decode()

    assert "Add a new sub-action" in html
    assert "Under OC.A1.0: the next unused number, like OC.A1.N" in html


@pytest.mark.parametrize("username", ["approver", "viewer"])
def test_approvers_and_viewers_cannot_raise(client, sample_plan, role_users, username):
    client.force_login(role_users[username])

    assert client.get(raise_url(OWNED)).status_code == 403


def test_owner_cannot_raise_for_an_action_they_do_not_own(client, owner_with_roles):
    client.force_login(owner_with_roles)

    get = client.get(raise_url(NOT_OWNED))
    post = client.post(
        raise_url(NOT_OWNED),
        {"kind": "close", "reason": "Done", "month": "2022-10"},
    )

    assert (get.status_code, post.status_code) == (403, 403)
    assert not ChangeRequest.objects.filter(action__ref=NOT_OWNED, kind="close").exists()


def test_raising_on_the_page_creates_a_pending_request(client, sample_plan, owner_with_roles):
    client.force_login(owner_with_roles)

    response = client.post(
        raise_url(OWNED),
        {
            "kind": "due_date",
            "due_text": "December 2022",
            "start_text": "ignored: another kind's field",
            "reason": "Change control to amend delivery date to December 2022",
            "month": "2022-10",
        },
    )
    request = ChangeRequest.objects.get(action__ref=OWNED, kind=ChangeKind.DUE_DATE)

    assert response.status_code == 302
    assert response["Location"] == reverse("changes:detail", args=[request.pk])
    assert request.proposed == {"due_text": "December 2022"}
    assert request.month.isoformat() == "2022-10-01"
    assert request.raised_by == owner_with_roles
    assert request.decision == Decision.PENDING


def test_a_refused_request_shows_the_reason_beside_its_field(pmo_client, sample_plan):
    response = pmo_client.post(
        raise_url(OWNED),
        {"kind": "due_date", "due_text": "Autumn 2022", "reason": "x", "month": "2022-10"},
    )
    html = response.content.decode()

    assert response.status_code == 400
    assert "There is a problem" in html
    assert 'href="#id_due_text"' in html
    assert "already Autumn 2022" in html
    assert 'id="id_due_text-error"' in html


def test_form_errors_come_before_the_service_is_asked(pmo_client, sample_plan):
    response = pmo_client.post(raise_url(OWNED), {"month": "October"})
    html = response.content.decode()

    assert response.status_code == 400
    assert "Choose the kind of change" in html
    assert "Say why the change is needed" in html
    assert "Enter the reporting month as year and month" in html


def test_the_raise_page_warns_of_pending_requests(pmo_client, sample_plan, pmo):
    pending = change_raise(pmo, action_get(sample_plan, OWNED), "rewording", {"title": "New"})

    html = pmo_client.get(raise_url(OWNED)).content.decode()

    assert f"#{pending.pk} Reword the action" in html
    assert "cannot be raised until Leadership Team decides it" in html


def test_a_frozen_field_is_refused_on_the_page_naming_the_pending_request(
    pmo_client, sample_plan, pmo
):
    pending = change_raise(pmo, action_get(sample_plan, OWNED), "rewording", {"title": "New"})

    response = pmo_client.post(
        raise_url(OWNED),
        {"kind": "rewording", "new_title": "Newer", "reason": "x", "month": "2022-10"},
    )

    assert response.status_code == 400
    assert f"Change request #{pending.pk} (reword the action" in response.content.decode()


def test_pmo_asks_for_a_new_main_action(pmo_client, sample_plan):
    workstream = action_get(sample_plan, "OC.B1.0").workstream
    page = pmo_client.get(reverse("changes:new_action"))

    response = pmo_client.post(
        reverse("changes:new_action"),
        {
            "kind": "new_action",
            "main_ref": "OC.B9.0",
            "main_title": "Induction for new managers",
            "workstream": str(workstream.pk),
            "main_due_text": "Spring 2023",
            "reason": "New action agreed at LT",
            "month": "2022-10",
        },
    )
    request = ChangeRequest.objects.get(kind=ChangeKind.NEW_ACTION)

    assert page.status_code == 200
    assert "OC – Officer Learning and Development" in page.content.decode()
    assert response.status_code == 302
    assert request.proposed == {
        "ref": "OC.B9.0",
        "title": "Induction for new managers",
        "workstream": workstream.pk,
        "due_text": "Spring 2023",
    }


def test_owners_cannot_ask_for_a_new_main_action(client, owner_with_roles):
    client.force_login(owner_with_roles)

    assert client.get(reverse("changes:new_action")).status_code == 403


def test_the_month_defaults_to_the_open_cycle(pmo_client, sample_plan, pmo):
    UpdateCycle.objects.create(
        plan=sample_plan, month=date(2022, 11, 1), deadline=date(2022, 11, 20), opened_by=pmo
    )

    html = pmo_client.get(raise_url(OWNED)).content.decode()

    assert 'value="2022-11"' in html


def test_an_action_out_of_the_plan_cannot_be_changed(pmo_client, sample_plan):
    action = action_get(sample_plan, OWNED)
    action.lifecycle = "closed"
    action.save()

    response = pmo_client.get(raise_url(OWNED))

    assert response.status_code == 403
    assert "no longer in the plan" in response.content.decode()
