"""The period report's reads: each fills its part of the report in one query (two for the
milestone counts), whatever the plan's size. Rules are in `period.py`'s docstring."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import BooleanField, Case, Count, Exists, F, Min, OuterRef, Q, Value, When
from django.utils import timezone

from planwatch.changes.models import ChangeRequest, Decision
from planwatch.domain.periods import Coverage, Period, completion_of, month_add
from planwatch.domain.slippage import slippage_months
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, RiskLevel, UpdateState

from .period_data import (
    DONE,
    EXCEPTIONS,
    GROUP_OF,
    RISKS,
    Completed,
    DecisionLine,
    ExceptionLine,
    PeriodReport,
    Slipped,
    ThemeProgress,
)

COUNTED = ~Q(state=UpdateState.DRAFT)


def _leaf(prefix: str = ""):
    """Actions with no sub-actions: the ones that carry their own delivery status."""
    return ~Exists(Action.objects.filter(parent_id=OuterRef(f"{prefix}pk")))


def _line(action: Action, code: str) -> dict:
    return {"ref": action.ref, "title": action.title, "theme_code": code}


def _due(text: str, fallback: str = "") -> str:
    return text or fallback or "not given"


def count_main_actions(plan: Plan, themes: dict[int, ThemeProgress]) -> None:
    rows = (
        Action.objects.filter(plan=plan, is_main=True)
        .values_list("theme_id", "risk_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for theme_id, risk, n in rows:
        column = risk if risk in RISKS else RiskLevel.UNRATED.value
        themes[theme_id].main_by_risk[column] += n


def count_milestones(plan: Plan, coverage: Coverage, themes: dict[int, ThemeProgress]) -> None:
    rows = (
        ProgressUpdate.objects.filter(
            COUNTED, _leaf("action__"), action__plan=plan, month__in={coverage.first, coverage.last}
        )
        .values_list("action__theme_id", "month", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for theme_id, month, status, n in rows:
        group = GROUP_OF.get(Status(status), "other")
        if month == coverage.first:
            themes[theme_id].milestones_start[group] += n
        if month == coverage.last:
            themes[theme_id].milestones_end[group] += n
    for theme_id, at_start, at_end in _live_without_update(plan, coverage.first, coverage.last):
        themes[theme_id].milestones_start["no_update"] = at_start
        themes[theme_id].milestones_end["no_update"] = at_end


def _live_without_update(plan: Plan, first: date, last: date):
    """Per theme, live milestones with no update for the month though they had one before
    (in the plan by then, but not reported on), for the first and the last month. One that
    joined the plan later is not missing."""

    def missing(month: date):
        def updates(**when):
            return Exists(ProgressUpdate.objects.filter(COUNTED, action_id=OuterRef("pk"), **when))

        return Count("id", filter=updates(month__lt=month) & ~updates(month=month))

    return (
        Action.objects.filter(_leaf(), plan=plan, lifecycle=Lifecycle.LIVE)
        .values_list("theme_id")
        .annotate(at_start=missing(first), at_end=missing(last))
        .order_by()
    )


def list_completions(
    plan: Plan, period: Period, themes: dict[int, ThemeProgress], codes: dict[int, str]
) -> None:
    # Only milestones first rated done in the period can have completed in it, so the
    # database joins just the period's Complete/Closed updates, drops milestones rated done
    # before it, and says for each whether the month before its first Complete has an
    # update: one condition per month of the period, all in one query.
    submitted = [state for state in UpdateState if state != UpdateState.DRAFT]
    done_before = ProgressUpdate.objects.filter(
        COUNTED, action_id=OuterRef("pk"), status__in=DONE, month__lt=period.start
    )
    recorded_before = [
        When(
            Q(first_done=month)
            & Exists(
                ProgressUpdate.objects.filter(
                    COUNTED, action_id=OuterRef("pk"), month=month_add(month, -1)
                )
            ),
            then=Value(True),
        )
        for month in period.months
    ]
    actions = (
        Action.objects.filter(_leaf(), ~Exists(done_before), plan=plan)
        # One filter() call, so the Min below is over these updates only.
        .filter(
            updates__status__in=DONE,
            updates__state__in=submitted,
            updates__month__gte=period.start,
            updates__month__lt=period.after,
        )
        .annotate(first_done=Min("updates__month"))
        .annotate(
            month_before_recorded=Case(
                *recorded_before, default=Value(False), output_field=BooleanField()
            )
        )
        .only("ref", "title", "theme_id", "sort_key")
        .order_by("sort_key")
    )
    for action in actions:
        completion = completion_of(
            action.first_done, month_before_recorded=action.month_before_recorded
        )
        assert completion is not None
        line = Completed(**_line(action, codes[action.theme_id]), month=completion.month)
        theme = themes[action.theme_id]
        (theme.completed if completion.dated else theme.complete_when_first_recorded).append(line)


def list_slippage(plan: Plan, themes: dict[int, ThemeProgress], codes: dict[int, str]) -> None:
    actions = (
        Action.objects.filter(plan=plan, due_latest__gt=F("baseline_due_latest"))
        .only(
            "ref",
            "title",
            "theme_id",
            "sort_key",
            "due_text",
            "due_latest",
            "baseline_due_text",
            "baseline_due_latest",
            "rebaseline_count",
        )
        .order_by("sort_key")
    )
    for action in actions:
        themes[action.theme_id].slipped.append(
            Slipped(
                **_line(action, codes[action.theme_id]),
                baseline_due=_due(action.baseline_due_text),
                current_due=_due(action.due_text),
                months=slippage_months(action.baseline_due_latest, action.due_latest),
                rebaseline_count=action.rebaseline_count,
            )
        )


def list_exceptions(
    plan: Plan, month: date, themes: dict[int, ThemeProgress], codes: dict[int, str]
) -> None:
    updates = (
        ProgressUpdate.objects.filter(
            COUNTED, _leaf("action__"), action__plan=plan, month=month, status__in=EXCEPTIONS
        )
        .select_related("action")
        .order_by("action__sort_key")
    )
    for update in updates:
        action = update.action
        definition = STATUS_DEFINITIONS[Status(update.status)]
        themes[action.theme_id].exceptions.append(
            ExceptionLine(
                **_line(action, codes[action.theme_id]),
                status=update.status,
                rating=definition.label,
                baseline_due=_due(action.baseline_due_text, action.due_text),
                current_due=_due(action.due_text),
                commentary=update.commentary,
            )
        )


def _period_bounds(period: Period) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(period.start, time.min), zone),
        timezone.make_aware(datetime.combine(period.after, time.min), zone),
    )


def list_decisions(
    plan: Plan,
    period: Period,
    report: PeriodReport,
    themes: dict[int, ThemeProgress],
    codes: dict[int, str],
) -> None:
    start, after = _period_bounds(period)
    requests = (
        ChangeRequest.objects.filter(plan=plan, decided_at__gte=start, decided_at__lt=after)
        .exclude(decision=Decision.PENDING)
        .select_related("action", "decided_by")
        .order_by("decided_at", "pk")
    )
    for request in requests:
        action = request.action
        theme_id = action.theme_id if action else None
        by = request.decided_by
        line = DecisionLine(
            ref=action.ref if action else str(request.proposed.get("ref", "new action")),
            title=action.title if action else str(request.proposed.get("title", "")),
            theme_code=codes[theme_id] if theme_id else "",
            kind=request.get_kind_display(),
            decision=request.get_decision_display(),
            decided_by=(by.get_full_name() or by.get_username()) if by else "",
            decided_on=timezone.localtime(request.decided_at).date(),
            raised_month=request.month,
            note=request.decision_note,
        )
        if theme_id:
            themes[theme_id].decisions.append(line)
        else:
            report.decisions_without_theme.append(line)
    raised = (
        ChangeRequest.objects.filter(plan=plan, month__gte=period.start, month__lt=period.after)
        .values_list("decision")
        .annotate(n=Count("id"))
        .order_by()
    )
    report.raised_in_period = {decision: n for decision, n in raised}
