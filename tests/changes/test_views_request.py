"""A request's page: approvers decide there, PMO completes imported requests, raisers withdraw."""

import pytest
from django.urls import reverse

from planwatch.changes import services
from planwatch.changes.models import ChangeKind, ChangeRequest, Decision

from .helpers import OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_request(sample_plan, pmo):
    return change_raise(pmo, action_get(sample_plan, OWNED), "due_date", {"due_text": "Jan 2023"})


def detail(client, request) -> str:
    response = client.get(reverse("changes:detail", args=[request.pk]))
    assert response.status_code == 200
    return response.content.decode()


def decide(client, request, decision: str, note: str = "", version: int | None = None):
    return client.post(
        reverse("changes:decide", args=[request.pk]),
        {"decision": decision, "note": note, "version": version or request.version},
    )


def test_request_page_shows_what_is_asked_why_and_the_slippage_it_would_mean(
    client, role_users, due_request
):
    client.force_login(role_users["viewer"])

    html = detail(client, due_request)

    assert "Change the due date: OC.A1.3" in html
    assert "Jan 2023 (read as Jan 2023)" in html
    assert "Leadership Team asked for more time to consult" in html
    assert "2 months later than the baseline" in html
    assert "Pat Morgan" in html
    assert 'action="/changes/' not in html  # a viewer gets no forms


def test_approver_sees_the_decision_form_and_pmo_does_not(client, role_users, due_request):
    client.force_login(role_users["approver"])
    approver_html = detail(client, due_request)
    client.force_login(role_users["pmo"])
    pmo_html = detail(client, due_request)

    assert "Record the decision" in approver_html
    assert "Record the decision" not in pmo_html
    assert "Withdraw this request" in pmo_html


def test_approving_on_the_page_changes_the_plan(client, sample_plan, role_users, due_request):
    client.force_login(role_users["approver"])

    response = decide(client, due_request, "approved", "Agreed at LT")
    action = action_get(sample_plan, OWNED)

    assert response.status_code == 302
    assert response["Location"] == reverse("changes:detail", args=[due_request.pk])
    assert action.due_text == "Jan 2023"
    html = detail(client, due_request)
    assert "the plan has been changed" in html
    assert "from Autumn 2022 to Jan 2023" in html
    assert "Agreed at LT" in html


def test_rejecting_on_the_page_needs_a_note(client, role_users, due_request):
    client.force_login(role_users["approver"])

    response = decide(client, due_request, "rejected")

    assert response.status_code == 400
    assert "Say why the change is rejected" in response.content.decode()
    assert ChangeRequest.objects.get(pk=due_request.pk).decision == Decision.PENDING


@pytest.mark.parametrize("username", ["pmo", "owner", "viewer"])
def test_only_approvers_may_post_a_decision(client, role_users, due_request, username):
    client.force_login(role_users[username])

    response = decide(client, due_request, "approved")

    assert response.status_code == 403
    assert ChangeRequest.objects.get(pk=due_request.pk).decision == Decision.PENDING


def test_the_second_of_two_approvers_sees_a_clear_conflict(
    client, sample_plan, role_users, due_request
):
    client.force_login(role_users["approver"])
    read_version = due_request.version
    assert decide(client, due_request, "approved", version=read_version).status_code == 302

    response = decide(client, due_request, "rejected", "Not now", version=read_version)
    html = response.content.decode()

    assert response.status_code == 409
    assert "Someone else changed or decided change request" in html
    assert "it is now approved" in html
    assert "Your decision was not recorded" in html
    assert action_get(sample_plan, OWNED).rebaseline_count == 1


def test_the_raiser_withdraws_on_the_page(client, sample_plan, owner_with_roles):
    request = change_raise(owner_with_roles, action_get(sample_plan, OWNED), "close")
    client.force_login(owner_with_roles)
    assert "Withdraw this request" in detail(client, request)

    response = client.post(
        reverse("changes:withdraw", args=[request.pk]), {"version": request.version}
    )

    assert response.status_code == 302
    assert ChangeRequest.objects.get(pk=request.pk).decision == Decision.WITHDRAWN


def test_someone_else_cannot_withdraw_a_request(client, role_users, due_request):
    client.force_login(role_users["viewer"])

    response = client.post(
        reverse("changes:withdraw", args=[due_request.pk]), {"version": due_request.version}
    )

    assert response.status_code == 403
    assert ChangeRequest.objects.get(pk=due_request.pk).decision == Decision.PENDING


