"""Shared fixtures: the sample workbook, a plan imported from it, one person per role."""

from pathlib import Path

import pytest

from planwatch.accounts.demo import demo_password, demo_users_create

from .sample_snapshot import snapshot_restore, snapshot_take

pytest_plugins = ["tests.browser_fixtures"]

REPO = Path(__file__).resolve().parents[1]
SAMPLE_WORKBOOK = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow by design; tests that are not about hashing need not pay for it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sample_workbook() -> Path:
    return SAMPLE_WORKBOOK


@pytest.fixture(scope="session")
def sample_plan_snapshot(django_db_setup, django_db_blocker):
    """The rows one import of the sample workbook writes, taken once per test worker."""
    from planwatch.imports.services import tracker_import

    with django_db_blocker.unblock():
        return snapshot_take(
            lambda: tracker_import(path=SAMPLE_WORKBOOK, plan_name="Improvement Plan")
        )


@pytest.fixture
def sample_plan(db, sample_plan_snapshot):
    """A fresh copy of the imported sample plan, restored into this test's database."""
    from planwatch.plans.models import Plan

    snapshot_restore(sample_plan_snapshot)
    return Plan.objects.get(name="Improvement Plan")


@pytest.fixture
def role_users(db) -> dict[str, object]:
    """One user per demo role, keyed by username (pmo, approver, owner, viewer, admin)."""
    from django.contrib.auth import get_user_model

    demo_users_create()
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def pmo(role_users):
    return role_users["pmo"]


@pytest.fixture
def plan(db):
    """A small plan built straight into the database (no workbook import)."""
    from tests.plans.builders import plan_build

    return plan_build(name="Small plan", themes=2, main_actions=2)


@pytest.fixture
def owner_with_roles(sample_plan, role_users):
    """The demo update owner, holding the demo's owner roles on the sample plan."""
    from planwatch.plans.demo import demo_owner_roles_assign

    demo_owner_roles_assign(plan=sample_plan)
    return role_users["owner"]


@pytest.fixture
def pmo_client(client, role_users):
    client.force_login(role_users["pmo"])
    return client


__all__ = ["demo_password"]
