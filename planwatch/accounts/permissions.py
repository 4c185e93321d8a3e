"""Who may do what: the one place every view and every write asks.

Roles are Django groups (see roles.py). Update owners may act only on the actions whose
owner cells name a role they hold (directly or as a delegate); everything else is by role.
A signed-in person with no role sees nothing.
"""

from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import UPDATING_CAPACITIES, ActionOwner
from .roles import APPROVER, PMO, UPDATE_OWNER, VIEWER


class Perm(StrEnum):
    VIEW_PLAN = "view_plan"
    EDIT_PLAN = "edit_plan"
    MANAGE_CYCLE = "manage_cycle"
    REVIEW_UPDATES = "review_updates"
    WRITE_UPDATE = "write_update"  # for an action
    RAISE_CHANGE = "raise_change"  # for an action, or a new action when none
    DECIDE_CHANGE = "decide_change"
    ADD_EVIDENCE = "add_evidence"  # for an action
    VIEW_AUDIT = "view_audit"
    EDIT_REPORTS = "edit_reports"  # the narrative parts of the monthly summary
    MANAGE_RISKS = "manage_risks"  # the risk register, its reviews and the risk matrix
    DISMISS_FLAGS = "dismiss_flags"  # assurance flags on ratings
    EDIT_CHARTERS = "edit_charters"
    IMPORT_TRACKER = "import_tracker"  # upload a workbook, preview it, confirm or cancel


BY_ROLE: dict[Perm, frozenset[str]] = {
    Perm.VIEW_PLAN: frozenset({PMO, APPROVER, UPDATE_OWNER, VIEWER}),
    Perm.EDIT_PLAN: frozenset({PMO}),
    Perm.MANAGE_CYCLE: frozenset({PMO}),
    Perm.REVIEW_UPDATES: frozenset({PMO}),
    Perm.WRITE_UPDATE: frozenset({PMO}),
    Perm.RAISE_CHANGE: frozenset({PMO}),
    Perm.DECIDE_CHANGE: frozenset({APPROVER}),
    Perm.ADD_EVIDENCE: frozenset({PMO}),
    # Auditors are viewers; the trail is for everyone accountable for the plan.
    Perm.VIEW_AUDIT: frozenset({PMO, APPROVER, VIEWER}),
    Perm.EDIT_REPORTS: frozenset({PMO}),
    Perm.MANAGE_RISKS: frozenset({PMO}),
    Perm.DISMISS_FLAGS: frozenset({PMO}),
    Perm.EDIT_CHARTERS: frozenset({PMO}),
    Perm.IMPORT_TRACKER: frozenset({PMO}),
}
# Owners may do these for the actions they own, whatever BY_ROLE says.
FOR_OWNED_ACTIONS = frozenset({Perm.WRITE_UPDATE, Perm.RAISE_CHANGE, Perm.ADD_EVIDENCE})


def roles_of(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_planwatch_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._planwatch_roles = cached
    return cached


def owned_action_ids(user) -> set[int]:
    """The actions whose owner cells name a role this person holds (as holder or delegate)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_planwatch_owned", None)
    if cached is None:
        cached = set(
            ActionOwner.objects.filter(
                owner_role__holders=user, capacity__in=UPDATING_CAPACITIES
            ).values_list("action_id", flat=True)
        )
        user._planwatch_owned = cached
    return cached


def user_can(user, perm: Perm, action=None) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if roles_of(user) & BY_ROLE[perm]:
        return True
    return (
        perm in FOR_OWNED_ACTIONS
        and action is not None
        and UPDATE_OWNER in roles_of(user)
        and action.pk in owned_action_ids(user)
    )


def require(perm: Perm):
    """View decorator: sign in first, then the role check (403 when it fails)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not user_can(request.user, perm):
                raise PermissionDenied(
                    f"You do not have permission to {perm.value.replace('_', ' ')}."
                )
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


def check(user, perm: Perm, action=None) -> None:
    """For services and views that act on one action: raise PermissionDenied unless allowed."""
    if not user_can(user, perm, action):
        raise PermissionDenied(f"You do not have permission to {perm.value.replace('_', ' ')}.")
