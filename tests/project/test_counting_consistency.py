"""Every output's figures equal one plain recount of the data, for generated plans.

Hypothesis builds small plans: themes, main actions with and without sub-actions, updates
over three months in every state (draft, submitted, returned, accepted), N/A, duplicates and
new actions, and actions that left the plan. For each one the overview, the theme pages, the
dashboard's chart data, the Cabinet table and its chart, the Commissioners report and the
theme summary JSON are read and compared with the recount written here, which uses nothing
from planwatch but the models and the status names.
"""

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.dashboards.selectors import status_distribution_chart
from planwatch.domain.statuses import Status
from planwatch.plans import selectors as plan_selectors
from planwatch.plans.latest_status import actions_latest_status_refresh
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
from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.charts import period_charts
from planwatch.reports.period.output import period_report_json
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json

pytestmark = pytest.mark.django_db

MONTHS = (date(2022, 8, 1), date(2022, 9, 1), date(2022, 10, 1))
LAST = MONTHS[-1]
# Only these two states are anyone's word for the month in the PMO's figures.
COUNTED = {UpdateState.SUBMITTED, UpdateState.ACCEPTED}
STATUSES = (
    Status.ON_TRACK,
    Status.MEDIUM_PROGRESS,
    Status.SIGNIFICANT_ISSUES,
    Status.NOT_DUE_TO_START,
    Status.COMPLETE,
    Status.CLOSED,
    Status.NOT_APPLICABLE,
    Status.DUPLICATE,
    Status.NEW_ACTION,
    Status.ON_HOLD,
)


# --- Generated plans -------------------------------------------------------------------------


@dataclass(frozen=True)
class UpdateSpec:
    status: Status
    state: UpdateState


@dataclass(frozen=True)
class ActionSpec:
    live: bool
    updates: tuple[UpdateSpec | None, ...]  # one per month in MONTHS


@dataclass(frozen=True)
class MainSpec:
    action: ActionSpec
    risk: RiskLevel
    subs: tuple[ActionSpec, ...]


updates = st.one_of(
    st.none(),
    st.builds(UpdateSpec, st.sampled_from(STATUSES), st.sampled_from(list(UpdateState))),
)
action_specs = st.builds(
    ActionSpec,
    live=st.sampled_from([True, True, True, False]),
    updates=st.tuples(updates, updates, updates),
)
main_specs = st.builds(
    MainSpec,
    action=action_specs,
    risk=st.sampled_from(list(RiskLevel)),
    subs=st.lists(action_specs, max_size=3).map(tuple),
)
plan_specs = st.lists(st.lists(main_specs, min_size=1, max_size=3), min_size=1, max_size=3)


def _plan_create(spec: list[list[MainSpec]]) -> Plan:
    plan = Plan.objects.create(name="Generated plan")
    for t, mains in enumerate(spec):
        code = "ABC"[t] + "X"
        theme = Theme.objects.create(plan=plan, code=code, name=f"Theme {code}", order=t)
        workstream = Workstream.objects.create(theme=theme, name=f"Workstream {code}")
        for m, main in enumerate(mains):
            parent = _action_create(plan, workstream, f"{code}.A{m + 1}.0", main.action, None)
            parent.risk_level = main.risk
            parent.save(update_fields=["risk_level"])
            for s, sub in enumerate(main.subs):
                _action_create(plan, workstream, f"{code}.A{m + 1}.{s + 1}", sub, parent)
    actions_latest_status_refresh(Action.objects.filter(plan=plan))
    return plan


def _action_create(plan, workstream, ref, spec: ActionSpec, parent) -> Action:
    action = Action.objects.create(
        plan=plan,
        theme=workstream.theme,
        workstream=workstream,
        parent=parent,
        ref=ref,
        is_main=parent is None,
        sort_key=ref,
        title=f"Action {ref}",
        lifecycle=Lifecycle.LIVE if spec.live else Lifecycle.CLOSED,
    )
    for month, update in zip(MONTHS, spec.updates, strict=True):
        if update is not None:
            ProgressUpdate.objects.create(
                action=action, month=month, status=update.status, state=update.state
            )
    return action


# --- The recount: plain Python over the rows -------------------------------------------------


@dataclass
class Row:
    ref: str
    theme: str
    is_main: bool
    has_subs: bool
    live: bool
    risk: str
    counted: dict[date, Status]  # the counted update's status, per month


