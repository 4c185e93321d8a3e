"""Reads of the plan register, shaped for the pages that show them.

Every page's reads cost a fixed number of queries however big the plan grows: rows are
fetched with their related objects in one go and counted by the database, never per row.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet

# A finished, merged or not-applicable action cannot be late, whatever its due date says.
from planwatch.domain.counting import FINISHED_STATUSES as NOT_OVERDUE_STATUSES
from planwatch.domain.refs import IRREGULAR_MARK, Ref, parse_ref, ref_sort_text
from planwatch.domain.slippage import has_slipped
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status

from .counting import counted_updates_q
from .errors import PlanNotFound
from .models import Action, Plan, ProgressUpdate, RiskLevel, Theme, Workstream

RISK_COLUMNS = (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.UNRATED)


def plan_get(*, name: str | None = None) -> Plan:
    """The named plan, or the only plan there is; a clear error otherwise."""
    if name:
        try:
            return Plan.objects.get(name=name)
        except ObjectDoesNotExist:
            raise PlanNotFound(f"there is no plan called '{name}'") from None
    plans = list(Plan.objects.all()[:2])
    if not plans:
        raise PlanNotFound("there is no plan yet: import a tracker first")
    if len(plans) > 1:
        raise PlanNotFound("there is more than one plan: say which with --plan NAME")
    return plans[0]


def plan_for_page(*, name: str | None = None) -> Plan | None:
    """The plan a page shows: the named one, else the first; None when nothing is imported.

    Unlike `plan_get`, several plans are not an error here: the pages link to the others.
    """
    plans = Plan.objects.all()
    if name:
        plans = plans.filter(name=name)
    return plans.first()


def plan_list() -> list[Plan]:
    return list(Plan.objects.all())


# --- Overview ------------------------------------------------------------------------------


@dataclass
class ThemeCounts:
    """One row of the overview: a theme's counts, or the plan's when theme is None."""

    theme: Theme | None
    by_risk: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    main_actions: int = 0
    actions: int = 0
    # Filled once the columns are known, in column order, for the template to loop over.
    risk_cells: list[tuple[str, int]] = field(default_factory=list)

    @property
    def sub_actions(self) -> int:
        return self.actions - self.main_actions


@dataclass
class StatusRow:
    """One status's counts across the themes: the status table reads down statuses, since
    a dozen status columns would not fit the page."""

    status: str
    label: str
    cells: list[tuple[Theme, int]]
    total: int


@dataclass
class PlanOverview:
    plan: Plan
    risk_columns: list[tuple[str, str]]
    rows: list[ThemeCounts]
    totals: ThemeCounts
    status_rows: list[StatusRow]
    latest_month: date | None


def _risk_column(risk_level: str) -> str:
    # A main action with no usable rating in the workbook is simply not rated yet.
    return risk_level if risk_level in RISK_COLUMNS else RiskLevel.UNRATED.value


def _risk_heading(risk: RiskLevel) -> str:
    return "Not yet rated" if risk is RiskLevel.UNRATED else risk.label.removesuffix(" Risk")


def plan_overview(*, plan: Plan) -> PlanOverview:
    """Main actions by risk level and all actions by latest status, per theme and in total."""
    rows = {theme.pk: ThemeCounts(theme) for theme in plan.themes.all()}
    totals = ThemeCounts(None)

    risk_counts = (
        Action.objects.filter(plan=plan, is_main=True)
        .values_list("theme_id", "risk_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for theme_id, risk_level, n in risk_counts:
        column = _risk_column(risk_level)
        for counts in (rows[theme_id], totals):
            counts.by_risk[column] = counts.by_risk.get(column, 0) + n
            counts.main_actions += n

    status_counts = (
        Action.objects.filter(plan=plan)
        .values_list("theme_id", "latest_status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for theme_id, status, n in status_counts:
        for counts in (rows[theme_id], totals):
            counts.by_status[status] = counts.by_status.get(status, 0) + n
            counts.actions += n

    # Only statuses the plan uses get a row: thirteen mostly-empty rows help nobody.
    status_columns = [
        (status.value, STATUS_DEFINITIONS[status].label)
        for status in Status
        if totals.by_status.get(status)
    ]
    risk_columns = [(risk.value, _risk_heading(risk)) for risk in RISK_COLUMNS]
    for counts in [*rows.values(), totals]:
        counts.risk_cells = [(key, counts.by_risk.get(key, 0)) for key, _ in risk_columns]
    status_rows = [
        StatusRow(
            status,
            label,
            [(counts.theme, counts.by_status.get(status, 0)) for counts in rows.values()],
            totals.by_status[status],
        )
        for status, label in status_columns
    ]
    latest_month = Action.objects.filter(plan=plan).aggregate(latest=Max("latest_month"))["latest"]
    return PlanOverview(plan, risk_columns, list(rows.values()), totals, status_rows, latest_month)


# --- Themes --------------------------------------------------------------------------------


@dataclass
class ActionEntry:
    """A main action with its sub-actions, or a sub-action whose main action is elsewhere.

    A sub-action's lettered parts (SD.A1.3a) follow it in `sub_actions`; `parts` holds
    their ids, so the page can indent them under it.
    """

    action: Action
    sub_actions: list[Action] = field(default_factory=list)
    parts: set[int] = field(default_factory=set)


@dataclass
class WorkstreamActions:
    workstream: Workstream
    entries: list[ActionEntry] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(1 + len(entry.sub_actions) for entry in self.entries)


def theme_get(*, plan: Plan, code: str) -> Theme:
    """The plan's theme with this code; raises Theme.DoesNotExist."""
    return plan.themes.get(code=code)


