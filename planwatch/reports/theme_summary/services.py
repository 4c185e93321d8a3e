"""The reports' writes: PMO's Focus 1 narratives, kept with their history, and the plan's
default layout for the summary."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Plan, ReportLayout, Workstream
from planwatch.reports.errors import ReportError
from planwatch.reports.models import WorkstreamNarrative

MAX_LENGTH = 10_000


@transaction.atomic
def workstream_narrative_save(
    *,
    user,
    workstream: Workstream,
    month: date,
    summary: str = "",
    progress_this_month: str = "",
    next_steps: str = "",
    issues_raised: str = "",
) -> WorkstreamNarrative | None:
    """Write a workstream's narrative for `month`; returns None when nothing changed.

    An unchanged narrative writes no history row, so the history shows only real edits.
    """
    check(user, Perm.EDIT_REPORTS)
    if month.day != 1:
        raise ReportError("A narrative belongs to a month: give the first day of the month")
    values = {
        "summary": summary.strip(),
        "progress_this_month": progress_this_month.strip(),
        "next_steps": next_steps.strip(),
        "issues_raised": issues_raised.strip(),
    }
    for name, text in values.items():
        if len(text) > MAX_LENGTH:
            raise ReportError(f"{name.replace('_', ' ').capitalize()} is too long")
    narrative = (
        WorkstreamNarrative.objects.select_for_update()
        .filter(workstream=workstream, month=month)
        .first()
    )
    if narrative is None:
        if not any(values.values()):
            return None
        narrative = WorkstreamNarrative(workstream=workstream, month=month)
    elif all(getattr(narrative, name) == text for name, text in values.items()):
        return None
    for name, text in values.items():
        setattr(narrative, name, text)
    narrative.updated_by = user
    narrative.updated_at = timezone.now()
    narrative._history_user = user
    narrative.full_clean()
    narrative.save()
    return narrative


@transaction.atomic
def report_layout_set(*, user, plan: Plan, layout: str) -> bool:
    """Make `layout` the plan's default for the summary; False when it already was."""
    check(user, Perm.EDIT_REPORTS)
    if layout not in ReportLayout.values:
        raise ReportError(f"'{layout}' is not a report layout")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.report_layout == layout:
        return False
    plan.report_layout = layout
    plan._history_user = user
    plan._change_reason = "Default Theme Progress Summary layout changed"
    plan.save(update_fields=["report_layout"])
    return True
