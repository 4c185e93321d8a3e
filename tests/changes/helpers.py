"""Change-control test helpers: the sample plan's actions, and a request in one line."""

from datetime import date

from planwatch.changes import services
from planwatch.changes.models import ChangeKind, ChangeRequest
from planwatch.plans.models import Action

OCTOBER = date(2022, 10, 1)
# In the sample plan: OC.A1.3 (due "Autumn 2022") and OC.A1.0 are the demo owner's; PR.D1.0
# (Leadership Team's, due "Jul-05") is not. OC.B1.0 is a main action with sub-actions 1-7.
OWNED = "OC.A1.3"
NOT_OWNED = "PR.D1.0"


def action_get(plan, ref: str) -> Action:
    return Action.objects.get(plan=plan, ref=ref)


def change_raise(
    user, action, kind: ChangeKind | str, proposed: dict | None = None, **kwargs
) -> ChangeRequest:
    return services.change_request_raise(
        user=user,
        action=action,
        kind=kind,
        reason=kwargs.pop("reason", "Leadership Team asked for more time to consult"),
        proposed=proposed or {},
        month=kwargs.pop("month", OCTOBER),
        **kwargs,
    )


def change_approve(user, change_request: ChangeRequest, note: str = "") -> ChangeRequest:
    return services.change_request_approve(
        user=user, change_request=change_request, note=note, expected_version=change_request.version
    )
