"""PMO's wording of the 2022 layout's achievements and milestones cells, per theme and month.

The cells start from the computed lists (`layout_2022.computed_cells`); what PMO saves
replaces the list in the 2022 layout's HTML, Word and PDF. Saving both cells blank removes
the row, so the computed lists show again; the history keeps every wording.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Plan, Theme
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeCellText

MAX_CELL = 10_000


def cell_texts_for(*, plan: Plan, month: date) -> dict[int, ThemeCellText]:
    rows = ThemeCellText.objects.filter(theme__plan=plan, month=month)
    return {row.theme_id: row for row in rows}


@transaction.atomic
def cell_texts_save(
    *, user, theme: Theme, month: date, achievements: str, milestones_due: str
) -> bool:
    """Save PMO's wording of the two cells; False when nothing changed."""
    check(user, Perm.EDIT_REPORTS)
    if month.day != 1:
        raise ReportError("The cells belong to a month: give the first day of the month")
    texts = {"achievements": achievements.strip(), "milestones_due": milestones_due.strip()}
    for name, text in texts.items():
        if len(text) > MAX_CELL:
            label = name.replace("_", " ")
            raise ReportError(f"The {label} cell must be {MAX_CELL:,} characters or fewer")
    row = ThemeCellText.objects.select_for_update().filter(theme=theme, month=month).first()
    if not any(texts.values()):
        if row is None:
            return False
        row._history_user = user
        row.delete()
        return True
    if row is not None and all(getattr(row, k) == v for k, v in texts.items()):
        return False
    row = row or ThemeCellText(theme=theme, month=month)
    for name, text in texts.items():
        setattr(row, name, text)
    row.updated_by, row.updated_at = user, timezone.now()
    row._history_user = user
    row.save()
    return True
