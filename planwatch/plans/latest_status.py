"""Each action's latest status, kept on the action so lists filter without a join per row."""

from django.db.models import OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from planwatch.domain.statuses import Status

from .counting import COUNTED_STATES
from .models import Action, ProgressUpdate


def actions_latest_status_refresh(actions: QuerySet[Action]) -> None:
    """Set each action's newest submitted or accepted status, and its month.

    One UPDATE with a correlated subquery: the database does per-row work far faster than
    a CASE-per-row bulk update built in Python.
    """
    newest = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), state__in=COUNTED_STATES)
        .exclude(status=Status.NO_STATUS)
        .order_by("-month")
    )
    actions.update(
        latest_status=Coalesce(
            Subquery(newest.values("status")[:1]), Value(Status.NO_STATUS.value)
        ),
        latest_month=Subquery(newest.values("month")[:1]),
    )
