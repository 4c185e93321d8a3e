"""A report for a past month reads the plan as it stood then: a later re-import or an
approved date change moves the reports of the months it took effect in, not earlier ones."""

from datetime import date

import pytest

from planwatch.changes.models import ChangeKind
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action
from planwatch.reports.period.build import period_report_build
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.updates.models import UpdateCycle
from tests.changes.helpers import OWNED, change_approve, change_raise
from tests.imports.workbooks import altered_sample

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(role_users):
    return role_users["approver"]


NOVEMBER, DECEMBER = date(2022, 11, 1), date(2022, 12, 1)
RERATED = {"OC.A2.0", "OC.C3.0", "OC.C4.0"}  # Medium Risk in the sample


def as_december_with_three_rerated(name, rows):
    """The sample rolled on to December (September's columns become December's) with three
    of Organisational Culture's Medium main actions re-rated High."""
    out = []
    for index, row in enumerate(rows):
        row = list(row)
        if index == 1 and name.startswith("Theme"):
            row[11] = "Status (December 2022)"
            row[12] = "Update (Initial and Date)(December 22)"
            row[15] = "December"
        elif index > 1 and name.startswith("Theme 1") and row[1] in RERATED:
            assert row[9] == "Medium Risk"
            row[9] = "High Risk"
        out.append(row)
    return out


def _oc_by_risk(plan, month: date) -> dict[str, int]:
    report = theme_summary_json(theme_summary_build(plan=plan, month=month))
    (oc,) = [t for t in report["themes"] if t["code"] == "OC"]
    return {band: oc["main_actions"]["by_risk"].get(band, 0) for band in ("red", "amber", "green")}


def _oc_sources(plan, month: date) -> dict[str, str]:
    report = theme_summary_json(theme_summary_build(plan=plan, month=month))
    (oc,) = [t for t in report["themes"] if t["code"] == "OC"]
    return {s["ref"]: s["band"] for s in oc["main_actions"]["risk_sources"]}


def test_a_december_reimport_rerating_three_main_actions_leaves_octobers_counts_alone(
    sample_plan, tmp_path
):
    october_before = _oc_by_risk(sample_plan, OCTOBER)
    september_before = _oc_by_risk(sample_plan, date(2022, 9, 1))

    tracker_import(
        path=altered_sample(tmp_path / "dec.xlsx", as_december_with_three_rerated),
        plan_name=sample_plan.name,
    )

    assert set(Action.objects.filter(ref__in=RERATED).values_list("risk_level", flat=True)) == {
        "high"
    }
    assert _oc_by_risk(sample_plan, OCTOBER) == october_before
    assert _oc_by_risk(sample_plan, date(2022, 9, 1)) == september_before
    december = _oc_by_risk(sample_plan, DECEMBER)
    assert december["red"] == october_before["red"] + 3
    assert december["amber"] == october_before["amber"] - 3
    assert {
        ref: band for ref, band in _oc_sources(sample_plan, OCTOBER).items() if ref in RERATED
    } == {ref: "amber" for ref in RERATED}


def test_a_december_reimport_leaves_the_quarter_to_october_alone_in_the_cabinet_report(
    sample_plan, tmp_path
):
    def oc_main_by_risk(end_month):
        report = period_report_build(plan=sample_plan, end_month=end_month, months=3)
        (oc,) = [t for t in report.themes if t.code == "OC"]
        return dict(oc.main_by_risk)

    october_before = oc_main_by_risk(OCTOBER)
    tracker_import(
        path=altered_sample(tmp_path / "dec.xlsx", as_december_with_three_rerated),
        plan_name=sample_plan.name,
    )

    assert oc_main_by_risk(OCTOBER) == october_before
    december = oc_main_by_risk(DECEMBER)
    assert december["high"] == october_before["high"] + 3


def _slipped_refs(plan, end_month: date) -> dict[str, str]:
    report = period_report_build(plan=plan, end_month=end_month, months=3)
    return {s.ref: s.current_due for t in report.themes for s in t.slipped}


def test_a_due_date_approved_in_november_leaves_the_quarter_to_october_unchanged(
    sample_plan, pmo, approver
):
    october_before = _slipped_refs(sample_plan, OCTOBER)
    assert OWNED not in october_before
    action = Action.objects.get(plan=sample_plan, ref=OWNED)

    # No cycle is open: the plan is being updated for the month after October's updates.
    change_approve(
        approver, change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "January 2023"})
    )

    assert _slipped_refs(sample_plan, OCTOBER) == october_before
    assert _slipped_refs(sample_plan, NOVEMBER)[OWNED] == "January 2023"


def test_a_change_made_while_a_cycle_is_open_takes_effect_in_that_cycles_month(
    sample_plan, pmo, approver
):
    UpdateCycle.objects.create(
        plan=sample_plan, month=DECEMBER, deadline=date(2022, 12, 20), opened_by=pmo
    )
    action = Action.objects.get(plan=sample_plan, ref=OWNED)
    change_approve(
        approver, change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "January 2023"})
    )

    assert action.history.first().effective_month == DECEMBER
    assert OWNED not in _slipped_refs(sample_plan, NOVEMBER)
    assert OWNED in _slipped_refs(sample_plan, DECEMBER)


def test_an_imports_versions_take_effect_in_the_workbooks_newest_month(sample_plan):
    months = set(
        Action.history.filter(plan_id=sample_plan.pk).values_list("effective_month", flat=True)
    )
    assert months == {OCTOBER}


def test_a_main_action_scored_after_october_leaves_octobers_counts_alone(sample_plan, role_users):
    from planwatch.risks.services import action_risk_score

    october_before = _oc_by_risk(sample_plan, OCTOBER)
    cabinet_before = _cabinet_oc(sample_plan, OCTOBER)
    action = Action.objects.get(plan=sample_plan, ref="OC.A1.0")  # Low Risk in the sample
    # Scored while the plan is being updated for November (no cycle open, updates to Oct).
    action_risk_score(
        user=role_users["pmo"], action=action, financial=4, reputation=4,
        service_delivery=4, likelihood=4, note="Scored at LT", expected_version=None,
    )  # fmt: skip

    assert _oc_by_risk(sample_plan, OCTOBER) == october_before
    assert _cabinet_oc(sample_plan, OCTOBER) == cabinet_before
    assert _oc_sources(sample_plan, OCTOBER)["OC.A1.0"] == "green"
    assert _oc_sources(sample_plan, NOVEMBER)["OC.A1.0"] == "red"
    november = _cabinet_oc(sample_plan, NOVEMBER)
    assert november["high"] == cabinet_before["high"] + 1
    assert november["low"] == cabinet_before["low"] - 1


def _cabinet_oc(plan, end_month):
    report = period_report_build(plan=plan, end_month=end_month, months=3)
    (oc,) = [t for t in report.themes if t.code == "OC"]
    return dict(oc.main_by_risk)
