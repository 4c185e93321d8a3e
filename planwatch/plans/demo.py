"""The demo's owner: the roles it holds on the imported plan (the people are in accounts)."""

from django.contrib.auth import get_user_model

from planwatch.accounts.models import OwnerRole
from planwatch.accounts.services import owner_role_assign

from .models import Plan

# The demo owner reports for the Director of Business Strategy and Change, and writes the
# Head of HR's updates as a delegate: enough owned actions to walk through a whole cycle.
DEMO_OWNER_ROLES = (
    ("director business strategy and change", False),
    ("head of hr", True),
)


def demo_owner_roles_assign(*, plan: Plan) -> list[str]:
    owner = get_user_model().objects.get(username="owner")
    assigned = []
    for key, is_delegate in DEMO_OWNER_ROLES:
        role = OwnerRole.objects.filter(plan=plan, key=key).first()
        if role is not None:
            owner_role_assign(user=owner, owner_role=role, is_delegate=is_delegate)
            assigned.append(role.name + (" (delegate)" if is_delegate else ""))
    return assigned