def theme_list(*, plan: Plan) -> list[Theme]:
    return list(plan.themes.all())


def theme_workstreams(*, theme: Theme) -> list[WorkstreamActions]:
    """The theme's workstreams in order, each with its actions and their sub-actions."""
    groups = {ws.pk: WorkstreamActions(ws) for ws in theme.workstreams.all()}
    entry_of: dict[int, ActionEntry] = {}
    # Sorted by ref, so a main action (part 0) comes before its sub-actions, and a sub-action
    # before its lettered parts.
    for action in theme.actions.order_by("sort_key", "ref"):
        group = groups[action.workstream_id]
        parent_entry = entry_of.get(action.parent_id) if action.parent_id else None
        if parent_entry is not None and parent_entry.action.workstream_id == action.workstream_id:
            parent_entry.sub_actions.append(action)
            if parent_entry.action.pk != action.parent_id:
                parent_entry.parts.add(action.pk)
            entry_of[action.pk] = parent_entry
            continue
        entry = ActionEntry(action)
        group.entries.append(entry)
        entry_of[action.pk] = entry
    return [group for group in groups.values() if group.entries]


# --- Actions -------------------------------------------------------------------------------


def read_as_q(ref: Ref) -> Q:
    """The actions whose ref reads as `ref`, however each was written (CO.D.2.0 is CO.D2.0)."""
    text = ref_sort_text(ref)
    return Q(sort_key=text) | Q(sort_key__startswith=text + IRREGULAR_MARK)


def action_list(
    *,
    plan: Plan,
    today: date,
    theme: Theme | None = None,
    status: str = "",
    risk_level: str = "",
    owner: str = "",
    overdue: bool = False,
    q: str = "",
) -> QuerySet[Action]:
    """The plan's actions in ref order, narrowed by whichever filters are given."""
    actions = Action.objects.filter(plan=plan).select_related("theme", "workstream")
    if theme is not None:
        actions = actions.filter(theme=theme)
    if status:
        actions = actions.filter(latest_status=status)
    if risk_level:
        actions = actions.filter(risk_level=risk_level)
    if owner:
        actions = actions.filter(
            Q(director_lead__icontains=owner)
            | Q(cabinet_member__icontains=owner)
            | Q(other_leads__icontains=owner)
            | Q(update_owner__icontains=owner)
        )
    if overdue:
        # The database's test is `domain.deadlines.is_late_on`: due_latest is the first
        # deadline, and a due date is late once its first deadline has passed, recurring or not.
        actions = actions.filter(due_latest__lt=today).exclude(
            latest_status__in=NOT_OVERDUE_STATUSES
        )
    if q:
        found = Q(ref__icontains=q) | Q(title__icontains=q)
        # A ref finds its row however either was spelt: CO.D2.0 finds the row written CO.D.2.0.
        if (ref := parse_ref(q)) is not None:
            found |= read_as_q(ref)
        actions = actions.filter(found)
    return actions.order_by("sort_key", "ref")


# The columns behind Action.due and Action.baseline_due, for reads that load only those.
DUE_READING_FIELDS = (
    *(f"due_{p}" for p in ("text", "kind", "earliest", "latest", "note", "every_months")),
    *(f"baseline_due_{p}" for p in ("text", "kind", "earliest", "latest", "every_months")),
)


def slipped_actions(actions: QuerySet[Action], *, as_of: date) -> list[Action]:
    """The actions due later than their baseline on `as_of`, in the queryset's order.

    The rule is `domain.slippage.has_slipped`; the database only narrows to the candidates:
    a one-off due date later than its baseline, or a recurring date on either side, whose
    deadline depends on the day. Load DUE_READING_FIELDS at least.
    """
    candidates = actions.filter(
        Q(due_latest__gt=F("baseline_due_latest"))
        | Q(due_every_months__isnull=False, due_latest__isnull=False)
        | Q(baseline_due_every_months__isnull=False, baseline_due_latest__isnull=False)
    )
    return [a for a in candidates if has_slipped(a.baseline_due, a.due, as_of)]


def action_get(*, plan: Plan, ref: str) -> Action:
    """One action with everything its page shows; raises Action.DoesNotExist."""
    return (
        Action.objects.select_related("theme", "workstream", "parent")
        .prefetch_related(
            Prefetch("sub_actions", queryset=Action.objects.order_by("sort_key")),
            "recommendations",
            # Only the updates the reader's figures count: never a draft or a returned one,
            # and for anyone but the PMO only what it has accepted (`plans.counting`).
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.filter(counted_updates_q()).order_by("-month"),
            ),
        )
        .get(plan=plan, ref=ref)
    )