def _rows(plan: Plan) -> list[Row]:
    rows = []
    for action in Action.objects.filter(plan=plan).select_related("theme"):
        counted = {
            u.month: Status(u.status)
            for u in ProgressUpdate.objects.filter(action=action)
            if u.state in COUNTED
        }
        rows.append(
            Row(
                action.ref,
                action.theme.code,
                action.is_main,
                Action.objects.filter(parent=action).exists(),
                action.lifecycle == Lifecycle.LIVE,
                action.risk_level,
                counted,
            )
        )
    return rows


def _milestones(rows: list[Row], theme: str | None = None) -> list[Row]:
    """What progress is counted on: sub-actions, and main actions without any."""
    return [r for r in rows if not (r.is_main and r.has_subs) and theme in (None, r.theme)]


def _latest(row: Row) -> Status:
    rated = [m for m, s in row.counted.items() if s is not Status.NO_STATUS]
    return row.counted[max(rated)] if rated else Status.NO_STATUS


def _joined_later(row: Row, month: date) -> bool:
    return bool(row.counted) and min(row.counted) > month


def _in_figures(row: Row, month: date) -> bool:
    """Reported that month; or in the plan, and in it by then (not first reported later)."""
    return month in row.counted or (row.live and not _joined_later(row, month))


def _no_update(milestones: list[Row], month: date) -> int:
    return sum(1 for r in milestones if _in_figures(r, month) and month not in r.counted)


def _main_actions(rows: list[Row], theme: str, month: date | None) -> list[Row]:
    """In the plan, or left it while one of its milestones is in the month's figures."""
    mains = [r for r in rows if r.theme == theme and r.is_main]
    if month is None:
        return [r for r in mains if r.live]
    milestones = _milestones(rows, theme)

    def reporting(main: Row) -> bool:
        parent = main.ref.removesuffix(".0")
        mine = [r for r in milestones if r.ref == main.ref or r.ref.rsplit(".", 1)[0] == parent]
        return any(_in_figures(r, month) for r in mine)

    return [r for r in mains if r.live or reporting(r)]


# The Cabinet table's columns and the dashboard chart's series, named as each output names them.
TABLE_GROUPS = {
    "on_track": {Status.ON_TRACK},
    "medium_progress": {Status.MEDIUM_PROGRESS},
    "significant_issues": {Status.SIGNIFICANT_ISSUES},
    "not_due_to_start": {Status.NOT_DUE_TO_START},
    "complete_or_closed": {Status.COMPLETE, Status.CLOSED},
    "new_action": {Status.NEW_ACTION},
}
CHART_SERIES = {
    "On track": {Status.ON_TRACK},
    "Medium progress": {Status.MEDIUM_PROGRESS},
    "Significant issues / slippage": {Status.SIGNIFICANT_ISSUES},
    "Not due to start": {Status.NOT_DUE_TO_START},
    "Complete or closed": {Status.COMPLETE, Status.CLOSED},
    "New action added": {Status.NEW_ACTION},
}


def _grouped(statuses: list[Status], groups: dict[str, set[Status]]) -> dict[str, int]:
    counts = {key: sum(1 for s in statuses if s in members) for key, members in groups.items()}
    known = set().union(*groups.values())
    counts["other"] = sum(1 for s in statuses if s not in known)
    return counts


def _statuses_in(milestones: list[Row], month: date) -> list[Status]:
    return [r.counted[month] for r in milestones if month in r.counted]


# --- Reading each output -------------------------------------------------------------------


def _chart_at(chart, month: date) -> dict[str, int]:
    column = chart.x_labels.index(f"{month:%b %Y}")
    return {
        ("other" if s.name == "Other" else s.name): int(s.values[column] or 0) for s in chart.series
    }


