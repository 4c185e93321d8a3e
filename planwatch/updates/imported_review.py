"""Accepting a tracker's past months at once: the months the council had already reviewed
and reported before it used planwatch.

An import brings its updates in as submitted, for the PMO to review like any other. But a
tracker brought in at go-live holds months long since reviewed and reported to Leadership
Team and Cabinet (September and October 2022 in the sample), which have no cycle to review
them in. The PMO records those months as accepted here, once, with the audit trail naming
who and when; anything an owner wrote in planwatch is left to the usual review.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.latest_status import actions_latest_status_refresh
from planwatch.plans.models import Action, Plan, ProgressUpdate, UpdateState

NOTE = "Accepted as already reviewed and reported: imported from the council's tracker"
FIELDS = ["state", "reviewed_by", "reviewed_at", "review_note", "version"]


@transaction.atomic
def imported_updates_accept(*, user, plan: Plan, through: date) -> int:
    """Record the plan's imported, still submitted updates of months up to `through` as
    accepted by `user` (PMO). Returns how many; a second run finds none."""
    check(user, Perm.REVIEW_UPDATES)
    updates = list(
        ProgressUpdate.objects.select_for_update()
        .filter(
            action__plan=plan,
            month__lte=through.replace(day=1),
            state=UpdateState.SUBMITTED,
            submitted_by__isnull=True,  # written in planwatch: its owner submitted it
        )
        .exclude(source="")
    )
    now = timezone.now()
    for update in updates:
        update.state = UpdateState.ACCEPTED
        update.reviewed_by, update.reviewed_at, update.review_note = user, now, NOTE
        update.version += 1
    ProgressUpdate.objects.bulk_update(updates, FIELDS, batch_size=1000)
    ProgressUpdate.history.bulk_history_create(
        updates,
        update=True,
        batch_size=1000,
        default_user=user,
        default_change_reason=f"Imported updates to {through:%B %Y} accepted",
    )
    actions_latest_status_refresh(Action.objects.filter(plan=plan))
    return len(updates)
