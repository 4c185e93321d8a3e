"""Reads for the monthly Theme Progress Summary, in a fixed number of queries whatever the
plan's size: the themes, the workstreams, the actions (with their first recorded and first
complete month as annotations), the updates of the three months the report needs, the
narratives and the months with updates. Nothing is fetched per action."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q

from planwatch.domain.refs import parse_ref
from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.statuses import Status
from planwatch.domain.theme_summary import DONE, MainActionRecord, MilestoneRecord, add_months
from planwatch.plans.models import (
    Action,
    Lifecycle,
    Plan,
    ProgressUpdate,
    RiskLevel,
    Theme,
    UpdateState,
    Workstream,
)

from .models import WorkstreamNarrative

RISK_BANDS = {
    RiskLevel.HIGH: RiskBand.HIGH,
    RiskLevel.MEDIUM: RiskBand.MEDIUM,
    RiskLevel.LOW: RiskBand.LOW,
}
# A draft is an owner's unfinished work, not yet the month's status.
COUNTED_UPDATES = ~Q(state=UpdateState.DRAFT)
UPDATES_COUNTED_NOTE = "Every update for the month counts except drafts not yet submitted."


@dataclass(frozen=True)
class ThemeRecords:
    theme: Theme
    workstreams: tuple[Workstream, ...]
    main_actions: tuple[MainActionRecord, ...]
    milestones: tuple[MilestoneRecord, ...]


def months_with_updates(*, plan: Plan) -> list[date]:
    return list(
        ProgressUpdate.objects.filter(COUNTED_UPDATES, action__plan=plan)
        .order_by("month")
        .values_list("month", flat=True)
        .distinct()
    )


def theme_records(*, plan: Plan, month: date) -> list[ThemeRecords]:
    """Each theme's main actions and milestones as plain records for `month`."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order", "code"))
    workstreams = defaultdict(list)
    for workstream in Workstream.objects.filter(theme__plan=plan).order_by("order", "name"):
        workstreams[workstream.theme_id].append(workstream)
    counted = Q(updates__month__lte=month) & ~Q(updates__state=UpdateState.DRAFT)
    actions = list(
        Action.objects.filter(plan=plan)
        .annotate(
            first_recorded=Min("updates__month", filter=counted),
            first_completed=Min("updates__month", filter=counted & Q(updates__status__in=DONE)),
        )
        .order_by("sort_key")
    )
    statuses, commentary = _window(plan=plan, month=month)
    has_subs = {a.parent_id for a in actions if a.parent_id}
    by_id = {a.pk: a for a in actions}
    mains, milestones = defaultdict(list), defaultdict(list)
    for action in actions:
        if action.is_main:
            mains[action.theme_id].append(
                MainActionRecord(
                    action.ref,
                    action.title,
                    RISK_BANDS.get(action.risk_level),
                    action.lifecycle == Lifecycle.LIVE,
                )
            )
        if action.is_main and action.pk in has_subs:
            continue
        parent = by_id.get(action.parent_id) if action.parent_id else None
        if parent is None and action.is_main:
            parent = action
        milestones[action.theme_id].append(
            MilestoneRecord(
                ref=action.ref,
                title=action.title,
                parent_ref=parent.ref if parent else _main_ref(action.ref),
                statuses=tuple(sorted(statuses.get(action.pk, {}).items())),
                first_recorded=action.first_recorded,
                first_completed=action.first_completed,
                start=action.start,
                due=action.due,
                baseline_due=action.baseline_due,
                rebaseline_count=action.rebaseline_count,
                commentary=commentary.get(action.pk, ""),
                live=action.lifecycle == Lifecycle.LIVE,
            )
        )
    return [
        ThemeRecords(
            theme,
            tuple(workstreams[theme.pk]),
            tuple(mains[theme.pk]),
            tuple(milestones[theme.pk]),
        )
        for theme in themes
    ]


def _main_ref(ref: str) -> str:
    """The main action a sub-action with no main action row would belong to (CO.D2.1: CO.D2.0)."""
    parsed = parse_ref(ref)
    return parsed.main_ref if parsed else f"{ref} (main action)"


def _window(*, plan: Plan, month: date) -> tuple[dict, dict]:
    """Statuses of the months M-2..M per action, and month M's commentary."""
    statuses: dict[int, dict[date, Status]] = defaultdict(dict)
    commentary: dict[int, str] = {}
    rows = ProgressUpdate.objects.filter(
        COUNTED_UPDATES,
        action__plan=plan,
        month__gte=add_months(month, -2),
        month__lte=month,
    ).values_list("action_id", "month", "status", "commentary")
    for action_id, when, status, text in rows:
        statuses[action_id][when] = Status(status)
        if when == month:
            commentary[action_id] = text
    return statuses, commentary


def narratives_for(*, plan: Plan, month: date) -> dict[int, WorkstreamNarrative]:
    """The month's narratives, by workstream id."""
    return {
        n.workstream_id: n
        for n in WorkstreamNarrative.objects.filter(
            workstream__theme__plan=plan, month=month
        ).select_related("updated_by")
    }
