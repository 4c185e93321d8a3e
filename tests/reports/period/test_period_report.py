"""The period report's figures, checked against counts taken straight from the database."""

import re
from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from planwatch.changes import services
from planwatch.changes.models import ChangeKind
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, ProgressUpdate, RiskLevel
from planwatch.reports.period.build import PeriodReportError, period_report_build
from planwatch.reports.period.output import period_report_json

pytestmark = pytest.mark.django_db

OCT = date(2022, 10, 1)
SEP = date(2022, 9, 1)
DONE = {Status.COMPLETE, Status.CLOSED}


@pytest.fixture
def quarter(sample_plan):
    return period_report_json(period_report_build(plan=sample_plan, end_month=OCT, months=3))


def _theme(report_json, code):
    return next(t for t in report_json["themes"] if t["code"] == code)


def test_the_quarter_says_august_has_no_updates_and_measures_from_september(quarter):
    assert quarter["period"] == {
        "start": "2022-08-01",
        "end": "2022-10-01",
        "months": 3,
        "label": "Aug – Oct 2022",
    }
    assert quarter["coverage"]["months_with_data"] == ["2022-09-01", "2022-10-01"]
    assert quarter["coverage"]["months_without_data"] == ["2022-08-01"]
    assert quarter["coverage"]["start_month"] == "2022-09-01"
    assert quarter["title"] == "Improvement Plan: Cabinet quarterly progress report, Aug – Oct 2022"


def test_main_actions_by_risk_equal_the_plans_counts(sample_plan, quarter):
    for theme in sample_plan.themes.all():
        figures = _theme(quarter, theme.code)["figures"]
        mains = Action.objects.filter(theme=theme, is_main=True)
        assert figures["main_actions"] == mains.count()
        for risk in ("high", "medium", "low"):
            assert figures["main_actions_by_risk"][risk] == mains.filter(risk_level=risk).count()
        others = mains.exclude(risk_level__in=[RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW])
        assert figures["main_actions_by_risk"]["unrated"] == others.count()
    assert quarter["totals"]["main_actions"] == 66


def _milestone_statuses(theme, month) -> list[str]:
    """Each milestone's status that month, counted the slow way: one action at a time."""
    statuses = []
    for action in Action.objects.filter(theme=theme):
        if action.sub_actions.exists():
            continue
        update = ProgressUpdate.objects.filter(action=action, month=month).first()
        if update is not None:
            statuses.append(update.status)
    return statuses


def test_milestone_status_counts_at_start_and_end_equal_the_updates(sample_plan, quarter):
    groups = {
        "on_track": {Status.ON_TRACK},
        "medium_progress": {Status.MEDIUM_PROGRESS},
        "significant_issues": {Status.SIGNIFICANT_ISSUES},
        "not_due_to_start": {Status.NOT_DUE_TO_START},
        "complete_or_closed": DONE,
        "new_action": {Status.NEW_ACTION},
    }
    for theme in sample_plan.themes.all():
        figures = _theme(quarter, theme.code)["figures"]
        for month, key in ((SEP, "start"), (OCT, "end")):
            statuses = _milestone_statuses(theme, month)
            counts = figures[f"milestones_by_status_at_{key}"]
            assert figures[f"milestones_at_{key}"] == len(statuses)
            for group, members in groups.items():
                assert counts[group] == sum(1 for s in statuses if s in members), (theme, group)
            known = set().union(*groups.values())
            assert counts["other"] == sum(1 for s in statuses if s not in known)
            assert counts["no_update"] == 0  # the sample has every action in both months


def test_completions_are_milestones_first_rated_done_in_the_period_after_a_recorded_month(
    sample_plan, quarter
):
    for theme in sample_plan.themes.all():
        dated, undated = [], []
        for action in Action.objects.filter(theme=theme).order_by("sort_key"):
            if action.sub_actions.exists():
                continue
            history = dict(action.updates.values_list("month", "status"))
            done = sorted(month for month, status in history.items() if status in DONE)
            if not done or not date(2022, 8, 1) <= done[0] <= OCT:
                continue
            before = date(done[0].year, done[0].month - 1, 1)
            (dated if before in history else undated).append(action.ref)
        entry = _theme(quarter, theme.code)
        assert [c["ref"] for c in entry["completed"]] == dated
        assert [c["ref"] for c in entry["complete_when_first_recorded"]] == undated
    assert quarter["totals"]["completed_in_period"] > 0
    # The sample starts in September, so nothing can be known to complete in September.
    assert all(c["month"] == "2022-10-01" for t in quarter["themes"] for c in t["completed"])


