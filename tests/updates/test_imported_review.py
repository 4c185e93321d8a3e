"""The PMO records a tracker's past months as accepted at once (months the council had
already reviewed and reported); what owners write in planwatch still goes through review."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates.imported_review import imported_updates_accept

from .helpers import OWNED, submit

pytestmark = pytest.mark.django_db
SEPTEMBER, OCTOBER = date(2022, 9, 1), date(2022, 10, 1)


def test_imported_updates_up_to_the_month_are_accepted_with_who_and_when(sample_plan, pmo):
    september = ProgressUpdate.objects.filter(action__plan=sample_plan, month=SEPTEMBER)

    n = imported_updates_accept(user=pmo, plan=sample_plan, through=SEPTEMBER)

    assert n == september.count() > 0
    assert set(september.values_list("state", "reviewed_by")) == {(UpdateState.ACCEPTED, pmo.pk)}
    october = ProgressUpdate.objects.filter(action__plan=sample_plan, month=OCTOBER)
    assert set(october.values_list("state", flat=True)) == {UpdateState.SUBMITTED}
    one = september.first()
    assert (
        one.history.first().history_change_reason == "Imported updates to September 2022 accepted"
    )
    assert one.history.first().history_user == pmo


def test_a_second_run_accepts_nothing_more(sample_plan, pmo):
    assert imported_updates_accept(user=pmo, plan=sample_plan, through=OCTOBER) > 0
    assert imported_updates_accept(user=pmo, plan=sample_plan, through=OCTOBER) == 0


def test_an_update_an_owner_submitted_in_planwatch_is_left_to_review(
    sample_plan, pmo, cycle, owner
):
    written = submit(owner, cycle, OWNED)

    imported_updates_accept(user=pmo, plan=sample_plan, through=cycle.month)

    written.refresh_from_db()
    assert written.state == UpdateState.SUBMITTED


def test_only_the_pmo_accepts(sample_plan, role_users):
    for role in ("viewer", "owner", "approver"):
        with pytest.raises(PermissionDenied):
            imported_updates_accept(user=role_users[role], plan=sample_plan, through=OCTOBER)
    assert not ProgressUpdate.objects.filter(state=UpdateState.ACCEPTED).exists()


def test_the_command_says_how_many_and_refuses_bad_input_in_one_line(sample_plan, pmo):
    out = StringIO()
    call_command("accept_imported", "--through", "2022-10", "--by", "pmo", stdout=out)
    assert out.getvalue().startswith("Accepted ")
    assert "up to October 2022" in out.getvalue()
    with pytest.raises(CommandError, match=r"^--through 'Oct' is not a month"):
        call_command("accept_imported", "--through", "Oct", "--by", "pmo")
    with pytest.raises(CommandError, match="only the PMO accepts"):
        call_command("accept_imported", "--through", "2022-10", "--by", "viewer")
