"""Deciding a request: approval changes the plan in the same transaction and keeps the chain."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from planwatch.accounts.models import ActionOwner
from planwatch.changes import services
from planwatch.changes.errors import ChangeRequestError
from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.domain.slippage import slippage_months
from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Action, Lifecycle, RiskLevel

from .helpers import NOT_OWNED, OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db


# --- Approval applies each kind ------------------------------------------------------------


def test_approved_due_date_moves_the_current_date_and_keeps_the_baseline(
    sample_plan, pmo, approver
):
    action = action_get(sample_plan, OWNED)  # due and baseline "Autumn 2022"
    request = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "January 2023"})

    approved = change_approve(approver, request, note="Agreed at LT")
    action.refresh_from_db()

    assert approved.decision == Decision.APPROVED
    assert (approved.decided_by, approved.decision_note) == (approver, "Agreed at LT")
    assert approved.decided_at is not None
    assert action.due_text == "January 2023"
    assert action.due.latest.isoformat() == "2023-01-31"
    assert action.baseline_due_text == "Autumn 2022"
    assert action.rebaseline_count == 1
    assert slippage_months(action.baseline_due_latest, action.due_latest) == 2
    assert approved.applied == {
        "due_text": {"old": "Autumn 2022", "new": "January 2023"},
        "rebaseline_count": {"old": 0, "new": 1},
        "slippage_months": {"old": 0, "new": 2},
    }


def test_each_approved_due_date_change_counts_as_a_rebaseline(sample_plan, pmo, approver):
    action = action_get(sample_plan, OWNED)
    change_approve(approver, change_raise(pmo, action, "due_date", {"due_text": "Jan 2023"}))
    change_approve(approver, change_raise(pmo, action, "due_date", {"due_text": "Mar 2023"}))
    action.refresh_from_db()

    assert action.rebaseline_count == 2
    assert action.baseline_due_text == "Autumn 2022"
    assert slippage_months(action.baseline_due_latest, action.due_latest) == 4


def test_an_action_with_no_due_date_takes_the_first_approved_one_as_its_baseline(
    sample_plan, pmo, approver
):
    action = action_get(sample_plan, "OC.B1.0")  # due blank in the workbook

    approved = change_approve(
        approver, change_raise(pmo, action, "due_date", {"due_text": "March 2023"})
    )
    action.refresh_from_db()

    assert (action.baseline_due_text, action.due_text) == ("March 2023", "March 2023")
    assert action.rebaseline_count == 0
    assert approved.applied["baseline_due_text"] == {"old": "", "new": "March 2023"}


def test_approval_writes_the_action_through_its_version_with_the_reason(sample_plan, pmo, approver):
    action = action_get(sample_plan, OWNED)
    request = change_raise(pmo, action, ChangeKind.START_DATE, {"start_text": "Dec 2022"})

    change_approve(approver, request)
    action.refresh_from_db()
    latest = action.history.first()

    assert action.start_text == "Dec 2022"
    assert action.version == 2
    assert latest.history_change_reason == f"Change request #{request.pk} approved"
    assert latest.history_user == approver


def test_approved_rewording_changes_the_title(sample_plan, pmo, approver):
    action = action_get(sample_plan, OWNED)
    old = action.title

    approved = change_approve(
        approver, change_raise(pmo, action, "rewording", {"title": "Agree the culture"})
    )
    action.refresh_from_db()

    assert action.title == "Agree the culture"
    assert approved.applied == {"title": {"old": old, "new": "Agree the culture"}}


def test_approved_new_sub_action_is_created_under_its_main_action(sample_plan, pmo, approver):
    main = action_get(sample_plan, "OC.B1.0")
    request = change_raise(
        pmo,
        main,
        ChangeKind.NEW_SUB_ACTION,
        {"ref": "OC.B1.8", "title": "Train managers", "due_text": "Spring 2023"},
    )

    approved = change_approve(approver, request)
    new = action_get(sample_plan, "OC.B1.8")

    assert (new.parent, new.workstream, new.theme) == (main, main.workstream, main.theme)
    assert not new.is_main
    assert new.title == "Train managers"
    assert (new.due_text, new.baseline_due_text) == ("Spring 2023", "Spring 2023")
    assert new.risk_level == RiskLevel.NOT_APPLICABLE
    assert new.director_lead == main.director_lead
    assert new.sort_key > action_get(sample_plan, "OC.B1.7").sort_key
    assert approved.applied["ref"] == {"old": None, "new": "OC.B1.8"}
    assert new.history.first().history_change_reason == f"Change request #{request.pk} approved"


def test_approved_new_main_action_is_created_in_its_workstream(sample_plan, pmo, approver):
    workstream = action_get(sample_plan, "OC.B1.0").workstream
    request = change_raise(
        pmo,
        None,
        ChangeKind.NEW_ACTION,
        {
            "ref": "OC.B9.0",
            "title": "Induction for new managers",
            "workstream": workstream.pk,
            "director_lead": "Head of HR",
        },
    )

    change_approve(approver, request)
    new = action_get(sample_plan, "OC.B9.0")

    assert new.is_main and new.parent is None
    assert new.workstream == workstream
    assert new.risk_level == RiskLevel.UNRATED
    assert new.director_lead == "Head of HR"
    # The owner cells are linked to owner roles, so the role's holders may report on it.
    assert ActionOwner.objects.filter(action=new, owner_role__key="head of hr").exists()


@pytest.mark.parametrize(
    ("kind", "lifecycle"),
    [
        (ChangeKind.CLOSE, Lifecycle.CLOSED),
        (ChangeKind.BUSINESS_AS_USUAL, Lifecycle.BUSINESS_AS_USUAL),
    ],
)
def test_approved_close_or_business_as_usual_takes_the_action_out_of_the_plan(
    sample_plan, pmo, approver, kind, lifecycle
):
    action = action_get(sample_plan, OWNED)

    approved = change_approve(approver, change_raise(pmo, action, kind))
    action.refresh_from_db()

    assert action.lifecycle == lifecycle
    assert approved.applied == {"lifecycle": {"old": "live", "new": lifecycle.value}}
    assert Action.objects.filter(pk=action.pk).exists()


def test_approved_duplicate_links_to_the_other_action(sample_plan, pmo, approver):
    action = action_get(sample_plan, OWNED)
    other = action_get(sample_plan, "OC.A1.2")

    approved = change_approve(
        approver, change_raise(pmo, action, "duplicate", {"duplicate_of": "OC.A1.2"})
    )
    action.refresh_from_db()

    assert (action.lifecycle, action.duplicate_of) == (Lifecycle.DUPLICATE, other)
    assert approved.applied["duplicate_of"] == {"old": None, "new": "OC.A1.2"}


def test_approved_owner_change_relinks_the_owner_roles(sample_plan, pmo, approver):
    action = action_get(sample_plan, NOT_OWNED)
    assert not ActionOwner.objects.filter(action=action, owner_role__key="head of hr").exists()

    approved = change_approve(
        approver, change_raise(pmo, action, "owner_change", {"update_owner": "Head of HR"})
    )
    action.refresh_from_db()

    assert action.update_owner == "Head of HR"
    assert approved.applied == {"update_owner": {"old": "", "new": "Head of HR"}}
    assert ActionOwner.objects.filter(action=action, owner_role__key="head of hr").exists()


def test_approval_rechecks_the_plan_and_refuses_what_can_no_longer_apply(
    sample_plan, pmo, approver
):
    main = action_get(sample_plan, "OC.B1.0")
    request = change_raise(pmo, main, "new_sub_action", {"ref": "OC.B1.8", "title": "A"})
    # Meanwhile a workbook brought OC.B1.8 in some other way.
    taken = action_get(sample_plan, "OC.B1.7")
    taken.pk, taken.ref, taken.sort_key = None, "OC.B1.8", "OC.B.00001.00008"
    taken.save()

    with pytest.raises(ChangeRequestError, match=r"can no longer be applied.*already an action"):
        change_approve(approver, request)
    request.refresh_from_db()

    assert request.decision == Decision.PENDING


def test_a_request_still_to_be_completed_cannot_be_approved(sample_plan, approver):
    imported = ChangeRequest.objects.filter(
        plan=sample_plan, kind=ChangeKind.TO_BE_COMPLETED
    ).first()

    with pytest.raises(ChangeRequestError, match="ask PMO to complete it"):
        change_approve(approver, imported)


# --- Reject and withdraw -------------------------------------------------------------------


def test_rejecting_needs_a_note_and_leaves_the_plan_alone(sample_plan, pmo, approver):
    action = action_get(sample_plan, OWNED)
    request = change_raise(pmo, action, "due_date", {"due_text": "Jan 2023"})

    with pytest.raises(ChangeRequestError) as no_note:
        services.change_request_reject(
            user=approver, change_request=request, note=" ", expected_version=request.version
        )
    rejected = services.change_request_reject(
        user=approver,
        change_request=request,
        note="Keep to Autumn: LT has time",
        expected_version=request.version,
    )
    action.refresh_from_db()

    assert no_note.value.field == "note"
    assert rejected.decision == Decision.REJECTED
    assert rejected.decision_note == "Keep to Autumn: LT has time"
    assert rejected.applied == {}
    assert action.due_text == "Autumn 2022"


def test_the_raiser_may_withdraw_their_request(sample_plan, owner_with_roles):
    request = change_raise(owner_with_roles, action_get(sample_plan, OWNED), "close")

    withdrawn = services.change_request_withdraw(
        user=owner_with_roles, change_request=request, expected_version=request.version
    )

    assert withdrawn.decision == Decision.WITHDRAWN
    assert withdrawn.decided_by == owner_with_roles


def test_pmo_may_withdraw_any_request_but_others_may_not(sample_plan, pmo, role_users):
    request = change_raise(pmo, action_get(sample_plan, OWNED), "close")

    for username in ("approver", "viewer", "owner"):
        with pytest.raises(PermissionDenied):
            services.change_request_withdraw(
                user=role_users[username], change_request=request, expected_version=1
            )
    imported = ChangeRequest.objects.filter(kind=ChangeKind.TO_BE_COMPLETED).first()
    services.change_request_withdraw(user=pmo, change_request=imported, expected_version=1)

    assert ChangeRequest.objects.get(pk=imported.pk).decision == Decision.WITHDRAWN


def test_a_decided_request_cannot_be_decided_again(sample_plan, pmo, approver):
    request = change_approve(approver, change_raise(pmo, action_get(sample_plan, OWNED), "close"))

    with pytest.raises(ChangeRequestError, match="already approved"):
        services.change_request_withdraw(
            user=pmo, change_request=request, expected_version=request.version
        )


# --- Only approvers decide -----------------------------------------------------------------


@pytest.mark.parametrize("username", ["pmo", "owner", "viewer"])
def test_only_approvers_decide(sample_plan, pmo, role_users, username):
    request = change_raise(pmo, action_get(sample_plan, OWNED), "close")
    user = role_users[username]

    with pytest.raises(PermissionDenied):
        change_approve(user, request)
    with pytest.raises(PermissionDenied):
        services.change_request_reject(
            user=user, change_request=request, note="No", expected_version=request.version
        )
    assert ChangeRequest.objects.get(pk=request.pk).decision == Decision.PENDING


# --- Two approvers at once -----------------------------------------------------------------


def test_of_two_approvers_deciding_from_the_same_reading_the_second_gets_a_conflict(
    sample_plan, pmo, approver
):
    action = action_get(sample_plan, OWNED)
    request = change_raise(pmo, action, "due_date", {"due_text": "Jan 2023"})
    read_by_first = ChangeRequest.objects.get(pk=request.pk)
    read_by_second = ChangeRequest.objects.get(pk=request.pk)

    change_approve(approver, read_by_first)
    with pytest.raises(EditConflict) as conflict:
        services.change_request_reject(
            user=approver,
            change_request=read_by_second,
            note="Too late",
            expected_version=read_by_second.version,
        )
    action.refresh_from_db()

    assert conflict.value.current.decision == Decision.APPROVED
    assert "Someone else saved this change request" in str(conflict.value)
    assert action.rebaseline_count == 1


@pytest.mark.django_db(transaction=True)
def test_two_approvers_deciding_at_the_same_moment_one_wins(role_users):
    """Real concurrency needs a database with row locks and separate connections."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite's test database is one connection")
    from tests.plans.builders import plan_build

    plan = plan_build(name="Race")
    action = Action.objects.get(plan=plan, ref="TA.A1.1")
    request = change_raise(role_users["pmo"], action, "close")
    barrier, outcomes = threading.Barrier(2), []

    def decide(note: str) -> None:
        try:
            barrier.wait()
            change_approve(role_users["approver"], request, note=note)
            outcomes.append("approved")
        except EditConflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(n,)) for n in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    request.refresh_from_db()
    action.refresh_from_db()

    assert sorted(outcomes) == ["approved", "conflict"]
    assert request.decision == Decision.APPROVED
    assert action.lifecycle == Lifecycle.CLOSED
    assert request.history.filter(history_change_reason__endswith="approved").count() == 1
