"""The period report's reads: each fills its part of the report in one query, whatever the
plan's size. Rules are in `build.py`'s docstring."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    FilteredRelation,
    Min,
    OuterRef,
    Q,
    Value,
    When,
)
from django.utils import timezone

from planwatch.changes.models import ChangeRequest, Decision
from planwatch.domain.periods import Coverage, Period, completion_of, month_add
from planwatch.domain.risk_matrix import Assessment
from planwatch.domain.slippage import has_slipped, slippage_on
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status
from planwatch.plans.as_of import as_it_stood_apply
from planwatch.plans.counting import (
    counted_actions_q,
    counted_main_actions_q,
    counted_updates_q,
    joined_later_q,
)
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, RiskLevel
from planwatch.plans.selectors import DUE_READING_FIELDS, slipped_actions
from planwatch.reports.period.data import (
    DONE,
    EXCEPTIONS,
    RISKS,
    Completed,
    DecisionLine,
    ExceptionLine,
    PeriodReport,
    Slipped,
    ThemeProgress,
    table_group,
)
from planwatch.risks.as_of import scores_as_it_stood
from planwatch.risks.matrix import matrix_get


def _line(action: Action, code: str) -> dict:
    return {"ref": action.ref, "title": action.title, "theme_code": code}


def _due(text: str, fallback: str = "") -> str:
    return text or fallback or "not given"


# What the report reads of an action as it stood at the period's end (`plans.as_of`).
STOOD_FIELDS = ("title", "risk_level", "rebaseline_count", *DUE_READING_FIELDS)
Stood = dict[int, dict[str, object]]


def count_main_actions(
    plan: Plan,
    themes: dict[int, ThemeProgress],
    month: date | None,
    stood: Stood,
    as_of: date,
) -> None:
    """Main actions by risk as of `month`, the last month with data (which main actions count:
    `plans.counting.counted_main_actions_q`, as in the Theme Progress Summary). The band is
    the action's score through the corporate matrix once someone has scored it, the
    tracker's imported level until then, each as it stood at the end of `as_of`, the
    period's last month (`stood`, `risks.as_of`). Counted by theme, level and score (a
    handful of groups), then banded here through the stored matrix; the few re-rated or
    re-scored since are then moved back to the column they had."""
    counted = Action.objects.filter(counted_main_actions_q(month), plan=plan, is_main=True)
    rows = (
        counted.values_list("theme_id", "risk_level", *(f"risk_score__{f}" for f in _SCORE_FIELDS))
        .annotate(n=Count("id"))
        .order_by()
    )
    matrix = matrix_get()
    for theme_id, risk, *levels, n in rows:
        column = _column(matrix, risk, tuple(levels) if levels[0] is not None else None)
        themes[theme_id].main_by_risk[column] += n
    scores_then = scores_as_it_stood(plan=plan, month=as_of)
    changed = set(stood) | set(scores_then)
    if not changed:
        return
    fields = ("pk", "theme_id", "risk_level", *(f"risk_score__{f}" for f in _SCORE_FIELDS))
    for pk, theme_id, risk, *levels in counted.filter(pk__in=changed).values_list(*fields):
        now = _column(matrix, risk, tuple(levels) if levels[0] is not None else None)
        risk_then = stood.get(pk, {}).get("risk_level", risk)
        levels_then = (
            scores_then[pk]
            if pk in scores_then
            else (tuple(levels) if levels[0] is not None else None)
        )
        by_risk = themes[theme_id].main_by_risk
        by_risk[now] -= 1
        by_risk[_column(matrix, risk_then, levels_then)] += 1


def _column(matrix, risk, levels) -> str:
    """A main action's column: its score's band once scored, else its imported level."""
    if levels is None:
        return _risk_column(risk)
    scored = matrix.scored(Assessment(*levels))
    assert scored is not None
    return scored.band.value


def _risk_column(risk) -> str:
    return risk if risk in RISKS else RiskLevel.UNRATED.value


_SCORE_FIELDS = ("financial", "reputation", "service_delivery", "likelihood")


def count_milestones(plan: Plan, coverage: Coverage, themes: dict[int, ThemeProgress]) -> None:
    """Milestones by status for the first and the last month with data, and, per theme, the
    live ones with no update for the month though they had one before (in the plan by then,
    but not reported on; one that joined the plan later is not missing): one pass over the
    milestones, two index look-ups each, and the look-back only for those with no update."""
    first, last = coverage.first, coverage.last
    assert first is not None and last is not None
    rows = (
        Action.objects.filter(counted_actions_q(), plan=plan)
        .annotate(at_first=_update_in(first), at_last=_update_in(last))
        .annotate(missing_first=_missing("at_first", first), missing_last=_missing("at_last", last))
        .values_list(
            "theme_id", "at_first__status", "at_last__status", "missing_first", "missing_last"
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    for theme_id, start_status, end_status, missing_first, missing_last, n in rows:
        theme = themes[theme_id]
        if start_status is not None:
            theme.milestones_start[table_group(start_status)] += n
        if end_status is not None:
            theme.milestones_end[table_group(end_status)] += n
        if missing_first:
            theme.milestones_start["no_update"] += n
        if missing_last:
            theme.milestones_end["no_update"] += n


def _update_in(month: date) -> FilteredRelation:
    return FilteredRelation(
        "updates", condition=Q(updates__month=month) & counted_updates_q(prefix="updates__")
    )


def _missing(alias: str, month: date) -> Case:
    """`domain.counting.is_missing_update`: live, no update for `month`, and in the plan by
    then; the database looks at other months only for the live milestones with none for it."""
    return Case(
        When(
            Q(**{f"{alias}__id__isnull": True}, lifecycle=Lifecycle.LIVE) & ~joined_later_q(month),
            then=Value(True),
        ),
        default=Value(False),
        output_field=BooleanField(),
    )


def list_completions(
    plan: Plan, period: Period, themes: dict[int, ThemeProgress], codes: dict[int, str]
) -> None:
    # Only milestones first rated done in the period can have completed in it, so the
    # database joins just the period's Complete/Closed updates, drops milestones rated done
    # before it, and says for each whether the month before its first Complete has an
    # update: one condition per month of the period, all in one query.
    done_before = ProgressUpdate.objects.filter(
        counted_updates_q(), action_id=OuterRef("pk"), status__in=DONE, month__lt=period.start
    )
    recorded_before = [
        When(
            Q(first_done=month)
            & Exists(
                ProgressUpdate.objects.filter(
                    counted_updates_q(), action_id=OuterRef("pk"), month=month_add(month, -1)
                )
            ),
            then=Value(True),
        )
        for month in period.months
    ]
    actions = (
        Action.objects.filter(counted_actions_q(), ~Exists(done_before), plan=plan)
        # One filter() call, so the Min below is over these updates only.
        .filter(
            counted_updates_q(prefix="updates__"),
            updates__status__in=DONE,
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


def list_slippage(
    plan: Plan,
    themes: dict[int, ThemeProgress],
    codes: dict[int, str],
    as_of: date,
    stood: Stood,
) -> None:
    """Actions due later than their baseline on `as_of`, the period's last day, with the due
    dates that stood then: a date approved since does not rewrite last quarter's report."""
    actions = (
        Action.objects.filter(plan=plan)
        .only("ref", "theme_id", "sort_key", *STOOD_FIELDS)
        .order_by("sort_key")
    )
    slipped = slipped_actions(actions.exclude(pk__in=stood), as_of=as_of)
    if stood:
        changed = list(actions.filter(pk__in=stood))
        as_it_stood_apply(changed, stood)
        slipped += [a for a in changed if has_slipped(a.baseline_due, a.due, as_of)]
    for action in sorted(slipped, key=lambda a: a.sort_key):
        themes[action.theme_id].slipped.append(
            Slipped(
                **_line(action, codes[action.theme_id]),
                baseline_due=_due(action.baseline_due_text),
                current_due=_due(action.due_text),
                months=slippage_on(action.baseline_due, action.due, as_of),
                rebaseline_count=action.rebaseline_count,
            )
        )


def list_exceptions(
    plan: Plan,
    month: date,
    themes: dict[int, ThemeProgress],
    codes: dict[int, str],
    stood: Stood,
) -> None:
    updates = (
        ProgressUpdate.objects.filter(
            counted_updates_q(),
            counted_actions_q("action__"),
            action__plan=plan,
            month=month,
            status__in=EXCEPTIONS,
        )
        .select_related("action")
        .only(
            "status",
            "commentary",
            *(
                f"action__{f}"
                for f in ("ref", "title", "theme_id", "due_text", "baseline_due_text")
            ),
        )
        .order_by("action__sort_key")
    )
    as_it_stood_apply([update.action for update in updates], stood)
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
            meeting=request.decision_meeting,
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
