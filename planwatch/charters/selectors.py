"""Reads of theme charters, shaped for their pages, in a fixed number of queries.

A key milestone's status is worked out on every read from its linked actions' latest
statuses, so it changes the moment an action's status does; nothing is stored to go stale.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from planwatch.domain.milestone_status import (
    MilestoneReading,
    MilestoneStatus,
    milestone_status,
)
from planwatch.domain.statuses import Status
from planwatch.plans.models import Plan, Theme, Workstream

from .models import (
    CharterWorkstream,
    KeyDeliverable,
    KeyMilestone,
    SuccessMeasure,
    ThemeCharter,
)

Through = KeyMilestone.actions.through


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.UNRECOGNISED


@dataclass(frozen=True)
class LinkedAction:
    ref: str
    title: str
    latest_status: str
    latest_month: date | None


@dataclass
class MilestoneRow:
    milestone: KeyMilestone
    actions: list[LinkedAction]
    reading: MilestoneReading


def _links(milestone_filter: dict) -> dict[int, list[LinkedAction]]:
    """Each milestone's linked actions, in ref order: one query for any number of them."""
    rows = (
        Through.objects.filter(**milestone_filter)
        .order_by("action__sort_key")
        .values_list(
            "keymilestone_id",
            "action__ref",
            "action__title",
            "action__latest_status",
            "action__latest_month",
        )
    )
    links: dict[int, list[LinkedAction]] = defaultdict(list)
    for milestone_id, ref, title, status, month in rows:
        links[milestone_id].append(LinkedAction(ref, title, status, month))
    return links


def _rows(milestones, links) -> list[MilestoneRow]:
    return [
        MilestoneRow(
            milestone,
            links.get(milestone.pk, []),
            milestone_status(_status(a.latest_status) for a in links.get(milestone.pk, [])),
        )
        for milestone in milestones
    ]


# --- The index: every theme's charter in summary --------------------------------------------


@dataclass
class CharterSummary:
    theme: Theme
    charter: ThemeCharter | None
    workstreams: int = 0
    deliverables: int = 0
    measures: int = 0
    milestones: int = 0
    by_status: list[tuple[MilestoneStatus, int]] = field(default_factory=list)


def charter_index(*, plan: Plan) -> list[CharterSummary]:
    themes = list(Theme.objects.filter(plan=plan).select_related("charter"))
    counts = {
        model: dict(
            model.objects.filter(charter__theme__plan=plan)
            .values_list("charter__theme_id")
            .annotate(n=Count("pk"))
            .values_list("charter__theme_id", "n")
        )
        for model in (CharterWorkstream, KeyDeliverable, SuccessMeasure)
    }
    milestones = list(
        KeyMilestone.objects.filter(charter__theme__plan=plan).select_related("charter")
    )
    rows = _rows(milestones, _links({"keymilestone__charter__theme__plan": plan}))
    statuses: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        statuses[row.milestone.charter.theme_id][row.reading.status] += 1
    return [
        CharterSummary(
            theme=theme,
            charter=getattr(theme, "charter", None),
            workstreams=counts[CharterWorkstream].get(theme.pk, 0),
            deliverables=counts[KeyDeliverable].get(theme.pk, 0),
            measures=counts[SuccessMeasure].get(theme.pk, 0),
            milestones=sum(statuses[theme.pk].values()),
            by_status=[
                (s, statuses[theme.pk][s]) for s in MilestoneStatus if statuses[theme.pk][s]
            ],
        )
        for theme in themes
    ]


# --- One theme's charter ---------------------------------------------------------------------


@dataclass
class CharterDetail:
    theme: Theme
    charter: ThemeCharter | None
    workstreams: list[CharterWorkstream]
    milestones: list[MilestoneRow]
    deliverables: list[KeyDeliverable]
    measures: list[SuccessMeasure]


def theme_get(*, plan: Plan, code: str) -> Theme:
    return Theme.objects.select_related("plan").get(plan=plan, code=code)


def charter_detail(*, theme: Theme) -> CharterDetail:
    charter = ThemeCharter.objects.filter(theme=theme).first()
    if charter is None:
        return CharterDetail(theme, None, [], [], [], [])
    milestones = list(KeyMilestone.objects.filter(charter=charter))
    return CharterDetail(
        theme=theme,
        charter=charter,
        workstreams=list(
            CharterWorkstream.objects.filter(charter=charter).select_related("workstream")
        ),
        milestones=_rows(milestones, _links({"keymilestone__charter": charter})),
        deliverables=list(KeyDeliverable.objects.filter(charter=charter)),
        measures=list(SuccessMeasure.objects.filter(charter=charter)),
    )


def milestone_get(*, theme: Theme, pk: int) -> KeyMilestone:
    return KeyMilestone.objects.select_related("charter__theme__plan").get(
        pk=pk, charter__theme=theme
    )


def item_get(*, theme: Theme, model, pk: int):
    return model.objects.select_related("charter__theme").get(pk=pk, charter__theme=theme)


def tracker_workstreams(*, theme: Theme) -> list[Workstream]:
    return list(Workstream.objects.filter(theme=theme))
