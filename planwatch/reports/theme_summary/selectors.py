"""Reads for the monthly Theme Progress Summary, in a fixed number of queries whatever the
plan's size: the themes, the workstreams, the actions with their updates of the three months
the report needs (and the earlier completions of the milestones that completed in the last
two), the main actions' matrix scores, the narratives and the months with updates. Nothing
is fetched per action, and no action's whole update history is read."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.domain.change_control_phrases import DateChangeRequest
from planwatch.domain.counting import DONE_STATUSES as DONE
from planwatch.domain.counting import add_months, is_counted_action
from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate
from planwatch.domain.month_standing import MonthStanding
from planwatch.domain.refs import parse_ref
from planwatch.domain.risk_matrix import Assessment, RiskBand
from planwatch.domain.statuses import Status, is_exception
from planwatch.domain.theme_summary import MainActionRecord, MilestoneRecord
from planwatch.plans.as_of import actions_as_it_stood
from planwatch.plans.counting import (
    counted_actions_q,
    counted_states,
    counted_updates_q,
    joined_later_q,
)
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
from planwatch.reports.models import WorkstreamNarrative
from planwatch.risks.as_of import scores_as_it_stood
from planwatch.risks.matrix import matrix_get
from planwatch.risks.models import ActionRiskScore
from planwatch.updates.models import UpdateCycle

RISK_BANDS = {
    RiskLevel.HIGH: RiskBand.HIGH,
    RiskLevel.MEDIUM: RiskBand.MEDIUM,
    RiskLevel.LOW: RiskBand.LOW,
}
UPDATES_COUNTED_NOTE = (
    "Submitted and accepted updates count; drafts and updates returned to their owner do not."
)
UPDATES_COUNTED_NOTE_PUBLISHED = (
    "Only updates the PMO has accepted count; submitted ones awaiting review, drafts and "
    "updates returned to their owner do not."
)


def scored_risks(*, plan: Plan, month: date | None = None) -> dict[int, RiskBand]:
    """The band, through the stored matrix, of each main action scored on it, by action id
    (five queries: the scores, those changed since `month`, and the matrix), as the scores
    stood at the end of `month` when given. An action missing here keeps its imported
    level."""
    scores = {
        action_id: tuple(levels)
        for action_id, *levels in ActionRiskScore.objects.filter(action__plan=plan)
        .order_by()
        .values_list("action_id", "financial", "reputation", "service_delivery", "likelihood")
    }
    if month is not None:
        for action_id, then in scores_as_it_stood(plan=plan, month=month).items():
            if then is None:
                scores.pop(action_id, None)
            else:
                scores[action_id] = then
    matrix = matrix_get()
    bands = {}
    for action_id, levels in scores.items():
        scored = matrix.scored(Assessment(*levels))
        assert scored is not None
        bands[action_id] = scored.band
    return bands


@dataclass(frozen=True)
class ThemeRecords:
    theme: Theme
    workstreams: tuple[Workstream, ...]
    main_actions: tuple[MainActionRecord, ...]
    milestones: tuple[MilestoneRecord, ...]


def months_with_updates(*, plan: Plan) -> list[date]:
    """The months with a counted update, in order.

    Reading every update row to look at its state would cost more than the whole summary,
    and even the plan's whole (action, month) index is most of it. So the distinct months are
    walked through the (month, status) index one step at a time (a loose index scan: one
    index seek per month, whatever the plan's size), and each month is then checked for an
    update of this plan that counts, going from the plan's actions through the
    (action, month) index so that another plan's months cost a look-up per action, not a
    scan of their updates."""
    update = connection.ops.quote_name(ProgressUpdate._meta.db_table)
    action = connection.ops.quote_name(Action._meta.db_table)
    counted = list(counted_states())
    states = ", ".join(["%s"] * len(counted))
    # CROSS JOIN keeps the plan's actions as SQLite's outer loop. A scalar subquery rather
    # than EXISTS, which PostgreSQL may turn into one join over every update of the plan.
    sql = f"""
        WITH RECURSIVE months(month) AS (
            SELECT (SELECT u.month FROM {update} u ORDER BY u.month LIMIT 1)
            UNION ALL
            SELECT (
                SELECT u.month FROM {update} u WHERE u.month > months.month
                ORDER BY u.month LIMIT 1
            )
            FROM months WHERE months.month IS NOT NULL
        )
        SELECT months.month FROM months
        WHERE months.month IS NOT NULL AND (
            SELECT 1 FROM {action} a CROSS JOIN {update} x
            WHERE a.plan_id = %s AND x.action_id = a.id AND x.month = months.month
                AND x.state IN ({states})
            LIMIT 1
        ) IS NOT NULL
        ORDER BY months.month
    """
    field = ProgressUpdate._meta.get_field("month")
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan.pk, *counted])
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
    *(f"due_{p}" for p in ("text", "kind", "earliest", "latest", "note", "every_months")),
    *(f"baseline_due_{p}" for p in ("text", "kind", "earliest", "latest", "every_months")),
)
_DATE_COLUMNS = frozenset(c for c in _ACTION_COLUMNS if c.endswith(("_earliest", "_latest")))
_KINDS = {kind.value: kind for kind in DateKind}
_STATUSES = {status.value: status for status in Status}
_LIVE = Lifecycle.LIVE.value
_DONE_VALUES = sorted(status.value for status in DONE)
_EXCEPTION_VALUES = sorted(status.value for status in Status if is_exception(status))


def _month_update(month: date) -> FilteredRelation:
    return FilteredRelation(
        "updates", condition=Q(updates__month=month) & counted_updates_q(prefix="updates__")
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
    # SQLite's driver would parse every date of every row; as text, only the few distinct
    # fuzzy dates are parsed (in _fuzzy). PostgreSQL's driver reads dates natively.
    as_text = connection.vendor == "sqlite"
    dated = {c: Cast(c, CharField()) for c in _ACTION_COLUMNS if as_text and c in _DATE_COLUMNS}
    rows = _driver_rows(
        Action.objects.filter(plan=plan)
        .annotate(u0=_month_update(window[0]), u1=_month_update(window[1]))
        .annotate(u2=_month_update(window[2]))
        .annotate(earlier_completion=_completed_before(month))
        # Commentary is printed only for the month's exceptions: only theirs is fetched.
        .annotate(
            exception_commentary=Case(
                When(u0__status__in=_EXCEPTION_VALUES, then=F("u0__commentary")),
                default=Value(""),
                output_field=TextField(),
            )
        )
        # Only a milestone with no update for M can have joined later; the look-up at its
        # other months is made for those few, not for every action.
        .annotate(
            joined_later=Case(
                When(
                    u0__id__isnull=True,
                    then=ExpressionWrapper(joined_later_q(month), BooleanField()),
                ),
                default=False,
                output_field=BooleanField(),
            )
        )
        .annotate(**{f"{c}_as_text": expression for c, expression in dated.items()})
        # The records are kept per theme, so ordering by theme first changes nothing but lets
        # the (plan, theme, sort_key) index give the order without a sort.
        .order_by("theme_id", "sort_key")
        .values_list(
            *(f"{c}_as_text" if c in dated else c for c in _ACTION_COLUMNS),
            "u0__status",
            "exception_commentary",
            "u1__status",
            "u2__status",
            "earlier_completion",
            "joined_later",
        )
    )
    rows = _as_it_stood(rows, plan=plan, month=month)
    scored = scored_risks(plan=plan, month=month)
    has_subs = {row[1] for row in rows if row[1]}
    refs = {row[0]: row[4] for row in rows}
    parent_of = {row[0]: row[1] for row in rows}
    main_ids = {row[0] for row in rows if row[2]}
    mains, milestones = defaultdict(list), defaultdict(list)
    # Plans repeat the same few due dates ("Ongoing", "TBC", "Dec 2022") and the same few
    # status sequences over three months: one object each, made once.
    dates: dict[tuple, FuzzyDate] = {}
    histories: dict[tuple, tuple] = {}
    for row in rows:
        pk, parent_id, is_main, theme_id, ref, title, risk, lifecycle, rebaselines = row[:9]
        live = lifecycle == _LIVE
        if is_main:
            band = scored.get(pk)
            mains[theme_id].append(
                MainActionRecord(
                    ref,
                    title,
                    RISK_BANDS.get(risk) if band is None else band,
                    live,
                    risk_scored=band is not None,
                )
            )
        if not is_counted_action(has_sub_actions=pk in has_subs):
            continue
        # A lettered part (SD.A1.3a) belongs to its main action through its sub-action.
        while parent_id and parent_id not in main_ids:
            parent_id = parent_of.get(parent_id)
        parent_ref = refs.get(parent_id) if parent_id else None
        if parent_ref is None:
            parent_ref = ref if is_main else _main_ref(ref)
        # Each reading as (text, kind, earliest, latest, note, every_months): a start has no
        # rhythm stored, a baseline no note.
        due = dates.get(fields := row[9:15]) or _fuzzy(dates, fields)
        baseline = dates.get(fields := (*row[15:19], "", row[19])) or _fuzzy(dates, fields)
        now, commentary, before, two_before, earlier, joined_later = row[20:]
        earlier = _as_date(earlier)
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
                due=due,
                baseline_due=baseline,
                rebaseline_count=rebaselines,
                commentary=commentary or "",
                live=live,
                joined_later=bool(joined_later),
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


# What a version of an action changes in the report; its place in the plan (ref, theme,
# parent) is read as it is today.
_STOOD_COLUMNS = _ACTION_COLUMNS[5:]


def _as_it_stood(rows: list[tuple], *, plan: Plan, month: date) -> list[tuple]:
    """The rows of the actions changed since `month` as they stood at its end
    (`plans.as_of`): re-rating a main action in December leaves October's counts alone."""
    stood = actions_as_it_stood(plan=plan, month=month, fields=_STOOD_COLUMNS)
    if not stood:
        return rows
    start, end = 5, 5 + len(_STOOD_COLUMNS)
    return [
        (*row[:start], *stood[row[0]].values(), *row[end:]) if row[0] in stood else row
        for row in rows
    ]


def _driver_rows(queryset) -> list[tuple]:
    """The query's rows as the database driver gives them: Django's per-value converters
    (tens of thousands of calls on a large plan) are skipped, so dates may come as text and
    booleans as integers; the caller converts what it uses."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _fuzzy(dates: dict[tuple, FuzzyDate], fields: tuple) -> FuzzyDate:
    """Made once per distinct date (the caller looks in `dates` first)."""
    text, kind, earliest, latest, note, every_months = fields
    found = dates[fields] = FuzzyDate(
        text, _KINDS[kind], _as_date(earliest), _as_date(latest), note, every_months
    )
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
        counted_updates_q(), status__in=done, action_id=OuterRef("pk"), month__lt=start
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


def date_change_requests(
    *, plan: Plan, month: date, refs: list[str]
) -> dict[str, DateChangeRequest]:
    """The newest due-date request (or tracker change-control flag) raised by `month` for
    each of these actions, told as it stood at the month's end (one query)."""
    after = timezone.make_aware(datetime.combine(add_months(month, 1), time.min))
    requests = (
        ChangeRequest.objects.filter(
            plan=plan,
            action__ref__in=refs,
            month__lte=month,
            kind__in=[ChangeKind.DUE_DATE, ChangeKind.TO_BE_COMPLETED],
        )
        .exclude(decision=Decision.WITHDRAWN, decided_at__lt=after)
        .order_by("action__ref", "month", "pk")
        .values_list(
            "action__ref",
            "proposed",
            "commentary_dates",
            "decision",
            "decided_at",
            "decision_meeting",
        )
    )
    found = {}
    for ref, proposed, commentary_dates, decision, decided_at, meeting in requests:  # newest last
        decided = decided_at is not None and decided_at < after
        found[ref] = DateChangeRequest(
            proposed_due=(proposed or {}).get("due_text", ""),
            decision=decision if decided else Decision.PENDING.value,
            decided_on=timezone.localdate(decided_at) if decided else None,
            meeting=meeting if decided else "",
            dates_in_commentary=tuple(
                d.get("text", "") for d in commentary_dates or () if d.get("field") == "due"
            ),
        )
    return found


def month_standing(*, plan: Plan, month: date, owed: int) -> MonthStanding:
    """How far the month's updates are in (`owed`: the milestones its figures count), and
    whether its cycle is still open (two queries)."""
    counts = (
        ProgressUpdate.objects.filter(
            counted_updates_q(), counted_actions_q("action__"), action__plan=plan, month=month
        )
        .values_list("state")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_state = dict(counts)
    return MonthStanding(
        owed=owed,
        received=sum(by_state.values()),
        accepted=by_state.get(UpdateState.ACCEPTED, 0),
        cycle_open=UpdateCycle.objects.filter(
            plan=plan, month=month, closed_at__isnull=True
        ).exists(),
    )