def test_pmo_completes_an_imported_request_on_its_page(client, sample_plan, pmo_client):
    imported = ChangeRequest.objects.get(
        plan=sample_plan, action__ref=OWNED, kind=ChangeKind.TO_BE_COMPLETED
    )
    assert "Complete this request" in detail(pmo_client, imported)
    url = reverse("changes:complete", args=[imported.pk])
    page = pmo_client.get(url).content.decode()

    response = pmo_client.post(
        url,
        {
            "kind": "due_date",
            "due_text": "January 2023",
            "reason": "DS suggest Change Control to January",
            "version": imported.version,
        },
    )
    imported.refresh_from_db()

    assert "DS suggest Change Control to January" in page  # the commentary, to read from
    assert response.status_code == 302
    assert (imported.kind, imported.proposed) == ("due_date", {"due_text": "January 2023"})


def test_completing_with_an_unreadable_date_shows_the_error_by_the_field(sample_plan, pmo_client):
    imported = ChangeRequest.objects.get(
        plan=sample_plan, action__ref=OWNED, kind=ChangeKind.TO_BE_COMPLETED
    )

    response = pmo_client.post(
        reverse("changes:complete", args=[imported.pk]),
        {"kind": "due_date", "due_text": "dates", "reason": "x", "version": imported.version},
    )
    html = response.content.decode()

    assert response.status_code == 400
    assert 'href="#id_due_text"' in html
    assert "planwatch cannot read &#x27;dates&#x27; as a due date" in html


@pytest.mark.parametrize("username", ["approver", "owner", "viewer"])
def test_only_pmo_opens_the_complete_page(client, sample_plan, role_users, username):
    imported = ChangeRequest.objects.filter(kind=ChangeKind.TO_BE_COMPLETED).first()
    client.force_login(role_users[username])

    assert client.get(reverse("changes:complete", args=[imported.pk])).status_code == 403


def test_an_unknown_request_is_not_found(pmo_client, sample_plan):
    assert pmo_client.get(reverse("changes:detail", args=[999999])).status_code == 404


def test_a_decided_request_shows_its_decision_and_no_forms(
    client, sample_plan, role_users, due_request
):
    change_approve(role_users["approver"], due_request, note="Fine")
    client.force_login(role_users["approver"])

    html = detail(client, due_request)

    assert "Approved on" in html and "Alex Price" in html
    assert "Record the decision" not in html
    assert "Withdraw this request" not in html


def test_completing_a_request_someone_else_just_completed_shows_the_conflict(
    sample_plan, pmo, pmo_client
):
    imported = ChangeRequest.objects.get(
        plan=sample_plan, action__ref=OWNED, kind=ChangeKind.TO_BE_COMPLETED
    )
    read_version = imported.version
    services.change_request_complete(
        user=pmo, change_request=imported, kind="close", proposed={}, reason="Done"
    )

    response = pmo_client.post(
        reverse("changes:complete", args=[imported.pk]),
        {"kind": "business_as_usual", "reason": "BAU", "version": read_version},
    )
    html = response.content.decode()

    assert response.status_code == 409
    assert "it is now ‘Close the action’, pending decision" in html
    assert "Your changes were not saved" in html
    assert ChangeRequest.objects.get(pk=imported.pk).kind == ChangeKind.CLOSE


def test_a_decision_records_the_meeting_and_minute_and_the_reports_show_it(
    client, sample_plan, role_users, due_request
):
    from planwatch.reports.period.build import period_report_build
    from planwatch.reports.period.output import period_report_json

    client.force_login(role_users["approver"])
    response = client.post(
        reverse("changes:decide", args=[due_request.pk]),
        {
            "decision": Decision.APPROVED,
            "note": "",
            "meeting": " Leadership Team 8 Nov 2022, minute 4.2 ",
            "version": due_request.version,
        },
    )
    due_request.refresh_from_db()

    assert response.status_code == 302
    assert due_request.decision_meeting == "Leadership Team 8 Nov 2022, minute 4.2"
    assert "at Leadership Team 8 Nov 2022, minute 4.2" in detail(client, due_request)
    decided = due_request.decided_at.date().replace(day=1)
    report = period_report_json(period_report_build(plan=sample_plan, end_month=decided, months=3))
    lines = [d for t in report["themes"] for d in t["decisions"]]
    assert [d["meeting"] for d in lines] == ["Leadership Team 8 Nov 2022, minute 4.2"]
