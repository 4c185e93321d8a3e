"""The plan's actions as they stood at the end of a month, for reports of past months.

Reports read today's actions in bulk, then overlay the few changed since the month with the
version that stood then (`domain.as_it_stood`). Only the actions with a version taking
effect after the month are read from the history, in one query whatever the plan's size;
for the newest month there are none.
"""

from datetime import date

from planwatch.domain.as_it_stood import changed_after, version_at

from .models import Action, Plan


def actions_as_it_stood(
    *, plan: Plan, month: date, fields: tuple[str, ...]
) -> dict[int, dict[str, object]]:
    """For each action whose `fields` stood otherwise at the end of `month` than today,
    those fields as they stood then, by action id."""
    history = Action.history.model
    changed_later = (
        history.objects.filter(plan_id=plan.pk, effective_month__gt=month, history_type="~")
        .values_list("id", flat=True)
        .distinct()
    )
    versions: dict[int, list[tuple[date, tuple]]] = {}
    rows = (
        history.objects.filter(id__in=changed_later)
        .order_by("id", "history_date", "history_id")
        .values_list("id", "effective_month", *fields)
    )
    for pk, effective, *values in rows:
        versions.setdefault(pk, []).append((effective, tuple(values)))
    return {
        pk: dict(zip(fields, version_at(saved, month), strict=True))
        for pk, saved in versions.items()
        if changed_after(saved, month)
    }


def as_it_stood_apply(actions, stood: dict[int, dict[str, object]]) -> None:
    """Set on each of `actions` the fields `actions_as_it_stood` found standing otherwise."""
    for action in actions:
        for field, value in stood.get(action.pk, {}).items():
            setattr(action, field, value)
