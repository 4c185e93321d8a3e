from django.db.models import QuerySet

from planwatch.plans.models import Action

from .models import Evidence


def action_has_success_evidence(*, action: Action) -> bool:
    """Whether the action may be rated Closed: some evidence its measures of success were met."""
    return Evidence.objects.filter(action=action, shows_success_measures=True).exists()


def evidence_list_for_action(*, action: Action) -> QuerySet[Evidence]:
    """An action's evidence, newest first, with who added it and for which month: one query."""
    return (
        Evidence.objects.filter(action=action)
        .select_related("added_by", "progress_update")
        .order_by("-added_at", "-id")
    )


def evidence_get(*, pk: int) -> Evidence:
    """One piece of evidence with its action; raises Evidence.DoesNotExist."""
    return Evidence.objects.select_related("action").get(pk=pk)
