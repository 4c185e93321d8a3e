"""The month a change to an action takes effect in, when no import has stamped one.

An import stamps its versions with the workbook's newest month (`history`). A change made
in planwatch (an approved date, an edit) takes effect in the month the plan is being
updated for: the open cycle's; else today's month, or, for a plan whose updates stop
earlier (a demo of 2022's tracker), the month after its newest updates.
"""

from datetime import date

from django.utils import timezone

from planwatch.domain.counting import add_months

from .history import effective_month_stamped
from .models import Action, Plan, ProgressUpdate
from .page_parts import open_month


def effective_month_for(plan_id: int) -> date:
    """The month a version of one of this plan's actions saved now takes effect in."""
    stamped = effective_month_stamped()
    if stamped is not None:
        return stamped
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


def plan_id_of(instance) -> int:
    """The plan of an action, or of a record hanging off one (a main action's risk score)."""
    plan_id = getattr(instance, "plan_id", None)
    if plan_id is not None:
        return plan_id
    return Action.objects.values_list("plan_id", flat=True).get(pk=instance.action_id)


def effective_month_stamp(sender, instance, history_instance, **kwargs) -> None:
    """simple-history's pre_create_historical_record receiver for the histories that carry
    an effective month (an action's, a main action's risk score's)."""
    if history_instance.effective_month is None:
        history_instance.effective_month = effective_month_for(plan_id_of(instance))
