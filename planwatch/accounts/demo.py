"""The demo's people: one per role, with passwords printed so anyone can try each role."""

from .roles import APPROVER, PMO, UPDATE_OWNER, VIEWER
from .services import user_create_or_reset

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
