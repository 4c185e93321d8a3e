"""A plan's theme status thresholds: read for every summary, written by PMO on their page.
Stored values go through `ThemeThresholds` on the way in and out, so a rule that refuses a
combination in code refuses it on the page too."""

from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.domain.theme_status import DEFAULT_THRESHOLDS, ThemeThresholds
from planwatch.plans.models import Plan
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeStatusThresholds


def thresholds_for(*, plan: Plan) -> ThemeThresholds:
    row = ThemeStatusThresholds.objects.filter(plan=plan).first()
    if row is None:
        return DEFAULT_THRESHOLDS
    return ThemeThresholds(**{name: getattr(row, name) for name in row.FIELDS})


@transaction.atomic
def thresholds_save(*, user, plan: Plan, **values: int) -> bool:
    """Store the plan's thresholds; False when nothing changed. ReportError says why a set of
    values is refused, and nothing is stored then."""
    check(user, Perm.EDIT_REPORTS)
    try:
        wanted = ThemeThresholds(**values)
    except (TypeError, ValueError) as error:
        raise ReportError(str(error).replace("_", " ").capitalize()) from None
    if wanted == thresholds_for(plan=plan):
        return False
    # Made, not created, when new: one save, so one history row per change.
    row = ThemeStatusThresholds.objects.select_for_update().filter(
        plan=plan
    ).first() or ThemeStatusThresholds(plan=plan)
    for name, value in asdict(wanted).items():
        setattr(row, name, value)
    row.updated_by = user
    row.updated_at = timezone.now()
    row._history_user = user
    row.save()
    return True
