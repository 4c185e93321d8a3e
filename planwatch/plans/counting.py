"""The one ORM translation of `planwatch.domain.counting`: the Q objects every query counts with.

`prefix` reaches the same rule through a relation, e.g. `counted_actions_q("action__")` from a
ProgressUpdate query; `outer` names the action's key in the query the expression goes into.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from django.db.models import Exists, OuterRef, Q

from planwatch.domain.counting import (
    Audience,
    counted_update_states,
)

from .models import Action, Lifecycle, ProgressUpdate

# The states the PMO's own work counts (its review queue, the owners' cycle, the latest
# status it sees), for filters written as `state__in=`.
COUNTED_STATES = tuple(sorted(counted_update_states(Audience.PMO)))

# Whose figures are being made: the PMO's count what owners have submitted, viewers' and
# published editions' only what the PMO has accepted. Set per request for the person
# asking (`accounts.middleware`) and around publishing an edition; the PMO's otherwise.
_figures_audience: ContextVar[Audience] = ContextVar("figures_audience", default=Audience.PMO)


@contextmanager
def figures_for(audience: Audience) -> Iterator[None]:
    """Count every figure made inside the block for `audience`."""
    token = _figures_audience.set(audience)
    try:
        yield
    finally:
        _figures_audience.reset(token)


def figures_audience() -> Audience:
    return _figures_audience.get()


def counted_states() -> tuple[str, ...]:
    """The update states the figures being made count (see `figures_for`)."""
    return tuple(sorted(counted_update_states(_figures_audience.get())))


def counted_updates_q(audience: Audience | None = None, prefix: str = "") -> Q:
    """Updates that are someone's word on the action for `audience`, by default the audience
    of the figures being made (never drafts or returned)."""
    chosen = audience if audience is not None else _figures_audience.get()
    return Q(**{f"{prefix}state__in": sorted(counted_update_states(chosen))})


def counted_actions_q(prefix: str = "") -> Exists:
    """Sub-actions, and main actions with none (`domain.counting.is_counted_action`)."""
    return ~Exists(Action.objects.filter(parent_id=OuterRef(f"{prefix}pk")))


def _counted_updates(outer: str, **month):
    return ProgressUpdate.objects.filter(counted_updates_q(), action_id=OuterRef(outer), **month)


def joined_later_q(month: date, outer: str = "pk") -> Q:
    """Its first counted update is after `month`: added to the plan since (`joined_later`)."""
    return ~Exists(_counted_updates(outer, month__lte=month)) & Exists(
        _counted_updates(outer, month__gt=month)
    )


def in_month_figures_q(month: date, outer: str = "pk") -> Q:
    """`domain.counting.is_in_month_figures`, for an Action query."""
    return Exists(_counted_updates(outer, month=month)) | (
        Q(lifecycle=Lifecycle.LIVE) & ~joined_later_q(month, outer)
    )


def counted_main_actions_q(month: date | None) -> Q:
    """Main actions a month's figures count: those in the plan, and those that have left it
    while one of their milestones is still in the month's figures (it reported that month).

    With no month (no update at all in the period) only those in the plan count.
    """
    live = Q(lifecycle=Lifecycle.LIVE)
    if month is None:
        return live
    milestones = Action.objects.filter(
        Q(pk=OuterRef("pk"), sub_actions__isnull=True) | Q(parent_id=OuterRef("pk"))
    ).filter(in_month_figures_q(month))
    return live | Exists(milestones)
