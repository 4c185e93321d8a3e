"""Main actions' matrix scores as they stood at the end of a month, for past months' reports.

A score is planwatch's own record, made on a known day: before its first version took
effect the action had no score (its imported level stood), unlike an imported action,
whose first known version is the only account of earlier months (`plans.as_of`).
"""

from datetime import date

from planwatch.domain.as_it_stood import version_in_effect
from planwatch.plans.models import Plan

from .models import ActionRiskScore

LEVELS = ("financial", "reputation", "service_delivery", "likelihood")
Levels = tuple[int, int, int, int]


def scores_as_it_stood(*, plan: Plan, month: date) -> dict[int, Levels | None]:
    """For each main action whose score stood otherwise at the end of `month` than today,
    its four levels then (None: not scored yet), by action id. One query."""
    history = ActionRiskScore.history.model
    changed_later = (
        history.objects.filter(action__plan=plan, effective_month__gt=month)
        .values_list("action_id", flat=True)
        .distinct()
    )
    rows = (
        history.objects.filter(action_id__in=changed_later)
        .order_by("action_id", "history_date", "history_id")
        .values_list("action_id", "effective_month", "history_type", *LEVELS)
    )
    # A deleted score ("-") is a version too: no score from then on.
    versions: dict[int, list[tuple[date, Levels | None]]] = {}
    for action_id, effective, kind, *levels in rows:
        versions.setdefault(action_id, []).append(
            (effective, None if kind == "-" else tuple(levels))
        )
    stood: dict[int, Levels | None] = {}
    for action_id, saved in versions.items():
        then = version_in_effect(saved, month)
        if then != saved[-1][1]:
            stood[action_id] = then
    return stood
