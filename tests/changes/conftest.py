"""Fixtures for change-control tests: the people who raise and decide."""

import pytest


@pytest.fixture
def approver(role_users):
    return role_users["approver"]
