"""Charts and tables for the dashboards, read from the plan in a fixed number of queries.

The database groups and counts; the rules (what counts as overdue, which statuses go
together) are the pure ones in `planwatch.domain.progress_trends`, so they are tested once.
Charts count sub-actions, the milestones the monthly summaries report on.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q, QuerySet

from planwatch.domain.charts import BLUE, DARK_GREY, RED, Chart, Series
from planwatch.domain.counting import ALL_GROUPS, DONE_STATUSES, status_group
from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate
from planwatch.domain.progress_trends import cumulative_counts, month_label, overdue_counts
from planwatch.domain.slippage import slippage_on
from planwatch.plans.counting import counted_actions_q, counted_states
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, Theme
from planwatch.plans.selectors import DUE_READING_FIELDS, slipped_actions


# Drafts and returned updates are nobody's word yet, so no chart counts them.
def _done_q() -> Q:
    """Completed, by the updates the figures' audience counts (`plans.counting`)."""
    return Q(
        updates__status__in=[status.value for status in DONE_STATUSES],
        updates__state__in=counted_states(),
    )


def _counted_updates() -> QuerySet[ProgressUpdate]:
    return ProgressUpdate.objects.filter(state__in=counted_states())


def plan_months(*, plan: Plan) -> list[date]:
    """The months the plan has submitted or accepted progress updates for, oldest first."""
    return list(
        _counted_updates()
        .filter(action__plan=plan)
        .values_list("month", flat=True)
        .distinct()
        .order_by("month")
    )


def _sub_actions(plan: Plan, theme: Theme | None) -> QuerySet[Action]:
    """The actions that report progress: sub-actions, and main actions with none (OC.D4.0
    carries its own status), as the Theme Progress Summary and the assurance checks count."""
    actions = Action.objects.filter(counted_actions_q(), plan=plan)
    return actions.filter(theme=theme) if theme is not None else actions


def _scope(theme: Theme | None) -> str:
    return f"{theme.name} ({theme.code})" if theme is not None else "the plan"


def _period(months: Sequence[date]) -> str:
    if not months:
        return "no months"
    first, last = month_label(months[0]), month_label(months[-1])
    return first if first == last else f"{first} to {last}"


def _status_chart(
    title: str, scope: str, months: Sequence[date], counts: Counter[tuple[date, str]]
) -> Chart:
    series = tuple(
        Series(
            group.label, tuple(float(counts[month, group.key]) for month in months), group.colour
        )
        for group in ALL_GROUPS
    )
    latest = ""
    if months:
        parts = [
            f"{counts[months[-1], group.key]} {group.label.lower()}"
            for group in ALL_GROUPS
            if counts[months[-1], group.key]
        ]
        latest = f" In {month_label(months[-1])}: {', '.join(parts) or 'no updates'}."
    return Chart(
        kind="stacked_bar",
        title=title,
        description=(
            f"Stacked bars of the monthly status of the sub-actions in {scope}, "
            f"{_period(months)}.{latest}"
        ),
        x_labels=tuple(month_label(month) for month in months),
        series=series,
        y_label="Sub-actions",
        x_label="Month",
    )


def _grouped(counts: Sequence[tuple[date, str, int]]) -> Counter[tuple[date, str]]:
    grouped: Counter[tuple[date, str]] = Counter()
    for month, status, n in counts:
        grouped[month, status_group(status).key] += n
    return grouped


