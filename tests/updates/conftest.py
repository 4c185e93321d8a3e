"""Fixtures: a November 2022 cycle on the sample plan (whose newest updates are October's),
due on Monday 14 November, and the demo owner, who reports for the Director of Business
Strategy and Change and, as a delegate, for the Head of HR."""

from datetime import date

import pytest

from planwatch.updates import services

from .helpers import DEADLINE, NOVEMBER, OPENED_ON


@pytest.fixture
def today(monkeypatch):
    """Fix the date the pages see; tests move it with `today.set(...)`."""

    class Today:
        value = date(2022, 11, 10)

        def set(self, value: date) -> None:
            self.value = value

    fixed = Today()
    monkeypatch.setattr("planwatch.updates.views._today", lambda: fixed.value)
    return fixed


@pytest.fixture
def cycle(sample_plan, role_users):
    return services.cycle_open(
        user=role_users["pmo"],
        plan=sample_plan,
        month=NOVEMBER,
        deadline=DEADLINE,
        today=OPENED_ON,
    )


@pytest.fixture
def owner(owner_with_roles):
    return owner_with_roles


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client
