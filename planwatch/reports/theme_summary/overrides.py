"""PMO's override of a theme's computed status for a month: read for every summary, written
with a reason on the theme's status page. The computed status is never replaced, only set
beside it, so a reader sees both and why they differ."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Plan, Theme
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeRag, ThemeStatusOverride

MAX_REASON = 2_000


def overrides_for(*, plan: Plan, month: date) -> dict[int, ThemeStatusOverride]:
    rows = ThemeStatusOverride.objects.filter(theme__plan=plan, month=month)
    return {row.theme_id: row for row in rows.select_related("set_by")}


@transaction.atomic
def theme_status_override_set(
    *, user, theme: Theme, month: date, rag: str, reason: str = ""
) -> bool:
    """Set PMO's status for `theme` in `month` (`rag` green, amber or red, with a reason), or
    remove it (`rag` ""). False when nothing changed."""
    check(user, Perm.EDIT_REPORTS)
    if month.day != 1:
        raise ReportError("A theme status belongs to a month: give the first day of the month")
    reason = reason.strip()
    current = ThemeStatusOverride.objects.select_for_update().filter(theme=theme, month=month)
    row = current.first()
    if not rag:
        if row is None:
            return False
        row._history_user = user
        row.delete()
        return True
    if rag not in ThemeRag.values:
        raise ReportError("Choose Green, Amber or Red")
    if not reason:
        raise ReportError("Say why the theme's status is not the computed one")
    if len(reason) > MAX_REASON:
        raise ReportError(f"The reason must be {MAX_REASON:,} characters or fewer")
    if row is not None and (row.rag, row.reason) == (rag, reason):
        return False
    row = row or ThemeStatusOverride(theme=theme, month=month)
    row.rag, row.reason = rag, reason
    row.set_by, row.set_at = user, timezone.now()
    row._history_user = user
    row.save()
    return True
