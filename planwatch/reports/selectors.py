"""Reads for the monthly Theme Progress Summary, in a fixed number of queries whatever the
plan's size: the themes, the workstreams, the actions with their updates of the three months
the report needs (and the earlier completions of the milestones that completed in the last
two), the narratives and the months with updates. Nothing is fetched per action, and no action's
whole update history is read."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Case, DateField, FilteredRelation, OuterRef, Q, Subquery, When

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate
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
    """The months with a counted update, in order. The months are read from the (action,
    month) index alone, then each is checked for an update that is not a draft: reading
    every update row to look at its state would cost more than the whole summary."""
    update = connection.ops.quote_name(ProgressUpdate._meta.db_table)
    action = connection.ops.quote_name(Action._meta.db_table)
    draft = UpdateState.DRAFT.value
    sql = f"""
        SELECT d.month FROM (
            SELECT DISTINCT u.month FROM {update} u
            WHERE u.action_id IN (SELECT a.id FROM {action} a WHERE a.plan_id = %s)
        ) d
        WHERE EXISTS (
            SELECT 1 FROM {update} x JOIN {action} a ON a.id = x.action_id
            WHERE x.month = d.month AND x.state <> %s AND a.plan_id = %s
        )
        ORDER BY d.month
    """
    field = ProgressUpdate._meta.get_field("month")
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan.pk, draft, plan.pk])
        return [field.to_python(month) for (month,) in cursor.fetchall()]


# The Action columns a milestone record needs (never source_cells, the biggest).
_ACTION_COLUMNS = (
    "pk",
    "parent_id",
    "is_main",
    "theme_id",
    "ref",
    "title",
    "risk_level",
    "lifecycle",
    "rebaseline_count",
    *(f"{d}_{p}" for d in ("start", "due") for p in ("text", "kind", "earliest", "latest", "note")),
    *(f"baseline_due_{p}" for p in ("text", "kind", "earliest", "latest")),
)
_KINDS = {kind.value: kind for kind in DateKind}
_STATUSES = {status.value: status for status in Status}
_LIVE = Lifecycle.LIVE.value
_DONE_VALUES = sorted(status.value for status in DONE)


def _month_update(month: date) -> FilteredRelation:
    return FilteredRelation(
        "updates", condition=Q(updates__month=month) & ~Q(updates__state=UpdateState.DRAFT)
    )


def theme_records(*, plan: Plan, month: date) -> list[ThemeRecords]:
    """Each theme's main actions and milestones as plain records for `month`.

    One query reads every action with its updates for M, M-1 and M-2 (one index look-up
    each) and, only for the few milestones that became Complete or Closed in M-1 or M after
    not being so in M-2, their first completion before M-2 if any: that is all
    `domain.theme_summary` asks of `first_completed` (see MilestoneRecord)."""
    themes = list(Theme.objects.filter(plan=plan).order_by("order", "code"))
    workstreams = defaultdict(list)
    for workstream in Workstream.objects.filter(theme__plan=plan).order_by("order", "name"):
        workstreams[workstream.theme_id].append(workstream)
    window = (month, add_months(month, -1), add_months(month, -2))
    rows = list(
        Action.objects.filter(plan=plan)
        .annotate(u0=_month_update(window[0]), u1=_month_update(window[1]))
        .annotate(u2=_month_update(window[2]))
        .annotate(earlier_completion=_completed_before(month))
        # The records are kept per theme, so ordering by theme first changes nothing but lets
        # the (plan, theme, sort_key) index give the order without a sort.
        .order_by("theme_id", "sort_key")
        .values_list(
            *_ACTION_COLUMNS,
            "u0__status",
            "u0__commentary",
            "u1__status",
            "u2__status",
            "earlier_completion",
        )
    )
    has_subs = {row[1] for row in rows if row[1]}
    refs = {row[0]: row[4] for row in rows}
    mains, milestones = defaultdict(list), defaultdict(list)
    # Plans repeat the same few due dates ("Ongoing", "TBC", "Dec 2022") and the same few
    # status sequences over three months: one object each, made once.
    dates: dict[tuple, FuzzyDate] = {}
    histories: dict[tuple, tuple] = {}
    for row in rows:
        pk, parent_id, is_main, theme_id, ref, title, risk, lifecycle, rebaselines = row[:9]
        live = lifecycle == _LIVE
        if is_main:
            mains[theme_id].append(MainActionRecord(ref, title, RISK_BANDS.get(risk), live))
            if pk in has_subs:
                continue
        parent_ref = refs.get(parent_id) if parent_id else None
        if parent_ref is None:
            parent_ref = ref if is_main else _main_ref(ref)
        start, due, baseline = (_fuzzy(dates, row[i:j]) for i, j in ((9, 14), (14, 19), (19, 23)))
        now, commentary, before, two_before, earlier = row[23:]
        key = (two_before, before, now)
        history = histories.get(key)
        if history is None:
            history = histories[key] = _history(window, key)
        statuses, first_recorded, first_done = history
        milestones[theme_id].append(
            MilestoneRecord(
                ref=ref,
                title=title,
                parent_ref=parent_ref,
                statuses=statuses,
                first_recorded=first_recorded,
                first_completed=earlier or first_done,
                start=start,
                due=due,
                baseline_due=baseline,
                rebaseline_count=rebaselines,
                commentary=commentary or "",
                live=live,
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


def _fuzzy(dates: dict[tuple, FuzzyDate], fields: tuple) -> FuzzyDate:
    found = dates.get(fields)
    if found is None:
        text, kind, *rest = fields
        found = dates[fields] = FuzzyDate(text, _KINDS[kind], *rest)
    return found


def _history(window: tuple[date, ...], values: tuple) -> tuple:
    """Statuses of M-2, M-1 and M (`values`, oldest first) as a record's statuses, its first
    month with one, and its first Complete or Closed month among them."""
    statuses = tuple(
        (when, _STATUSES[value])
        for when, value in zip(window[::-1], values, strict=True)
        if value is not None
    )
    done = [when for when, status in statuses if status in DONE]
    return statuses, statuses[0][0] if statuses else None, done[0] if done else None


def _completed_before(month: date) -> Case:
    """For a milestone rated Complete or Closed in M-1 or M but not in M-2, the first month
    before M-2 it was so rated, if any. Only such a milestone can have completed in M-1 or M,
    so only for it is any earlier update read (the database evaluates the subquery only when
    the condition holds)."""
    start = add_months(month, -2)
    done = _DONE_VALUES
    first = ProgressUpdate.objects.filter(
        COUNTED_UPDATES, status__in=done, action_id=OuterRef("pk"), month__lt=start
    ).order_by("month")
    return Case(
        When(
            (Q(u0__status__in=done) | Q(u1__status__in=done)) & ~Q(u2__status__in=done),
            then=Subquery(first.values("month")[:1]),
        ),
        default=None,
        output_field=DateField(),
    )


def _main_ref(ref: str) -> str:
    """The main action a sub-action with no main action row would belong to (CO.D2.1: CO.D2.0)."""
    parsed = parse_ref(ref)
    return parsed.main_ref if parsed else f"{ref} (main action)"


def narratives_for(*, plan: Plan, month: date) -> dict[int, WorkstreamNarrative]:
    """The month's narratives, by workstream id."""
    return {
        n.workstream_id: n
        for n in WorkstreamNarrative.objects.filter(
            workstream__theme__plan=plan, month=month
        ).select_related("updated_by")
    }
