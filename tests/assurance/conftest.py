"""Fixtures for assurance tests: the sample plan, October 2022, and the people who act."""

from datetime import date

import pytest

OCTOBER = date(2022, 10, 1)


@pytest.fixture
def viewer(role_users):
    return role_users["viewer"]


@pytest.fixture
def action(sample_plan):
    """A factory: the sample plan's action with this ref."""
    from planwatch.plans.models import Action

    return lambda ref: Action.objects.get(plan=sample_plan, ref=ref)
