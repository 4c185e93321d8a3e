"""The demo gives a working sign-in for every role, and can be run again safely."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from planwatch.accounts.roles import ROLES
from planwatch.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def test_load_demo_prints_credentials_that_sign_in_for_every_role(sample_workbook, capsys):
    call_command("load_demo", str(sample_workbook))

    printed = capsys.readouterr().out
    block = printed.split("Demo users")[1].split("\n\n")[0]
    credentials = [line.split()[:2] for line in block.splitlines()[1:] if line.strip()]
    assert len(credentials) == 5
    roles_seen = set()

    def sign_in(username, password):
        # Login throttling needs the request, as a real sign-in has one.
        request = RequestFactory().post("/login/")
        return authenticate(request, username=username, password=password)

    for username, password in credentials:
        user = sign_in(username, password)
        assert user is not None, username
        roles_seen |= set(user.groups.values_list("name", flat=True))
    assert roles_seen == set(ROLES)
    assert any(sign_in(u, p).is_superuser for u, p in credentials)


def test_load_demo_twice_leaves_one_plan_and_the_same_actions(sample_workbook):
    call_command("load_demo", str(sample_workbook))
    call_command("load_demo", str(sample_workbook))

    assert Plan.objects.count() == 1
    assert Action.objects.count() == 295
    assert Plan.objects.get().organisation


def test_the_demo_owner_reports_for_real_owner_roles_of_the_plan(sample_workbook, capsys):
    from planwatch.accounts.models import OwnerRoleHolder

    call_command("load_demo", str(sample_workbook))

    holdings = OwnerRoleHolder.objects.filter(user__username="owner")
    assert {h.owner_role.name for h in holdings} == {
        "Director – Business Strategy and Change",
        "Head of HR",
    }
    assert holdings.get(owner_role__name="Head of HR").is_delegate
    assert "reports for" in capsys.readouterr().out


def test_only_pmo_officers_and_admins_may_use_the_admin_site(role_users):
    staff = {name for name, user in role_users.items() if user.is_staff}

    assert staff == {"pmo", "admin"}
    assert role_users["pmo"].has_perm("plans.change_action")
    assert not role_users["viewer"].has_perm("plans.change_action")


def test_the_demos_months_are_accepted_so_viewers_and_editions_see_them(sample_workbook, capsys):
    from planwatch.plans.models import ProgressUpdate, UpdateState

    call_command("load_demo", str(sample_workbook))

    import re

    states = set(ProgressUpdate.objects.values_list("state", flat=True))
    assert states == {UpdateState.ACCEPTED}
    said = re.search(
        r"Accepted the (\d+) imported updates up to October 2022", capsys.readouterr().out
    )
    assert said is not None
    assert int(said.group(1)) == ProgressUpdate.objects.count()
