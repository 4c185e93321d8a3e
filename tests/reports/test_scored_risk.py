"""A main action scored through the corporate matrix takes its score's band in the reports;
until someone scores it, the tracker's imported level stands (issue 5)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.theme_summary import Band
from planwatch.plans.history import effective_month_during
from planwatch.plans.models import Action, RiskLevel
from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.output import period_report_json
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.selectors import theme_records
from planwatch.risks import services
from planwatch.risks.models import RiskBands
from tests.plans.builders import plan_build

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db

# The sample imports OC.A1.0 as Low; OC.A2.0 is its first main action imported as Medium.
MEDIUM_REF = "OC.A2.0"

HIGH_LEVELS = (4, 3, 2, 4)  # impact 4 x likelihood 4 = 16: High on the default bands
LOW_LEVELS = (1, 1, 1, 2)  # 1 x 2 = 2: Low


def _score(user, action, levels):
    """Scored at the October review: the score takes effect in October's reports (a score
    made later leaves October as it stood: tests/reports/test_reports_as_it_stood.py)."""
    financial, reputation, service_delivery, likelihood = levels
    with effective_month_during(OCTOBER):
        _scored(user, action, financial, reputation, service_delivery, likelihood)


def _scored(user, action, financial, reputation, service_delivery, likelihood):
    services.action_risk_score(
        user=user,
        action=action,
        financial=financial,
        reputation=reputation,
        service_delivery=service_delivery,
        likelihood=likelihood,
        note="Scored at the October review",
        expected_version=None,
    )


def _oc(plan) -> dict:
    report = theme_summary_build(plan=plan, month=OCTOBER)
    return next(t for t in theme_summary_json(report)["themes"] if t["code"] == "OC")


def _oc_records(plan):
    return next(r for r in theme_records(plan=plan, month=OCTOBER) if r.theme.code == "OC")


def test_scoring_a_medium_main_action_high_moves_it_from_amber_to_red(sample_plan, role_users):
    action = Action.objects.get(plan=sample_plan, ref=MEDIUM_REF)
    assert action.risk_level == RiskLevel.MEDIUM
    before = _oc(sample_plan)
    before_by_band = {b: v for b, v in before["milestones"]["by_risk"].items()}

    _score(role_users["pmo"], action, HIGH_LEVELS)
    after = _oc(sample_plan)

    assert after["main_actions"]["by_risk"]["red"] == before["main_actions"]["by_risk"]["red"] + 1
    assert (
        after["main_actions"]["by_risk"]["amber"] == before["main_actions"]["by_risk"]["amber"] - 1
    )
    assert after["main_actions"]["total"] == before["main_actions"]["total"]
    # Its milestones move with it, in the figures by band.
    subs = Action.objects.filter(parent=action).count()
    assert subs > 0
    red, amber = after["milestones"]["by_risk"]["red"], after["milestones"]["by_risk"]["amber"]
    assert red["main_actions"] == before_by_band["red"]["main_actions"] + 1
    assert amber["main_actions"] == before_by_band["amber"]["main_actions"] - 1
    assert red["milestones"] + amber["milestones"] == (
        before_by_band["red"]["milestones"] + before_by_band["amber"]["milestones"]
    )
    assert red["milestones"] > before_by_band["red"]["milestones"]
    # The JSON says where each counted main action's rating came from.
    sources = {m["ref"]: m for m in after["main_actions"]["risk_sources"]}
    assert sources[MEDIUM_REF] == {"ref": MEDIUM_REF, "band": "red", "source": "matrix"}
    assert len(sources) == after["main_actions"]["total"]
    # The imported level itself is not changed.
    action.refresh_from_db()
    assert action.risk_level == RiskLevel.MEDIUM


def test_the_theme_status_is_given_the_scored_band(sample_plan, role_users):
    action = Action.objects.get(plan=sample_plan, ref=MEDIUM_REF)
    _score(role_users["pmo"], action, HIGH_LEVELS)
    main = next(m for m in _oc_records(sample_plan).main_actions if m.ref == MEDIUM_REF)
    assert main.risk is RiskBand.HIGH
    assert main.band is Band.RED
    assert main.risk_scored


def test_an_unscored_main_action_keeps_its_imported_level(sample_plan, role_users):
    _score(role_users["pmo"], Action.objects.get(plan=sample_plan, ref=MEDIUM_REF), HIGH_LEVELS)
    others = Action.objects.filter(plan=sample_plan, theme__code="OC", is_main=True).exclude(
        ref=MEDIUM_REF
    )
    imported = {a.ref: a.risk_level for a in others}
    records = {m.ref: m for m in _oc_records(sample_plan).main_actions}
    sources = {m["ref"]: m for m in _oc(sample_plan)["main_actions"]["risk_sources"]}
    for ref, level in imported.items():
        expected = None if level == RiskLevel.UNRATED else RiskBand(level)
        assert records[ref].risk is expected
        assert not records[ref].risk_scored
        if ref in sources:
            assert sources[ref]["source"] == "import"


def test_the_score_follows_the_stored_bands(sample_plan, role_users):
    action = Action.objects.get(plan=sample_plan, ref=MEDIUM_REF)
    _score(role_users["pmo"], action, LOW_LEVELS)
    main = next(m for m in _oc_records(sample_plan).main_actions if m.ref == MEDIUM_REF)
    assert main.risk is RiskBand.LOW
    # An administrator widening Medium down to 2 moves the same score to amber.
    bands = RiskBands.objects.order_by("pk").first() or RiskBands()
    bands.low_from, bands.low_to, bands.medium_from, bands.medium_to = 1, 1, 2, 9
    bands.save()
    main = next(m for m in _oc_records(sample_plan).main_actions if m.ref == MEDIUM_REF)
    assert main.risk is RiskBand.MEDIUM


def test_the_period_report_counts_the_scored_band(sample_plan, role_users):
    def oc_risks():
        report = period_report_json(
            period_report_build(plan=sample_plan, end_month=OCTOBER, months=3)
        )
        theme = next(t for t in report["themes"] if t["code"] == "OC")
        return theme["figures"]["main_actions_by_risk"]

    before = oc_risks()
    _score(role_users["pmo"], Action.objects.get(plan=sample_plan, ref=MEDIUM_REF), HIGH_LEVELS)
    after = oc_risks()
    assert after["high"] == before["high"] + 1
    assert after["medium"] == before["medium"] - 1
    assert after["low"] == before["low"] and after["unrated"] == before["unrated"]


def _queries(build) -> int:
    with CaptureQueriesContext(connection) as context:
        build()
    return len(context.captured_queries)


def test_query_count_with_scores_is_independent_of_plan_size(role_users):
    small = plan_build(name="Small")
    large = plan_build(
        name="Large", themes=3, workstreams=3, main_actions=4, sub_actions=4, months=3
    )
    for plan, count in ((small, 1), (large, 8)):
        mains = Action.objects.filter(plan=plan, is_main=True).order_by("sort_key")[:count]
        for action in mains:
            _score(role_users["pmo"], action, HIGH_LEVELS)
    for build in (theme_summary_build, _period):
        assert _queries(lambda p=small, b=build: b(plan=p, month=OCTOBER)) == _queries(
            lambda p=large, b=build: b(plan=p, month=OCTOBER)
        )


def _period(*, plan, month):
    return period_report_build(plan=plan, end_month=month, months=3)
