"""PMO words the 2022 layout's achievements and milestones cells itself, starting from the
computed lists; a blank cell shows the list; figures are never edited."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from planwatch.plans.models import ReportLayout, Theme
from planwatch.reports.models import ThemeCellText
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.cell_texts import cell_texts_save
from planwatch.reports.theme_summary.extras import theme_summary_extras
from planwatch.reports.theme_summary.files import theme_summary_files
from planwatch.reports.theme_summary.layout_2022 import computed_cells

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db

OWN = "September: the One Team Framework launched at the all-staff briefing."


def _oc_part(plan):
    return next(p for p in theme_summary_build(plan=plan, month=OCTOBER).themes if p.code == "OC")


def _url(plan) -> str:
    return reverse("reports:cell_texts_edit", args=["OC"]) + f"?plan={plan.name}&month=2022-10"


def test_the_page_starts_from_the_computed_lists_until_pmo_saves(sample_plan, pmo_client):
    achievements, milestones = computed_cells(_oc_part(sample_plan))

    html = pmo_client.get(_url(sample_plan)).content.decode()

    assert "Not saved yet: started from the computed lists for October 2022" in html
    assert milestones.splitlines()[0].replace("'", "&#x27;") in html
    assert achievements.splitlines()[0] in html


def test_pmos_wording_replaces_the_list_in_the_2022_files_and_leaves_the_other_cell_computed(
    sample_plan, pmo_client
):
    _, milestones = computed_cells(_oc_part(sample_plan))
    before = theme_summary_json(theme_summary_build(plan=sample_plan, month=OCTOBER))
    response = pmo_client.post(
        _url(sample_plan), {"achievements": OWN, "milestones_due": milestones}
    )
    report = theme_summary_build(plan=sample_plan, month=OCTOBER)
    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER)
    files = theme_summary_files(report, extras, ("html", "docx"), ReportLayout.COUNCIL_2022)
    word = "\n".join(
        cell.text
        for table in WordDocument(io.BytesIO(files["docx"])).tables
        for row in table.rows
        for cell in row.cells
    )

    assert response.status_code == 302
    row = ThemeCellText.objects.get(theme__code="OC", month=OCTOBER)
    assert (row.achievements, row.milestones_due) == (OWN, "")  # unchanged: still computed
    assert OWN in files["html"].decode() and OWN in word
    assert milestones.splitlines()[0] in word
    oc = next(t for t in theme_summary_json(report)["themes"] if t["code"] == "OC")
    assert oc["cell_texts"] == {"achievements": OWN, "milestones_due": ""}
    oc_before = next(t for t in before["themes"] if t["code"] == "OC")
    assert {k: v for k, v in oc.items() if k != "cell_texts"} == oc_before


def test_the_analysis_layout_keeps_its_own_lists(sample_plan, role_users):
    theme = Theme.objects.get(plan=sample_plan, code="OC")
    cell_texts_save(
        user=role_users["pmo"], theme=theme, month=OCTOBER, achievements=OWN, milestones_due=""
    )
    report = theme_summary_build(plan=sample_plan, month=OCTOBER)
    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER)
    files = theme_summary_files(report, extras, ("html",), ReportLayout.ANALYSIS)
    assert OWN not in files["html"].decode()


def test_clearing_both_cells_shows_the_computed_lists_again(sample_plan, role_users):
    theme = Theme.objects.get(plan=sample_plan, code="OC")
    pmo = role_users["pmo"]
    assert cell_texts_save(
        user=pmo, theme=theme, month=OCTOBER, achievements=OWN, milestones_due=""
    )
    assert not cell_texts_save(
        user=pmo, theme=theme, month=OCTOBER, achievements=f" {OWN} ", milestones_due=""
    )
    assert cell_texts_save(user=pmo, theme=theme, month=OCTOBER, achievements="", milestones_due="")

    assert not ThemeCellText.objects.exists()
    assert _oc_part(sample_plan).cell_texts is None
    assert ThemeCellText.history.count() == 2  # the wording and its removal are kept


def test_only_pmo_words_the_cells(sample_plan, role_users):
    from django.core.exceptions import PermissionDenied

    theme = Theme.objects.get(plan=sample_plan, code="OC")
    with pytest.raises(PermissionDenied):
        cell_texts_save(
            user=role_users["approver"],
            theme=theme,
            month=OCTOBER,
            achievements=OWN,
            milestones_due="",
        )
