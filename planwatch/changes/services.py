"""Change control's writes: raise, complete, approve (which applies the change), reject, withdraw.

Each is one transaction that asks the permission helper first. While a request is pending the
Action fields it would change are frozen, so a second pending request about them is refused.
Approval applies the change in the same transaction as the decision and records each field's
old and new value in `applied`, which is the chain the action page shows. Deciding is an
optimistic-locked write: of two approvers deciding at once, one wins and the other gets
EditConflict with the request as the winner left it.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.concurrency import EditConflict, save_versioned
from planwatch.plans.models import Action, ProgressUpdate

from .applying import change_work_out
from .errors import ChangeRequestError
from .models import ChangeKind, ChangeRequest, Decision
from .proposals import kind_parse, month_clean, proposal_validate, reason_clean

DECISION_FIELDS = [
    "decision",
    "decided_by",
    "decided_at",
    "decision_note",
    "decision_meeting",
    "applied",
]


# --- Raising ------------------------------------------------------------------------------


@transaction.atomic
def change_request_raise(
    *,
    user,
    action: Action | None,
    kind: str,
    reason: str,
    proposed: dict,
    month: date,
    progress_update: ProgressUpdate | None = None,
) -> ChangeRequest:
    """Ask Leadership Team for a change to the plan; the fields it is about freeze meanwhile.

    `action` is the action to change; for a new sub-action its main action; None for a new
    main action (whose `proposed["workstream"]`, a Workstream pk, says which plan and theme).
    Raises ChangeRequestError (the message says what to fix) or PermissionDenied.
    """
    kind = kind_parse(kind)
    if kind is ChangeKind.NEW_ACTION and action is not None:
        raise ChangeRequestError(
            "A new main action is not raised against an existing action: leave the action out"
        )
    if kind is not ChangeKind.NEW_ACTION and action is None:
        raise ChangeRequestError("Say which action the change is about")
    check(user, Perm.RAISE_CHANGE, action)
    if action is not None:
        # Serialises requests about one action, so two cannot both pass the frozen check.
        action = (
            Action.objects.select_for_update(of=("self",)).select_related("plan").get(pk=action.pk)
        )
    target = proposal_validate(kind=kind, action=action, proposed=proposed)
    if progress_update is not None and progress_update.action.plan_id != target.plan.pk:
        raise ChangeRequestError("The monthly update given is not about an action in this plan")
    request = ChangeRequest(
        plan=target.plan,
        action=target.action,
        kind=kind,
        month=month_clean(month),
        reason=reason_clean(reason),
        proposed=target.proposed,
        raised_by=user,
        source="Raised in planwatch" if progress_update is None else "Raised with a monthly update",
        progress_update=progress_update,
    )
    request.full_clean()
    request._history_user = user
    request.save()
    return request


@transaction.atomic
def change_request_complete(
    *, user, change_request: ChangeRequest, kind: str, proposed: dict, reason: str
) -> ChangeRequest:
    """PMO says what an imported "Change Control required: Yes" actually asks for.

    The request keeps its month, source and update; it becomes a request of `kind`, validated
    exactly as if raised so. A new sub-action flagged on a sub-action's row belongs to that
    row's main action; a new main action is about no existing action.
    """
    check(user, Perm.EDIT_PLAN)
    request = _locked(change_request, expected_version=change_request.version)
    if request.kind != ChangeKind.TO_BE_COMPLETED:
        raise ChangeRequestError(
            f"Change request #{request.pk} already says what it asks for: "
            "only an imported request marked 'to be completed' is completed by PMO"
        )
    kind = kind_parse(kind)
    if kind is ChangeKind.TO_BE_COMPLETED:
        raise ChangeRequestError("Choose the kind of change being asked for", field="kind")
    action = request.action
    if kind is ChangeKind.NEW_ACTION:
        action = None
    elif kind is ChangeKind.NEW_SUB_ACTION and action is not None and not action.is_main:
        if action.parent is None:
            raise ChangeRequestError(
                f"{action.ref} has no main action in the plan to add a sub-action to",
                field="kind",
            )
        action = action.parent
    if action is None and kind is not ChangeKind.NEW_ACTION:
        raise ChangeRequestError("This request names no action, so it can only add a new one")
    if action is not None:
        action = (
            Action.objects.select_for_update(of=("self",)).select_related("plan").get(pk=action.pk)
        )
    target = proposal_validate(kind=kind, action=action, proposed=proposed, exclude=request)
    request.kind, request.action, request.proposed = kind, target.action, target.proposed
    request.reason = reason_clean(reason)
    save_versioned(
        request,
        expected_version=change_request.version,
        fields=["kind", "action", "proposed", "reason"],
        user=user,
        reason=f"Change request #{request.pk} completed by PMO",
    )
    return request


# --- Deciding -----------------------------------------------------------------------------


@transaction.atomic
def change_request_approve(
    *, user, change_request: ChangeRequest, note: str, expected_version: int, meeting: str = ""
) -> ChangeRequest:
    """Approve the request and apply it to the plan, in one transaction.

    Raises EditConflict when someone decided or changed the request since `expected_version`
    was read, ChangeRequestError when it cannot be applied (say, the new ref was taken since).
    """
    check(user, Perm.DECIDE_CHANGE)
    request = _locked(change_request, expected_version=expected_version)
    if request.kind == ChangeKind.TO_BE_COMPLETED:
        raise ChangeRequestError(
            "PMO has not yet said what this request asks for, so it cannot be approved: "
            "ask PMO to complete it, or reject it with a note"
        )
    kind = ChangeKind(request.kind)
    action = None
    if request.action_id is not None:
        action = (
            Action.objects.select_for_update(of=("self",))
            .select_related("plan")
            .get(pk=request.action_id)
        )
    try:
        target = proposal_validate(
            kind=kind, action=action, proposed=request.proposed, exclude=request
        )
    except ChangeRequestError as error:
        raise ChangeRequestError(
            f"This request can no longer be applied as it stands: {error.message}. "
            "Reject it with a note saying so."
        ) from None
    reason = f"Change request #{request.pk} approved"
    change = change_work_out(kind, target, user=user, reason=reason)
    request.decision = Decision.APPROVED
    request.decided_by, request.decided_at = user, timezone.now()
    request.decision_note = (note or "").strip()
    request.decision_meeting = (meeting or "").strip()
    request.applied = change.applied
    # The decision first: of two racing approvers, the loser stops here, before the plan moves.
    save_versioned(
        request, expected_version=expected_version, fields=DECISION_FIELDS, user=user, reason=reason
    )
    change.write()
    return request


@transaction.atomic
def change_request_reject(
    *, user, change_request: ChangeRequest, note: str, expected_version: int, meeting: str = ""
) -> ChangeRequest:
    """Refuse the request; the note (required) tells the raiser why. The plan is unchanged."""
    check(user, Perm.DECIDE_CHANGE)
    note = (note or "").strip()
    if not note:
        raise ChangeRequestError("Say why the change is rejected", field="note")
    request = _locked(change_request, expected_version=expected_version)
    request.decision_meeting = (meeting or "").strip()
    return _close(request, Decision.REJECTED, user=user, note=note, version=expected_version)


@transaction.atomic
def change_request_withdraw(
    *, user, change_request: ChangeRequest, expected_version: int, note: str = ""
) -> ChangeRequest:
    """The raiser (or PMO) takes the request back; its frozen fields are free again."""
    raised_by_user = change_request.raised_by_id is not None and (
        change_request.raised_by_id == getattr(user, "pk", None)
    )
    if not raised_by_user:
        check(user, Perm.EDIT_PLAN)
    request = _locked(change_request, expected_version=expected_version)
    return _close(
        request, Decision.WITHDRAWN, user=user, note=(note or "").strip(), version=expected_version
    )


def _close(request: ChangeRequest, decision: Decision, *, user, note: str, version: int):
    request.decision = decision
    request.decided_by, request.decided_at = user, timezone.now()
    request.decision_note = note
    save_versioned(
        request,
        expected_version=version,
        fields=DECISION_FIELDS,
        user=user,
        reason=f"Change request #{request.pk} {decision.label.lower()}",
    )
    return request


def _locked(change_request: ChangeRequest, *, expected_version: int) -> ChangeRequest:
    """The request as it is now, locked; EditConflict if it moved on since it was read."""
    request = (
        ChangeRequest.objects.select_for_update(of=("self",))
        .select_related("plan", "action", "action__parent")
        .get(pk=change_request.pk)
    )
    if request.version != expected_version:
        raise EditConflict(request)
    if request.decision != Decision.PENDING:
        raise ChangeRequestError(
            f"Change request #{request.pk} was already {request.get_decision_display().lower()}"
        )
    return request
