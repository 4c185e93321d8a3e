"""The demo's people: one per role, with passwords printed so anyone can try each role."""

from planwatch.plans.models import Plan

from .models import OwnerRole
from .roles import APPROVER, PMO, UPDATE_OWNER, VIEWER
from .services import owner_role_assign, user_create_or_reset

DEMO_USERS = (
    # username, full name, role, superuser
    ("pmo", "Pat Morgan", PMO, False),
    ("approver", "Alex Price", APPROVER, False),
    ("owner", "Olu Adeyemi", UPDATE_OWNER, False),
    ("viewer", "Vic Ward", VIEWER, False),
    ("admin", "Ade Min", None, True),
)


def demo_password(username: str) -> str:
    return f"{username}-demo-2022"


def demo_users_create() -> list[tuple[str, str, str]]:
    created = []
    for username, full_name, role, superuser in DEMO_USERS:
        password = demo_password(username)
        user_create_or_reset(
            username=username,
            password=password,
            role=role,
            full_name=full_name,
            superuser=superuser,
        )
        created.append((username, password, role or "Administrator"))
    return created


# The demo owner reports for the Director of Business Strategy and Change, and writes the
# Head of HR's updates as a delegate: enough owned actions to walk through a whole cycle.
DEMO_OWNER_ROLES = (
    ("director business strategy and change", False),
    ("head of hr", True),
)


def demo_owner_roles_assign(*, plan: Plan) -> list[str]:
    from django.contrib.auth import get_user_model

    owner = get_user_model().objects.get(username="owner")
    assigned = []
    for key, is_delegate in DEMO_OWNER_ROLES:
        role = OwnerRole.objects.filter(plan=plan, key=key).first()
        if role is not None:
            owner_role_assign(user=owner, owner_role=role, is_delegate=is_delegate)
            assigned.append(role.name + (" (delegate)" if is_delegate else ""))
    return assigned
