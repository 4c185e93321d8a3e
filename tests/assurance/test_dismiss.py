"""Dismissing a flag: only PMO, only with a reason, only a flag the checks really raise;
kept in the audit trail; the flag leaves the open list, and undoing puts it back."""

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.assurance.models import FlagDismissal
from planwatch.assurance.selectors import assurance_flags, assurance_summary
from planwatch.assurance.services import DismissalError, flag_dismiss, flag_dismissal_undo
from planwatch.audit.selectors import action_history, change_rows
from planwatch.domain.rating_checks import FlagKind
from planwatch.plans.models import Lifecycle
from tests.assurance.conftest import OCTOBER

RATING = FlagKind.RATING_DISAGREES.value


def _open(plan) -> set[tuple[str, str]]:
    result = assurance_flags(plan=plan, month=OCTOBER)
    return {(row.ref, row.flag.kind.value) for theme in result.themes for row in theme.open}


def test_a_dismissed_flag_leaves_the_open_list_and_is_listed_with_who_and_why(
    sample_plan, pmo, action
):
    flag_dismiss(
        user=pmo,
        action=action("OC.C1.1"),
        month=OCTOBER,
        kind=RATING,
        reason="Change control to November approved at LT on 20 Oct.",
    )

    result = assurance_flags(plan=sample_plan, month=OCTOBER)
    oc = next(theme for theme in result.themes if theme.theme.code == "OC")
    assert ("OC.C1.1", RATING) not in _open(sample_plan)
    assert [row.ref for row in oc.dismissed] == ["OC.C1.1"]
    assert oc.dismissed[0].dismissal.dismissed_by == pmo
    assert oc.dismissed[0].dismissal.reason.startswith("Change control to November")
    summary = {
        (f.ref, f.kind.value)
        for t in assurance_summary(plan=sample_plan, month=OCTOBER)
        for f in t.flags
    }
    assert ("OC.C1.1", RATING) not in summary


def test_a_dismissal_holds_for_its_month_only(sample_plan, pmo, action):
    from datetime import date

    flag_dismiss(user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="ok")

    september = assurance_flags(plan=sample_plan, month=date(2022, 9, 1))
    assert all(not theme.dismissed for theme in september.themes)


def test_an_empty_reason_is_refused_and_nothing_is_written(sample_plan, pmo, action):
    with pytest.raises(DismissalError) as error:
        flag_dismiss(user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="  ")

    assert error.value.field == "reason"
    assert not FlagDismissal.objects.exists()


def test_a_flag_the_checks_do_not_raise_cannot_be_dismissed(sample_plan, pmo, action):
    # OC.A1.2 is On Track, due Dec 2022: nothing to question in October.
    with pytest.raises(DismissalError, match="has no"):
        flag_dismiss(user=pmo, action=action("OC.A1.2"), month=OCTOBER, kind=RATING, reason="x")
    # OC.C1.1 is flagged for its rating, but not for a Closed rating without evidence.
    with pytest.raises(DismissalError, match="has no"):
        flag_dismiss(
            user=pmo,
            action=action("OC.C1.1"),
            month=OCTOBER,
            kind=FlagKind.CLOSED_WITHOUT_EVIDENCE.value,
            reason="x",
        )
    assert not FlagDismissal.objects.exists()


def test_an_unknown_kind_is_refused(sample_plan, pmo, action):
    with pytest.raises(DismissalError, match="not a kind"):
        flag_dismiss(user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind="vibes", reason="x")


def test_a_main_action_heading_over_sub_actions_cannot_have_a_flag_dismissed(
    sample_plan, pmo, action
):
    with pytest.raises(DismissalError):
        flag_dismiss(user=pmo, action=action("OC.C1.0"), month=OCTOBER, kind=RATING, reason="x")


def test_the_same_flag_cannot_be_dismissed_twice(sample_plan, pmo, action):
    flag_dismiss(user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="one")

    with pytest.raises(DismissalError, match="already been dismissed"):
        flag_dismiss(user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="two")
    assert FlagDismissal.objects.count() == 1


@pytest.mark.parametrize("role", ["viewer", "owner", "approver"])
def test_only_pmo_may_dismiss_or_undo(sample_plan, role_users, pmo, action, role):
    with pytest.raises(PermissionDenied):
        flag_dismiss(
            user=role_users[role], action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="x"
        )
    dismissal = flag_dismiss(
        user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="x"
    )
    with pytest.raises(PermissionDenied):
        flag_dismissal_undo(user=role_users[role], dismissal=dismissal)
    assert FlagDismissal.objects.count() == 1


def test_dismissing_and_undoing_are_in_the_audit_trail_with_who_and_why(sample_plan, pmo, action):
    oc_c1_1 = action("OC.C1.1")
    dismissal = flag_dismiss(
        user=pmo, action=oc_c1_1, month=OCTOBER, kind=RATING, reason="Date change approved"
    )
    pk = dismissal.pk
    flag_dismissal_undo(user=pmo, dismissal=dismissal)

    history = FlagDismissal.history.filter(id=pk).order_by("history_date")
    assert [(h.history_type, h.history_user) for h in history] == [("+", pmo), ("-", pmo)]
    entries = [
        e for e in action_history(action=oc_c1_1) if e.model_label == "assurance.FlagDismissal"
    ]
    assert [entry.kind.value for entry in entries] == ["deleted", "created"]
    assert entries[1].who == "pmo"
    assert entries[1].object == "OC.C1.1 Oct 2022 flag dismissal"
    assert entries[1].reason == "Date change approved"
    created = {change.field: change.new for change in entries[1].changes}
    assert created["reason"] == "Date change approved"
    assert created["kind"] == "Rating rosier than the dates"
    csv_objects = {row[3] for row in change_rows(start=None, end=None)}
    assert "OC.C1.1 Oct 2022 flag dismissal" in csv_objects


def test_undoing_a_dismissal_puts_the_flag_back_on_the_open_list(sample_plan, pmo, action):
    dismissal = flag_dismiss(
        user=pmo, action=action("OC.C1.1"), month=OCTOBER, kind=RATING, reason="x"
    )
    flag_dismissal_undo(user=pmo, dismissal=dismissal)

    assert ("OC.C1.1", RATING) in _open(sample_plan)


def test_actions_no_longer_in_the_plan_are_not_checked(sample_plan, action):
    closed = action("OC.C1.1")
    closed.lifecycle = Lifecycle.CLOSED
    closed.save(update_fields=["lifecycle"])

    assert "OC.C1.1" not in {ref for ref, _kind in _open(sample_plan)}