def test_open_exceptions_are_the_amber_and_red_actions_of_october(sample_plan, quarter):
    for theme in sample_plan.themes.all():
        expected = ProgressUpdate.objects.filter(
            action__theme=theme,
            action__sub_actions__isnull=True,
            month=OCT,
            status__in=[Status.MEDIUM_PROGRESS, Status.SIGNIFICANT_ISSUES],
        )
        entry = _theme(quarter, theme.code)
        assert sorted(e["ref"] for e in entry["exceptions"]) == sorted(
            expected.values_list("action__ref", flat=True)
        )
        for line in entry["exceptions"]:
            update = expected.get(action__ref=line["ref"])
            assert line["commentary"] == update.commentary
            assert line["status"] == update.status


def test_the_imported_plan_has_no_slippage_or_decisions_yet(quarter):
    assert quarter["totals"]["slipped"] == 0
    assert quarter["totals"]["decisions"] == 0
    # The import raised October's "Change Control required: Yes" rows as pending requests.
    assert quarter["change_requests_raised_in_period"] == {"pending": 69}


@pytest.fixture
def approved_in_october(sample_plan, role_users, monkeypatch):
    """OC.A1.3's due date moved from Autumn 2022 to January 2023, approved on 20 Oct 2022."""
    monkeypatch.setattr(timezone, "now", lambda: datetime(2022, 10, 20, 15, 0, tzinfo=UTC))
    action = Action.objects.get(plan=sample_plan, ref="OC.A1.3")
    request = services.change_request_raise(
        user=role_users["pmo"],
        action=action,
        kind=ChangeKind.DUE_DATE,
        reason="Consultation takes longer",
        proposed={"due_text": "January 2023"},
        month=OCT,
    )
    return services.change_request_approve(
        user=role_users["approver"],
        change_request=request,
        note="Agreed at Leadership Team",
        expected_version=request.version,
    )


def test_a_due_date_change_approved_in_the_period_is_a_decision_and_a_slippage(
    sample_plan, approved_in_october
):
    report = period_report_json(period_report_build(plan=sample_plan, end_month=OCT, months=3))
    oc = _theme(report, "OC")
    [decision] = oc["decisions"]
    assert decision["ref"] == "OC.A1.3"
    assert decision["decision"] == "Approved"
    assert decision["kind"] == "Change the due date"
    assert decision["decided_on"] == "2022-10-20"
    assert decision["note"] == "Agreed at Leadership Team"
    assert decision["decided_by"]
    [slipped] = oc["slipped"]
    assert slipped == {
        "ref": "OC.A1.3",
        "title": Action.objects.get(ref="OC.A1.3").title,
        "theme_code": "OC",
        "baseline_due": "Autumn 2022",
        "current_due": "January 2023",
        "months": 2,
        "rebaseline_count": 1,
    }
    assert report["totals"]["decisions"] == 1
    assert report["change_requests_raised_in_period"] == {"pending": 69, "approved": 1}


def test_a_decision_outside_the_period_is_left_out(sample_plan, approved_in_october):
    earlier = period_report_build(plan=sample_plan, end_month=SEP, months=3)
    assert period_report_json(earlier)["totals"]["decisions"] == 0
    later = period_report_build(plan=sample_plan, end_month=date(2023, 4, 1), months=6)
    assert period_report_json(later)["totals"]["decisions"] == 0


def test_a_half_year_report_covers_six_months(sample_plan):
    report = period_report_json(
        period_report_build(plan=sample_plan, end_month=date(2022, 12, 1), months=6)
    )
    assert report["report"] == "commissioners"
    assert report["period"]["label"] == "Jul – Dec 2022"
    assert report["coverage"]["end_month"] == "2022-10-01"
    assert len(report["coverage"]["months_without_data"]) == 4


def test_a_period_without_updates_says_so_and_counts_no_milestones(sample_plan):
    report = period_report_json(
        period_report_build(plan=sample_plan, end_month=date(2021, 6, 1), months=3)
    )
    assert (
        report["coverage"]["sentence"] == "The tracker has no monthly updates for Apr – Jun 2021."
    )
    assert report["totals"]["milestones_at_end"] == 0
    assert report["totals"]["open_exceptions"] == 0