@contextmanager
def _rolled_back():
    """Each generated plan lives in its own savepoint, so examples never see each other."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=plan_specs)
def test_every_output_counts_the_same_as_a_plain_recount(spec):
    with _rolled_back():
        plan = _plan_create(spec)
        rows = _rows(plan)
        themes = sorted({r.theme for r in rows})
        months_with_data = [m for m in MONTHS if any(m in r.counted for r in rows)]

        _check_overview(plan, rows, themes)
        _check_theme_pages(plan, rows, themes)
        _check_dashboard(plan, rows, themes, months_with_data)
        _check_period_reports(plan, rows, themes, months_with_data)
        _check_theme_summary(plan, rows, themes)


def _check_overview(plan, rows, themes):
    overview = plan_selectors.plan_overview(plan=plan)
    assert overview.totals.actions == len(rows)
    assert overview.totals.by_status == dict(Counter(_latest(r).value for r in rows))
    for counts in overview.rows:
        mine = [r for r in rows if r.theme == counts.theme.code]
        assert counts.by_status == dict(Counter(_latest(r).value for r in mine))
        mains = [r for r in mine if r.is_main]
        assert counts.main_actions == len(mains)
        for risk in (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW):
            assert counts.by_risk.get(risk.value, 0) == sum(1 for r in mains if r.risk == risk)


def _check_theme_pages(plan, rows, themes):
    for code in themes:
        theme = plan_selectors.theme_get(plan=plan, code=code)
        shown = {}
        for workstream in plan_selectors.theme_workstreams(theme=theme):
            for entry in workstream.entries:
                for action in (entry.action, *entry.sub_actions):
                    shown[action.ref] = action.latest_status
        assert shown == {r.ref: _latest(r).value for r in rows if r.theme == code}


def _check_dashboard(plan, rows, themes, months):
    for code in (None, *themes):
        theme = None if code is None else Theme.objects.get(plan=plan, code=code)
        chart = status_distribution_chart(plan=plan, months=months, theme=theme)
        for month in months:
            expected = _grouped(_statuses_in(_milestones(rows, code), month), CHART_SERIES)
            assert _chart_at(chart, month) == expected, (code, month)


def _check_period_reports(plan, rows, themes, months):
    for months_covered in (3, 6):
        report = period_report_build(plan=plan, end_month=LAST, months=months_covered)
        figures = {t["code"]: t["figures"] for t in period_report_json(report)["themes"]}
        if not months:
            assert report.coverage.first is None
            for code in themes:
                assert figures[code]["main_actions"] == len(_main_actions(rows, code, None))
            continue
        first, last = months[0], months[-1]
        for code in themes:
            milestones = _milestones(rows, code)
            for key, month in (("start", first), ("end", last)):
                expected = _grouped(_statuses_in(milestones, month), TABLE_GROUPS)
                expected["no_update"] = _no_update(milestones, month)
                assert figures[code][f"milestones_by_status_at_{key}"] == expected, (code, key)
            assert figures[code]["main_actions"] == len(_main_actions(rows, code, last))
        # The table's chart: the same milestones, the same months, group for group.
        status_chart = period_charts(plan=plan, report=report)[0]
        for month in months:
            charted = _chart_at(status_chart, month)
            expected = _grouped(_statuses_in(_milestones(rows), month), CHART_SERIES)
            assert charted == expected
        table_total = sum(
            n
            for code in themes
            for key, n in figures[code]["milestones_by_status_at_end"].items()
            if key != "no_update"
        )
        assert sum(_chart_at(status_chart, last).values()) == table_total


SUMMARY_GROUPS = {
    "on_track": {Status.ON_TRACK},
    "not_due_to_start": {Status.NOT_DUE_TO_START},
    "significant": {Status.SIGNIFICANT_ISSUES},
    "medium": {Status.MEDIUM_PROGRESS},
    "on_hold": {Status.ON_HOLD},
    "new_action": {Status.NEW_ACTION},
    "duplicate": {Status.DUPLICATE},
    "not_applicable": {Status.NOT_APPLICABLE},
}
SUMMARY_DONE = ("completed_this_month", "completed_earlier", "complete_month_not_known")


def _check_theme_summary(plan, rows, themes):
    report = theme_summary_json(theme_summary_build(plan=plan, month=LAST))
    parts = {t["code"]: t for t in report["themes"]}
    for code in themes:
        milestones = [r for r in _milestones(rows, code) if _in_figures(r, LAST)]
        statuses = _statuses_in(milestones, LAST)
        by_group = parts[code]["milestones"]["by_group"]
        assert parts[code]["milestones"]["counted"] == len(milestones)
        for key, members in SUMMARY_GROUPS.items():
            assert by_group.get(key, 0) == sum(1 for s in statuses if s in members), key
        done = sum(1 for s in statuses if s in {Status.COMPLETE, Status.CLOSED})
        assert sum(by_group.get(key, 0) for key in SUMMARY_DONE) == done
        assert by_group.get("no_update", 0) == sum(1 for r in milestones if LAST not in r.counted)
        assert parts[code]["main_actions"]["total"] == len(_main_actions(rows, code, LAST))
