"""An action's History page: every record of it and of its updates, change requests and
evidence, newest first, with who, when, why and each field's old and new value."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.changes.models import ChangeKind, ChangeRequest
from planwatch.evidence.services import evidence_add_link
from planwatch.plans.concurrency import save_versioned
from planwatch.plans.models import Action

pytestmark = pytest.mark.django_db
OLD_TITLE = "Approval of document setting out the desired organisational culture"


def history_url(ref: str = "OC.A1.3") -> str:
    return reverse("audit:action_history", args=[ref])


def history(client, ref: str = "OC.A1.3") -> str:
    response = client.get(history_url(ref))
    assert response.status_code == 200
    return response.content.decode()


def test_shows_the_imported_creation_and_a_later_change_with_old_and_new(retitled, pmo_client):
    html = history(pmo_client)

    change = html[: html.index("Created</strong> action")]
    assert "Pat Morgan" in change
    assert "Changed</strong> action" in change
    assert "Reason: Rewording approved by Leadership Team" in change
    assert "<strong>Title</strong>" in change
    assert OLD_TITLE in change
    assert "Approve the culture document" in change
    created = html[html.index("Created</strong> action") :]
    assert "import" in created
    assert "Reason: Imported from improvement-plan-tracker-2022-10.xlsx" in created
    assert "Values when created" in created


def test_bookkeeping_fields_are_not_shown_as_changes(retitled, pmo_client):
    html = history(pmo_client)
    change = html[: html.index("Created</strong> action")]

    assert "<strong>Version</strong>" not in change
    assert "<strong>Title</strong>" in change


def test_includes_the_actions_updates_change_requests_and_evidence_but_no_other_action(
    sample_plan, role_users, pmo_client
):
    action = Action.objects.get(ref="OC.A1.3")
    evidence_add_link(
        user=role_users["pmo"],
        action=action,
        url="https://example.com/strategy",
        title="Strategy on the intranet",
        shows_success_measures=True,
    )
    request = ChangeRequest.objects.create(
        plan=sample_plan,
        action=action,
        kind=ChangeKind.DUE_DATE,
        month=date(2022, 10, 1),
        reason="Allow LT time to refine the first draft",
        proposed={"due_text": "Jan 2023"},
    )
    html = history(pmo_client)

    assert "OC.A1.3 Oct 2022" in html
    assert "OC.A1.3 Sep 2022" in html
    assert "OC.A1.3 evidence: Strategy on the intranet" in html
    assert f"OC.A1.3 change request {request.pk}" in html
    assert "Change the due date" in html  # choices read as their labels
    assert "OC.A1.2 Oct 2022" not in html


def test_a_change_to_a_progress_update_is_shown_field_by_field(sample_plan, role_users, pmo_client):
    update = Action.objects.get(ref="OC.A1.3").updates.get(month="2022-10-01")
    update.commentary = "Approved at Cabinet (PM 20.10.22)"
    save_versioned(update, expected_version=update.version, fields=["commentary"], user=None)

    html = history(pmo_client)
    change = html[: html.index("Created</strong>")]

    assert "Changed</strong> progress update<br>OC.A1.3 Oct 2022" in change
    assert "<strong>Commentary</strong>" in change
    assert "Approved at Cabinet (PM 20.10.22)" in change
    assert "system" in change  # no person recorded


def test_newest_first(retitled, pmo_client):
    html = history(pmo_client)

    assert html.index("Changed</strong> action") < html.index("Created</strong> action")


@pytest.mark.parametrize("role", ["pmo", "approver", "viewer", "admin"])
def test_auditors_approvers_and_pmo_can_see_the_history(retitled, client, role_users, role):
    client.force_login(role_users[role])

    assert client.get(history_url()).status_code == 200


def test_owners_and_people_without_a_role_cannot_see_the_history(owner_with_roles, client):
    client.force_login(owner_with_roles)
    assert client.get(history_url()).status_code == 403

    client.force_login(get_user_model().objects.create_user("nobody", password="x"))
    assert client.get(history_url()).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(sample_plan, client):
    response = client.get(history_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_action_is_not_found(sample_plan, pmo_client):
    assert pmo_client.get(history_url("XX.Z9.9")).status_code == 404


def test_the_action_page_links_to_the_history_for_those_who_may_see_it(
    owner_with_roles, client, role_users
):
    action_page = reverse("plans:action_detail", args=["OC.A1.3"])

    client.force_login(role_users["viewer"])
    assert history_url() in client.get(action_page).content.decode()

    client.force_login(owner_with_roles)
    assert history_url() not in client.get(action_page).content.decode()


def test_query_count_does_not_grow_with_the_history(sample_plan, role_users, pmo_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert pmo_client.get(history_url()).status_code == 200
        return len(context.captured_queries)

    def change_and_add_evidence(times: int) -> None:
        action = Action.objects.get(ref="OC.A1.3")
        for n in range(times):
            action.title = f"Title {n}"
            save_versioned(action, expected_version=action.version, fields=["title"])
            evidence_add_link(
                user=role_users["pmo"],
                action=action,
                url=f"https://example.com/{n}",
                title=f"Link {n}",
                shows_success_measures=False,
            )

    change_and_add_evidence(1)
    pmo_client.get(history_url())
    before = queries()
    change_and_add_evidence(5)

    assert queries() == before
