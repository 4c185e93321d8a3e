"""Adding and editing risks: validated, PMO only, links checked against the plan, audited,
and optimistic-locked."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.plans.concurrency import EditConflict
from planwatch.risks import services
from planwatch.risks.errors import RiskError
from planwatch.risks.models import Risk, RiskStatus
from planwatch.risks.selectors import register_list, risk_get
from planwatch.risks.services import RiskData

from .helpers import TODAY, risk_add

pytestmark = pytest.mark.django_db


def test_a_pmo_officer_adds_a_risk_with_links_and_scores(pmo, plan):
    risk = risk_add(
        pmo,
        plan,
        "r01",
        cause="Capacity",
        theme_codes=["TA"],
        action_refs=["TA.A1.0"],
        mitigating_action_refs=["TB.A2.0"],
        inherent_financial=2,
        inherent_reputation=4,
        inherent_service_delivery=1,
        inherent_likelihood=3,
        residual_impact=3,
        residual_likelihood=2,
    )

    assert risk.reference == "R01"
    assert [t.code for t in risk.themes.all()] == ["TA"]
    assert [a.ref for a in risk.actions.all()] == ["TA.A1.0"]
    assert [a.ref for a in risk.mitigating_actions.all()] == ["TB.A2.0"]
    row = register_list(plan=plan)[0]
    assert (row.inherent.impact, row.inherent.score, row.inherent.band) == (4, 12, "high")
    assert (row.residual.score, row.residual.band) == (6, "medium")
    assert row.target is None
    assert risk.history.get().history_user == pmo


@pytest.mark.parametrize("role", ["viewer", "owner", "approver"])
def test_only_pmo_writes_the_register(role_users, plan, role):
    with pytest.raises(PermissionDenied):
        risk_add(role_users[role], plan)

    assert not Risk.objects.exists()


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"title": "  "}, "title", "Enter the risk's title"),
        ({"theme_codes": ["ZZ"]}, "theme_codes", "no theme ZZ"),
        ({"action_refs": ["TA.Z9.0"]}, "action_refs", "no action TA.Z9.0"),
        ({"mitigating_action_refs": ["nonsense"]}, "mitigating_action_refs", "not an action"),
        ({"inherent_financial": 2}, "inherent_reputation", "Score every part of the inherent"),
        ({"residual_impact": 2}, "residual_likelihood", "Score every part of the residual"),
        ({"target_likelihood": 5, "target_impact": 1}, "target_likelihood", "1 to 4"),
    ],
)
def test_invalid_risks_are_refused_with_the_field_at_fault(pmo, plan, fields, field, message):
    with pytest.raises(RiskError, match=message) as caught:
        risk_add(pmo, plan, **fields)

    assert caught.value.field == field
    assert not Risk.objects.exists()


def test_a_reference_is_used_once_per_plan(pmo, plan):
    risk_add(pmo, plan, "R01")

    with pytest.raises(RiskError, match="already a risk") as caught:
        risk_add(pmo, plan, "r01")

    assert caught.value.field == "reference"


def test_editing_changes_fields_and_links_and_keeps_history(pmo, plan):
    risk = risk_add(pmo, plan, theme_codes=["TA"])
    data = RiskData.of(risk_get(pk=risk.pk))
    data.title, data.theme_codes, data.owner = "Capacity to deliver", ["TB"], "Director - Finance"

    services.risk_update(user=pmo, risk=risk, data=data, expected_version=1, today=TODAY)

    risk = risk_get(pk=risk.pk)
    assert (risk.title, risk.owner, risk.version) == (
        "Capacity to deliver",
        "Director - Finance",
        2,
    )
    assert [t.code for t in risk.themes.all()] == ["TB"]
    history = list(risk.history.order_by("history_date"))
    assert [h.title for h in history] == ["Risk R01", "Capacity to deliver"]  # a row per save
    # Each row keeps the links as they were after that save.
    assert [h.links_text for h in history] == ["Themes: TA", "Themes: TB"]
    assert history[1].history_user == pmo


def test_of_two_officers_editing_one_risk_the_second_gets_a_conflict(pmo, plan):
    risk = risk_add(pmo, plan)
    first, second = RiskData.of(risk_get(pk=risk.pk)), RiskData.of(risk_get(pk=risk.pk))
    first.title, second.title = "First", "Second"
    services.risk_update(user=pmo, risk=risk, data=first, expected_version=1, today=TODAY)

    with pytest.raises(EditConflict):
        services.risk_update(user=pmo, risk=risk, data=second, expected_version=1, today=TODAY)

    assert Risk.objects.get().title == "First"


def test_closing_a_risk_records_the_day_and_reopening_clears_it(pmo, plan):
    risk = risk_add(pmo, plan)
    data = RiskData.of(risk_get(pk=risk.pk))
    data.status = RiskStatus.CLOSED
    services.risk_update(user=pmo, risk=risk, data=data, expected_version=1, today=TODAY)
    later = date(2022, 12, 1)
    services.risk_update(user=pmo, risk=risk, data=data, expected_version=2, today=later)

    assert Risk.objects.get().closed_on == TODAY  # still closed: the first day stands

    data.status = RiskStatus.OPEN
    services.risk_update(user=pmo, risk=risk, data=data, expected_version=3, today=later)
    assert Risk.objects.get().closed_on is None


def test_the_register_filters_by_theme_and_status_and_flags_overdue_reviews(pmo, plan):
    risk_add(pmo, plan, "R01", theme_codes=["TA"], review_date=date(2022, 10, 1))
    risk_add(pmo, plan, "R02", theme_codes=["TB"], review_date=date(2022, 11, 1))
    risk_add(pmo, plan, "R03", theme_codes=["TA", "TB"], status=RiskStatus.CLOSED)

    def refs(**kwargs):
        return [row.risk.reference for row in register_list(plan=plan, today=TODAY, **kwargs)]

    assert refs() == ["R01", "R02", "R03"]
    assert refs(theme="TA") == ["R01", "R03"]
    assert refs(theme="TB", status="open") == ["R02"]
    rows = register_list(plan=plan, today=TODAY)
    assert [row.review_overdue for row in rows] == [True, False, False]


def test_the_audit_trail_shows_who_changed_a_risks_links(pmo, plan):
    from planwatch.audit.selectors import change_rows

    risk = risk_add(pmo, plan, theme_codes=["TA"])
    data = RiskData.of(risk_get(pk=risk.pk))
    data.theme_codes, data.action_refs = ["TB"], ["TB.A1.0"]
    services.risk_update(user=pmo, risk=risk, data=data, expected_version=1, today=TODAY)

    changed = [
        row[1:3] + row[5:9]
        for row in change_rows(start=None, end=None)
        if row[2] == "Risk" and row[5] == "changed"
    ]
    assert changed == [
        ["pmo", "Risk", "changed", "links_text", "Themes: TA", "Themes: TB; Actions: TB.A1.0"]
    ]
