"""The Theme Progress Summary's exceptions say where each one's change control stands."""

from datetime import date

import pytest
from django.utils import timezone

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json

pytestmark = pytest.mark.django_db
OCTOBER = date(2022, 10, 1)


def _exceptions(plan) -> dict[str, dict]:
    data = theme_summary_json(theme_summary_build(plan=plan, month=OCTOBER))
    return {e["ref"]: e for theme in data["themes"] for e in theme["exceptions"]}


def test_an_exception_with_a_pending_date_change_shows_the_date_asked_for(sample_plan, pmo):
    ref = next(iter(_exceptions(sample_plan)))
    ChangeRequest.objects.filter(plan=sample_plan, action__ref=ref).delete()
    action = sample_plan.actions.get(ref=ref)
    ChangeRequest.objects.create(
        plan=sample_plan,
        action=action,
        kind=ChangeKind.DUE_DATE,
        month=OCTOBER,
        reason="Slipped",
        proposed={"due_text": "December 2023"},
        raised_by=pmo,
    )

    assert _exceptions(sample_plan)[ref]["due_after_change_control"] == (
        "Change control requested to December 2023; awaiting decision"
    )


def test_a_decision_made_after_the_month_reads_as_awaiting_in_that_months_report(sample_plan, pmo):
    ref = next(iter(_exceptions(sample_plan)))
    ChangeRequest.objects.filter(plan=sample_plan, action__ref=ref).delete()
    ChangeRequest.objects.create(
        plan=sample_plan,
        action=sample_plan.actions.get(ref=ref),
        kind=ChangeKind.DUE_DATE,
        month=OCTOBER,
        reason="Slipped",
        proposed={"due_text": "March 2023"},
        raised_by=pmo,
        decision=Decision.REJECTED,
        decided_by=pmo,
        decided_at=timezone.make_aware(timezone.datetime(2022, 11, 9, 10)),
    )

    assert "awaiting decision" in _exceptions(sample_plan)[ref]["due_after_change_control"]


def test_an_exception_with_no_request_and_no_new_date_says_none_was_requested(sample_plan):
    refs = list(_exceptions(sample_plan))
    ChangeRequest.objects.filter(plan=sample_plan, action__ref__in=refs).delete()

    words = {e["due_after_change_control"] for e in _exceptions(sample_plan).values()}

    assert "No change requested" in words
    assert not any("awaiting" in w for w in words)
