"""The reports' one write: PMO's Focus 1 narratives, kept with their history."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Workstream
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
