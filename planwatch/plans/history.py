"""The month each saved version of an action took effect in (`domain.as_it_stood`).

An import stamps its versions with the workbook's newest month, so a December tracker's
re-ratings are December's. A change made in planwatch (an approved date, an edit) takes
effect in the month the plan is being updated for: the open cycle's; else today's month,
or, for a plan whose updates stop earlier (a demo of 2022's tracker), the month after its
newest updates.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db import models
from django.utils import timezone

from planwatch.domain.counting import add_months

_stamped_month: ContextVar[date | None] = ContextVar("effective_month", default=None)


class EffectiveMonthHistory(models.Model):
    """Base of the Action history rows: the month the version took effect in."""

    effective_month = models.DateField(
        null=True,
        blank=True,
        help_text="First day of the reporting month this version took effect in.",
    )

    class Meta:
        abstract = True


@contextmanager
def effective_month_during(month: date) -> Iterator[None]:
    """Stamp every version saved inside the block with `month` (an import's workbook month)."""
    token = _stamped_month.set(month)
    try:
        yield
    finally:
        _stamped_month.reset(token)


def effective_month_for(plan_id: int) -> date:
    """The month a version of one of this plan's actions saved now takes effect in."""
    stamped = _stamped_month.get()
    if stamped is not None:
        return stamped
    from .models import Plan, ProgressUpdate
    from .page_parts import open_month

    plan = Plan(pk=plan_id)
    month = open_month(plan)
    if month is not None:
        return month
    latest = (
        ProgressUpdate.objects.filter(action__plan_id=plan_id)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )
    this_month = timezone.localdate().replace(day=1)
    if latest is not None:
        return min(add_months(latest, 1), this_month)
    return this_month


def effective_month_stamp(sender, instance, history_instance, **kwargs) -> None:
    """simple-history's pre_create_historical_record receiver for the Action history."""
    if history_instance.effective_month is None:
        history_instance.effective_month = effective_month_for(instance.plan_id)
