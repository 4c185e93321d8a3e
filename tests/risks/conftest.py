import pytest


@pytest.fixture
def pmo(role_users):
    return role_users["pmo"]


@pytest.fixture
def plan(db):
    """A small plan built straight into the database (no workbook import)."""
    from tests.plans.builders import plan_build

    return plan_build(name="Small plan", themes=2, main_actions=2)