def test_only_three_or_six_month_periods_are_reports(sample_plan):
    with pytest.raises(PeriodReportError, match="3 or 6 months"):
        period_report_build(plan=sample_plan, end_month=OCT, months=4)


def _numbers(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    assert match, (pattern, text)
    return int(match.group(1))


def test_each_themes_summary_prose_states_the_json_figures(sample_plan, approved_in_october):
    report = period_report_json(period_report_build(plan=sample_plan, end_month=OCT, months=3))
    for theme in report["themes"]:
        f, text = theme["figures"], " ".join(theme["summary"])
        risk, end = f["main_actions_by_risk"], f["milestones_by_status_at_end"]
        assert _numbers(r"Of the (\d+) main action area", text) == f["main_actions"]
        assert _numbers(r"(\d+) with a red \(high\)", text) == risk["high"]
        assert _numbers(r"(\d+) amber \(medium\)", text) == risk["medium"]
        assert _numbers(r"(\d+) green \(low\)", text) == risk["low"]
        assert _numbers(r"(\d+) not yet risk rated", text) == risk["unrated"]
        assert _numbers(r"of the (\d+) milestones?:", text) == f["milestones_at_end"]
        assert _numbers(r"(\d+) on track", text) == end["on_track"]
        assert _numbers(r"(\d+) with medium progress", text) == end["medium_progress"]
        assert _numbers(r"(\d+) with significant issues", text) == end["significant_issues"]
        assert _numbers(r"(\d+) not yet due to start", text) == end["not_due_to_start"]
        assert _numbers(r"(\d+) complete or closed, ", text) == end["complete_or_closed"]
        start_done = f["milestones_by_status_at_start"]["complete_or_closed"]
        assert _numbers(r"(\d+) complete or closed\.", text) == start_done
        assert _numbers(r"there were (\d+) milestone", text) == f["milestones_at_start"]
        completed = len(theme["completed"])
        assert _numbers(r"(\d+) milestones? (?:was|were) completed", text) == completed
        assert _numbers(r"(\d+) more (?:was|were)", text) == f["complete_when_first_recorded"]
        assert _numbers(r"(\d+) actions? ha(?:s|ve) a due date", text) == f["slipped"]
        assert _numbers(r"(\d+) change-control decision", text) == f["decisions"]
        assert _numbers(r"(\d+) exceptions?", text) == f["open_exceptions"]


def _queries(plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        period_report_build(plan=plan, end_month=OCT, months=3)
    return len(queries)


def test_the_report_costs_the_same_queries_however_big_the_plan(
    sample_plan, approved_in_october, role_users
):
    before = _queries(sample_plan)
    small = _theme(
        period_report_json(period_report_build(plan=sample_plan, end_month=OCT, months=3)), "OC"
    )
    main = Action.objects.get(plan=sample_plan, ref="OC.B1.0")
    for number in range(40):
        action = Action.objects.create(
            plan=sample_plan,
            theme=main.theme,
            workstream=main.workstream,
            parent=main,
            ref=f"OC.B1.{100 + number}",
            sort_key=f"{main.sort_key}.{100 + number}",
            title=f"Extra milestone {number}",
            due_text="Mar 2022",
            due_kind="month",
            due_latest=date(2022, 3, 31),
            baseline_due_text="Jan 2022",
            baseline_due_kind="month",
            baseline_due_latest=date(2022, 1, 31),
        )
        ProgressUpdate.objects.create(action=action, month=SEP, status=Status.ON_TRACK)
        if number % 5 == 0:
            continue  # no October update: missing, so "no update for the month"
        status = Status.COMPLETE if number % 2 else Status.SIGNIFICANT_ISSUES
        ProgressUpdate.objects.create(action=action, month=OCT, status=status)
    grown = period_report_json(period_report_build(plan=sample_plan, end_month=OCT, months=3))
    oc = _theme(grown, "OC")
    assert grown["totals"]["slipped"] == 41
    assert oc["figures"]["milestones_by_status_at_end"]["no_update"] == 8
    assert oc["figures"]["milestones_at_start"] == small["figures"]["milestones_at_start"] + 40
    assert len(oc["completed"]) == len(small["completed"]) + 16
    assert len(oc["exceptions"]) == len(small["exceptions"]) + 16
    # Twelve reads, two for how far the last month is reported on (MonthStanding), and two
    # for the actions and risk scores changed since the period (none here: the date was
    # approved in it).
    assert _queries(sample_plan) == before <= 16
