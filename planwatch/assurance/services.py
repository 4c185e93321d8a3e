"""Assurance writes: dismiss a rating-check flag with a reason, or undo a dismissal.

A dismissal is only accepted for a flag the checks really raise for that action and month,
worked out again at the moment of dismissing, so a stale page cannot dismiss a question
that no longer stands (or never did). Both writes are recorded by django-simple-history
with the person and the reason, so they appear in the audit trail.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.domain.rating_checks import FlagKind
from planwatch.plans.models import Action

from .models import KIND_LABELS, FlagDismissal
from .selectors import action_is_checked, flags_for_action

REASON_MAX = 2000


class DismissalError(Exception):
    """A dismissal that cannot be made as asked; the message says what to fix.

    `field` is "reason" when the reason is at fault, else blank.
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        self.message = message
        self.field = field
        super().__init__(message)


def _kind(kind: str) -> FlagKind:
    try:
        return FlagKind(kind)
    except ValueError:
        raise DismissalError(f"'{kind}' is not a kind of flag") from None


@transaction.atomic
def flag_dismiss(*, user, action: Action, month: date, kind: str, reason: str) -> FlagDismissal:
    """Record that the PMO has looked at this flag and why it needs no action.

    Raises PermissionDenied or DismissalError.
    """
    check(user, Perm.DISMISS_FLAGS)
    flag_kind = _kind(kind)
    reason = (reason or "").strip()
    if not reason:
        raise DismissalError("Enter why this flag needs no action", field="reason")
    if len(reason) > REASON_MAX:
        raise DismissalError(f"The reason must be {REASON_MAX} characters or fewer", field="reason")
    month = month.replace(day=1)
    raised = {flag.kind for flag in flags_for_action(action=action, month=month)}
    if not action_is_checked(action) or flag_kind not in raised:
        raise DismissalError(
            f"{action.ref} has no ‘{KIND_LABELS[flag_kind]}’ flag for {month:%B %Y} to dismiss"
        )
    dismissal = FlagDismissal(
        plan_id=action.plan_id,
        action=action,
        month=month,
        kind=flag_kind.value,
        reason=reason,
        dismissed_by=user,
        dismissed_at=timezone.now(),
    )
    dismissal._history_user = user
    dismissal._change_reason = reason[:100]
    try:
        with transaction.atomic():
            dismissal.save()
    except IntegrityError:
        raise DismissalError(
            f"This flag on {action.ref} for {month:%B %Y} has already been dismissed"
        ) from None
    return dismissal


@transaction.atomic
def flag_dismissal_undo(*, user, dismissal: FlagDismissal) -> None:
    """Put a dismissed flag back on the open list; the dismissal stays in the audit trail."""
    check(user, Perm.DISMISS_FLAGS)
    dismissal._history_user = user
    dismissal._change_reason = "Dismissal undone"
    dismissal.delete()
