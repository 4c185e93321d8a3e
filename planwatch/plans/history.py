"""The month each saved version of an action took effect in (`domain.as_it_stood`): the
history rows' field, and the stamp an import sets (`plans.effective_month` works out the
month otherwise).

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


def effective_month_stamped() -> date | None:
    """The month `effective_month_during` stamps with, if inside one."""
    return _stamped_month.get()
