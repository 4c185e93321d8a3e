"""PMO completes an imported "Change Control required: Yes" into the change it asks for."""

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.changes import services
from planwatch.changes.errors import ChangeRequestError
from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.plans.concurrency import EditConflict

from .helpers import OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db


def imported_for(plan, ref: str) -> ChangeRequest:
    return ChangeRequest.objects.get(
        plan=plan, action__ref=ref, kind=ChangeKind.TO_BE_COMPLETED, decision=Decision.PENDING
    )


def complete(user, request, kind, proposed=None, reason="Change Control to January"):
    return services.change_request_complete(
        user=user, change_request=request, kind=kind, proposed=proposed or {}, reason=reason
    )


def test_completing_makes_the_imported_request_a_real_one_and_keeps_where_it_came_from(
    sample_plan, pmo, approver
):
    # OC.A1.3's October commentary: "DS suggest Change Control to January …".
    imported = imported_for(sample_plan, OWNED)
    source, update, month = imported.source, imported.progress_update, imported.month

    completed = complete(pmo, imported, ChangeKind.DUE_DATE, {"due_text": "January 2023"})
    approved = change_approve(approver, completed)

    assert completed.kind == ChangeKind.DUE_DATE
    assert completed.proposed == {"due_text": "January 2023"}
    assert (completed.source, completed.progress_update, completed.month) == (
        source,
        update,
        month,
    )
    assert completed.history.filter(history_change_reason__endswith="completed by PMO").exists()
    assert approved.applied["due_text"]["new"] == "January 2023"


def test_completion_is_validated_like_raising(sample_plan, pmo):
    imported = imported_for(sample_plan, OWNED)

    with pytest.raises(ChangeRequestError) as unreadable:
        complete(pmo, imported, ChangeKind.DUE_DATE, {"due_text": "dates"})
    with pytest.raises(ChangeRequestError) as still_unsaid:
        complete(pmo, imported, ChangeKind.TO_BE_COMPLETED)

    assert unreadable.value.field == "due_text"
    assert still_unsaid.value.field == "kind"
    assert ChangeRequest.objects.get(pk=imported.pk).kind == ChangeKind.TO_BE_COMPLETED


def test_completion_respects_fields_frozen_by_another_pending_request(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    other = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Feb 2023"})

    with pytest.raises(ChangeRequestError, match=f"Change request #{other.pk}"):
        complete(pmo, imported_for(sample_plan, OWNED), ChangeKind.DUE_DATE, {"due_text": "Jan 23"})


def test_a_new_sub_action_flagged_on_a_sub_actions_row_goes_under_its_main_action(sample_plan, pmo):
    imported = imported_for(sample_plan, OWNED)  # OC.A1.3, under OC.A1.0

    completed = complete(
        pmo, imported, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.A1.9", "title": "Share the draft"}
    )

    assert completed.action == action_get(sample_plan, "OC.A1.0")


def test_completed_as_a_new_main_action_the_request_names_no_action(sample_plan, pmo):
    imported = imported_for(sample_plan, OWNED)
    workstream = action_get(sample_plan, OWNED).workstream

    completed = complete(
        pmo,
        imported,
        ChangeKind.NEW_ACTION,
        {"ref": "OC.A9.0", "title": "Culture champions", "workstream": workstream.pk},
    )

    assert completed.action is None
    assert completed.progress_update.action.ref == OWNED


def test_only_pmo_completes(sample_plan, role_users):
    imported = imported_for(sample_plan, OWNED)

    for username in ("approver", "owner", "viewer"):
        with pytest.raises(PermissionDenied):
            complete(role_users[username], imported, ChangeKind.CLOSE)


def test_a_request_that_already_says_what_it_asks_is_not_completed(sample_plan, pmo):
    request = change_raise(pmo, action_get(sample_plan, OWNED), ChangeKind.CLOSE)

    with pytest.raises(ChangeRequestError, match="already says what it asks for"):
        complete(pmo, request, ChangeKind.BUSINESS_AS_USUAL)


def test_completing_from_a_stale_reading_is_a_conflict(sample_plan, pmo):
    imported = imported_for(sample_plan, OWNED)
    stale = ChangeRequest.objects.get(pk=imported.pk)
    complete(pmo, imported, ChangeKind.CLOSE)

    with pytest.raises(EditConflict):
        complete(pmo, stale, ChangeKind.BUSINESS_AS_USUAL)
