"""Writing a month's update: save a draft or submit it, with its evidence and any change."""

from datetime import date

import pytest

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.domain.statuses import Status
from planwatch.evidence.models import Evidence
from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates import services
from planwatch.updates.services import CLOSED_NEEDS_EVIDENCE, ChangeProposal, UpdateError

from .helpers import NOVEMBER, OWNED, OWNED_MEDIUM, action, edit_url, form_data, submit

pytestmark = pytest.mark.django_db


def november(ref: str) -> ProgressUpdate:
    return ProgressUpdate.objects.get(action__ref=ref, month=NOVEMBER)


def test_saving_a_draft_keeps_the_work_unsigned_and_not_submitted(owner_client, cycle, today):
    response = owner_client.post(
        edit_url(cycle, OWNED), form_data(status="", commentary="Half written", submit=False)
    )

    assert response.status_code == 302
    update = november(OWNED)
    assert (update.state, update.status, update.commentary) == (
        "draft",
        "no_status",
        "Half written",
    )
    assert update.author_initials == "" and update.submitted_at is None
    assert action(cycle.plan, OWNED).latest_month == date(2022, 10, 1)


def test_submitting_signs_the_update_like_the_council_does(owner_client, owner, cycle, today):
    response = owner_client.post(edit_url(cycle, OWNED), form_data(status="medium_progress"))

    assert response.status_code == 302
    update = november(OWNED)
    assert update.state == UpdateState.SUBMITTED
    assert (update.author_initials, update.author_date_text) == ("OA", "10.11.22")
    assert update.status_text == "Medium progress"
    assert update.submitted_by == owner
    latest = action(cycle.plan, OWNED)
    assert (latest.latest_status, latest.latest_month) == (Status.MEDIUM_PROGRESS, NOVEMBER)


def test_a_draft_can_be_submitted_later(owner_client, cycle, today):
    owner_client.post(edit_url(cycle, OWNED), form_data(submit=False))
    draft = november(OWNED)

    owner_client.post(edit_url(cycle, OWNED), form_data(version=draft.version))

    assert november(OWNED).state == UpdateState.SUBMITTED


def test_commentary_is_required_to_submit(owner_client, cycle, today):
    response = owner_client.post(edit_url(cycle, OWNED), form_data(commentary="  "))

    assert response.status_code == 200
    assert response.context["form"].errors["commentary"] == [
        "Enter the evidence for the status rating, or tick “No change” if nothing has changed "
        "since last month"
    ]
    assert "There is a problem" in response.content.decode()
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()


def test_no_change_carries_last_months_commentary_with_no_change_noted(owner, cycle):
    update = submit(owner, cycle, OWNED, status=Status.ON_TRACK, commentary="", no_change=True)

    october = ProgressUpdate.objects.get(action__ref=OWNED, month=date(2022, 10, 1))
    assert update.commentary == f"No change since October 2022.\n{october.commentary}"
    assert update.no_change


def test_no_change_needs_the_same_status_as_last_month(owner_client, cycle, today):
    response = owner_client.post(
        edit_url(cycle, OWNED), form_data(status="complete", commentary="", no_change=True)
    )

    assert response.context["form"].errors["no_change"] == [
        "“No change” keeps October 2022's status (On track): choose On track or untick “No change”"
    ]


def test_closed_without_evidence_of_success_is_refused(owner_client, cycle, today):
    response = owner_client.post(edit_url(cycle, OWNED), form_data(status="closed"))

    assert response.context["form"].errors["status"] == [CLOSED_NEEDS_EVIDENCE]
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()


def test_closed_with_evidence_of_success_is_submitted(owner, role_users, cycle):
    Evidence.objects.create(
        action=action(cycle.plan, OWNED),
        title="LT minutes adopting the culture statement",
        url="https://example.org/minutes",
        shows_success_measures=True,
        added_by=role_users["pmo"],
    )

    update = submit(owner, cycle, OWNED, status=Status.CLOSED, commentary="Adopted by LT.")

    assert update.status == Status.CLOSED and update.state == UpdateState.SUBMITTED


def test_a_status_outside_the_vocabulary_is_refused(owner, cycle):
    with pytest.raises(UpdateError, match="Choose a status"):
        submit(owner, cycle, OWNED, status=Status.ASSURANCE_ACTION)


def test_submit_with_a_due_date_change_raises_a_pending_request_linked_to_it(
    owner_client, cycle, today
):
    response = owner_client.post(
        edit_url(cycle, OWNED_MEDIUM),
        form_data(
            status="medium_progress",
            change_kind="due_date",
            change_value="Jan 2023",
            change_reason="LT needs time to refine the first draft.",
        ),
    )

    assert response.status_code == 302
    update = november(OWNED_MEDIUM)
    request = ChangeRequest.objects.get(progress_update=update)
    assert (request.kind, request.decision) == (ChangeKind.DUE_DATE, Decision.PENDING)
    assert request.proposed["due_text"] == "Jan 2023"
    assert request.month == NOVEMBER
    assert update.change_control


def test_a_refused_change_request_leaves_nothing_submitted(owner, cycle):
    change = ChangeProposal(
        kind=ChangeKind.DUPLICATE, proposed={"duplicate_of": "ZZ.Z9.9"}, reason="Same thing"
    )

    with pytest.raises(UpdateError) as refused:
        submit(owner, cycle, OWNED, change=change)

    assert refused.value.field == "change_value"
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()
    assert not ChangeRequest.objects.filter(month=NOVEMBER).exists()


def test_a_change_request_needs_its_value_and_reason(owner_client, cycle, today):
    response = owner_client.post(
        edit_url(cycle, OWNED), form_data(change_kind="due_date", change_value="")
    )

    errors = response.context["form"].errors
    assert errors["change_value"] == ["Enter the new due date, for example Jan 2023"]
    assert errors["change_reason"] == ["Enter the reason for the change"]


def test_a_draft_cannot_carry_a_change_request(owner_client, cycle, today):
    response = owner_client.post(
        edit_url(cycle, OWNED),
        form_data(submit=False, change_kind="close", change_reason="Done"),
    )

    assert (
        "raised when the update is submitted" in response.context["form"].errors["change_kind"][0]
    )
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()


def test_a_submitted_update_can_no_longer_be_changed_by_its_owner(owner, cycle):
    update = submit(owner, cycle, OWNED)

    with pytest.raises(UpdateError, match="ask PMO to return it"):
        services.progress_update_save_draft(
            user=owner,
            cycle=cycle,
            action=update.action,
            status="on_track",
            commentary="Second thoughts",
            no_change=False,
            expected_version=update.version,
        )
