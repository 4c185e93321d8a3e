from planwatch.plans.models import Action

from .models import Evidence


def action_has_success_evidence(*, action: Action) -> bool:
    """Whether the action may be rated Closed: some evidence its measures of success were met."""
    return Evidence.objects.filter(action=action, shows_success_measures=True).exists()