def status_distribution_chart(
    *, plan: Plan, months: Sequence[date], theme: Theme | None = None
) -> Chart:
    """Sub-actions' statuses month by month, for one theme or the whole plan."""
    rows = (
        _counted_updates()
        .filter(action__in=_sub_actions(plan, theme), month__in=months)
        .values_list("month", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    title = f"Sub-action status by month: {theme.name}" if theme else "Sub-action status by month"
    return _status_chart(title, _scope(theme), months, _grouped(list(rows)))


def status_distribution_by_theme(*, plan: Plan, months: Sequence[date]) -> list[Chart]:
    """One status chart per theme, in the plan's theme order, from one grouped query."""
    rows = (
        _counted_updates()
        .filter(action__in=_sub_actions(plan, None), month__in=months)
        .values_list("action__theme_id", "month", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_theme: dict[int, list[tuple[date, str, int]]] = {}
    for theme_id, month, status, n in rows:
        per_theme.setdefault(theme_id, []).append((month, status, n))
    return [
        _status_chart(
            f"Sub-action status by month: {theme.name}",
            _scope(theme),
            months,
            _grouped(per_theme.get(theme.pk, [])),
        )
        for theme in plan.themes.all()
    ]


def overdue_chart(*, plan: Plan, months: Sequence[date], theme: Theme | None = None) -> Chart:
    """Live sub-actions overdue at the end of each month (see `progress_trends.is_overdue`)."""
    rows = (
        _sub_actions(plan, theme)
        .filter(lifecycle=Lifecycle.LIVE, due_latest__isnull=False)
        .annotate(first_done=Min("updates__month", filter=_done_q()))
        .values_list("due_kind", "due_latest", "due_every_months", "first_done")
        .order_by()
    )
    # Only what `is_overdue` reads: the kind, the first deadline and the rhythm.
    dues = [
        (FuzzyDate("", DateKind(kind), None, latest, every_months=every), first_done)
        for kind, latest, every, first_done in rows
    ]
    counts = overdue_counts(dues, months)
    latest = f" At the end of {month_label(months[-1])}: {counts[-1]}." if months else ""
    return Chart(
        kind="stacked_bar",
        title="Overdue sub-actions by month" + (f": {theme.name}" if theme else ""),
        description=(
            f"Bars of how many live sub-actions in {_scope(theme)} were past their "
            f"current due date and not complete or closed at the end of each month, "
            f"{_period(months)}.{latest}"
        ),
        x_labels=tuple(month_label(month) for month in months),
        series=(Series("Overdue sub-actions", tuple(float(n) for n in counts), RED),),
        y_label="Sub-actions",
        x_label="Month",
    )


def burnup_chart(*, plan: Plan, months: Sequence[date], theme: Theme | None = None) -> Chart:
    """Sub-actions completed so far against those the baseline plan said would be due."""
    rows = list(
        _sub_actions(plan, theme)
        .annotate(first_done=Min("updates__month", filter=_done_q()))
        .values_list("first_done", "baseline_due_latest")
        .order_by()
    )
    done = cumulative_counts((first_done for first_done, _ in rows), months)
    planned = cumulative_counts((baseline for _, baseline in rows), months)
    latest = (
        f" By the end of {month_label(months[-1])}: {done[-1]} completed against {planned[-1]} due."
        if months
        else ""
    )
    return Chart(
        kind="line",
        title="Burn-up: sub-actions completed against the baseline plan"
        + (f": {theme.name}" if theme else ""),
        description=(
            f"Lines of the running total of sub-actions in {_scope(theme)} completed or "
            f"closed, and of those due by each month by their baseline due dates, "
            f"{_period(months)}.{latest}"
        ),
        x_labels=tuple(month_label(month) for month in months),
        series=(
            Series("Completed or closed", tuple(float(n) for n in done), BLUE),
            Series("Due by the baseline plan", tuple(float(n) for n in planned), DARK_GREY, True),
        ),
        y_label="Sub-actions (running total)",
        x_label="Month",
    )


@dataclass(frozen=True)
class SlippageRow:
    ref: str
    title: str
    theme_code: str
    is_main: bool
    baseline_text: str
    current_text: str
    months: int
    rebaseline_count: int


def slippage_rows(*, plan: Plan, today: date, theme: Theme | None = None) -> list[SlippageRow]:
    """Actions due later than their baseline on `today`, the furthest slipped first."""
    actions = Action.objects.filter(plan=plan)
    if theme is not None:
        actions = actions.filter(theme=theme)
    actions = actions.select_related("theme").only(
        "ref", "title", "theme__code", "is_main", "rebaseline_count", *DUE_READING_FIELDS
    )
    rows = [
        SlippageRow(
            ref=action.ref,
            title=action.title,
            theme_code=action.theme.code,
            is_main=action.is_main,
            baseline_text=action.baseline_due_text,
            current_text=action.due_text,
            months=slippage_on(action.baseline_due, action.due, today) or 0,
            rebaseline_count=action.rebaseline_count,
        )
        for action in slipped_actions(actions.order_by("sort_key"), as_of=today)
    ]
    # Stable sort: equal slippage stays in ref order.
    return sorted(rows, key=lambda row: -row.months)
