"""PMO's own theme status for a month: set with a reason, shown beside the computed status and
its reasons in every layout and the JSON, removable, and refused without a reason."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.models import ReportLayout, Theme
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeStatusOverride
from planwatch.reports.rendering.html import document_html
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.layouts import layout_document
from planwatch.reports.theme_summary.overrides import theme_status_override_set

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db
REASON = "Leadership Team judged the slippage recovered at its 1 November meeting."


@pytest.fixture
def culture(sample_plan):
    return Theme.objects.get(plan=sample_plan, code="OC")


def _oc(plan):
    report = theme_summary_build(plan=plan, month=OCTOBER)
    return report, next(p for p in report.themes if p.code == "OC")


def _other(rag: str) -> str:
    return "green" if rag != "green" else "red"


def test_the_override_is_shown_with_the_computed_status_kept_beside_it(sample_plan, culture, pmo):
    _, before = _oc(sample_plan)
    computed = before.figures.status.rag
    wanted = _other(computed)
    assert theme_status_override_set(
        user=pmo, theme=culture, month=OCTOBER, rag=wanted, reason=REASON
    )
    report, after = _oc(sample_plan)
    assert after.rag == wanted and after.figures.status.rag == computed
    assert after.status_reasons[0].endswith(REASON)
    assert f"Computed by the Theme Status Key: {computed.capitalize()}." in after.status_reasons
    status = next(t for t in theme_summary_json(report)["themes"] if t["code"] == "OC")[
        "theme_status"
    ]
    assert (status["rag"], status["shown"]) == (computed, wanted)
    assert status["override"]["reason"] == REASON and status["override"]["set_by"] == "pmo"
    for layout in ReportLayout:
        html = document_html(layout_document(report, None, layout))
        assert REASON in html, layout


def test_removing_the_override_restores_the_computed_status(sample_plan, culture, pmo):
    rag = _other(_oc(sample_plan)[1].figures.status.rag)
    theme_status_override_set(user=pmo, theme=culture, month=OCTOBER, rag=rag, reason=REASON)
    assert theme_status_override_set(user=pmo, theme=culture, month=OCTOBER, rag="") is True
    _, part = _oc(sample_plan)
    assert part.status_override is None and part.rag == part.figures.status.rag
    # The history keeps what was set, and by whom.
    assert ThemeStatusOverride.history.filter(history_type="-").count() == 1


@pytest.mark.parametrize(
    ("rag", "reason", "message"),
    [("amber", "  ", "Say why"), ("purple", REASON, "Choose Green, Amber or Red")],
)
def test_an_override_needs_a_colour_and_a_reason(sample_plan, culture, pmo, rag, reason, message):
    with pytest.raises(ReportError, match=message):
        theme_status_override_set(user=pmo, theme=culture, month=OCTOBER, rag=rag, reason=reason)
    assert not ThemeStatusOverride.objects.exists()


def test_only_pmo_sets_a_theme_status(sample_plan, culture, role_users):
    with pytest.raises(PermissionDenied):
        theme_status_override_set(
            user=role_users["approver"], theme=culture, month=OCTOBER, rag="red", reason=REASON
        )


def test_the_page_sets_it_and_refuses_a_missing_reason(pmo_client, sample_plan):
    url = reverse("reports:theme_status_edit", args=["OC"]) + "?plan=Improvement+Plan&month=2022-10"
    page = pmo_client.get(url)
    assert page.status_code == 200 and "Computed by the Theme Status Key" in page.content.decode()
    refused = pmo_client.post(url, {"rag": "green", "reason": ""})
    assert refused.status_code == 400 and "Say why" in refused.content.decode()
    assert not ThemeStatusOverride.objects.exists()
    saved = pmo_client.post(url, {"rag": "green", "reason": REASON}, follow=True)
    assert "Saved the status of Organisational Culture" in saved.content.decode()
    assert ThemeStatusOverride.objects.get().rag == "green"
