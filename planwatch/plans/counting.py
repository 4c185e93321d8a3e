"""The one ORM translation of `planwatch.domain.counting`: the Q objects every query counts with.

`prefix` reaches the same rule through a relation, e.g. `counted_actions_q("action__")` from a
ProgressUpdate query.
"""

from django.db.models import Exists, OuterRef, Q

from planwatch.domain.counting import (
    Audience,
    counted_update_states,
)

from .models import Action

# The states PMO-audience figures count, for filters written as `state__in=`.
COUNTED_STATES = tuple(sorted(counted_update_states(Audience.PMO)))


def counted_updates_q(audience: Audience = Audience.PMO, prefix: str = "") -> Q:
    """Updates that are someone's word on the action for `audience` (never drafts or returned)."""
    return Q(**{f"{prefix}state__in": sorted(counted_update_states(audience))})


def counted_actions_q(prefix: str = "") -> Exists:
    """Sub-actions, and main actions with none (`domain.counting.is_counted_action`)."""
    return ~Exists(Action.objects.filter(parent_id=OuterRef(f"{prefix}pk")))
