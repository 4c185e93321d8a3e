"""The summary's charts, and the assurance and risk sections PMO can ask for."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document as open_word

from planwatch.domain.charts import chart_table
from planwatch.reports.rendering.html import document_html
from planwatch.reports.theme_summary.document import document_for
from planwatch.reports.theme_summary.extras import theme_summary_extras

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db

# Column headings of the status chart and the summary's groups they must agree with.
CHART_TO_GROUP = {
    "On track": ("on_track",),
    "Medium progress": ("medium",),
    "Significant issues / slippage": ("significant",),
    "Not due to start": ("not_due_to_start",),
    "Complete or closed": ("completed_this_month", "completed_earlier"),
}


def _headings(document) -> list[str]:
    found = []

    def walk(blocks):
        for block in blocks:
            if hasattr(block, "heading"):
                found.append(block.heading)
                walk(block.blocks)

    walk(document.sections)
    return found


def test_each_themes_chart_agrees_with_its_summary_figures_for_the_month(
    sample_plan, october_report
):
    from planwatch.reports.theme_summary.build import theme_summary_json

    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER)
    figures = {
        t["code"]: t["milestones"]["by_group"] for t in theme_summary_json(october_report)["themes"]
    }

    for part, chart in zip(october_report.themes, extras.theme_charts, strict=True):
        headers, rows = chart_table(chart)
        october = dict(zip(headers, rows[-1], strict=True))
        assert october[headers[0]] == "Oct 2022"
        for column, groups in CHART_TO_GROUP.items():
            expected = sum(figures[part.code][group] for group in groups)
            assert int(october[column]) == expected, (part.code, column)


def test_the_report_never_charts_months_after_its_own(sample_plan):
    from datetime import date

    extras = theme_summary_extras(plan=sample_plan, month=date(2022, 9, 1))

    for chart in (*extras.plan_charts, *extras.theme_charts):
        assert chart.x_labels == ("Sep 2022",)


def test_charts_are_always_in_and_the_optional_sections_only_when_asked(
    sample_plan, october_report
):
    plain = document_for(october_report, theme_summary_extras(plan=sample_plan, month=OCTOBER))
    full = document_for(
        october_report,
        theme_summary_extras(plan=sample_plan, month=OCTOBER, assurance=True, risks=True),
    )

    assert "Plan progress over the months" in _headings(plain)
    assert _headings(plain).count("Progress over the months") == 6
    assert "Assurance: ratings to question" not in _headings(plain)
    assert "Risk register and heatmap" not in _headings(plain)
    assert _headings(full).count("Assurance: ratings to question") == 6
    assert "Risk register and heatmap" in _headings(full)


def test_the_assurance_section_lists_each_themes_open_flags(sample_plan, october_report):
    from planwatch.assurance.selectors import assurance_flags

    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER, assurance=True)
    html = document_html(document_for(october_report, extras))

    flags = [
        row
        for theme in assurance_flags(plan=sample_plan, month=OCTOBER).themes
        for row in theme.open
    ]
    assert flags
    for row in flags:
        assert row.ref in html
        assert row.flag.reason.split(":")[0] in html


def test_the_json_carries_the_chart_tables_and_the_flags_when_asked(pmo_client, sample_plan):
    url = reverse("reports:theme_summary")
    data = pmo_client.get(url, {"month": "2022-10", "format": "json", "assurance": "on"}).json()

    overdue, burnup = data["charts"]["plan"]
    assert overdue["title"] == "Overdue sub-actions by month"
    assert burnup["title"].startswith("Burn-up")
    assert overdue["table"][-1][0] == "Oct 2022"
    assert len(data["charts"]["themes"]) == 6
    assert sum(len(theme["flags"]) for theme in data["assurance"]) > 0
    without = pmo_client.get(url, {"month": "2022-10", "format": "json"}).json()
    assert "assurance" not in without


def test_the_page_carries_the_chosen_sections_into_its_download_links(pmo_client, sample_plan):
    response = pmo_client.get(
        reverse("reports:theme_summary"), {"month": "2022-10", "assurance": "on", "risks": "on"}
    )

    assert response.status_code == 200
    links = [href for _, href in response.context["downloads"]]
    assert all("assurance=on" in href and "risks=on" in href for href in links)
    assert "Assurance: ratings to question" in response.content.decode()


def test_the_command_adds_the_sections_it_is_asked_for(sample_plan, tmp_path):
    output = tmp_path / "summary.docx"

    call_command(
        "report",
        "theme-summary",
        "--month",
        "2022-10",
        "--format",
        "docx",
        "--output",
        str(output),
        "--with-assurance",
        "--with-risks",
        "--layout",
        "analysis",
    )

    word = open_word(io.BytesIO(output.read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Risk register and heatmap" in headings
    assert headings.count("Assurance: ratings to question") == 6
    assert len(word.inline_shapes) == 2 + 6


def test_a_council_layout_adds_them_after_the_theme_tables(sample_plan, tmp_path):
    output = tmp_path / "summary.docx"
    call_command(
        "report", "theme-summary", "--month", "2022-10", "--format", "docx",
        "--output", str(output), "--with-assurance", "--with-risks", "--layout", "2022",
    )  # fmt: skip
    word = open_word(io.BytesIO(output.read_bytes()))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    # One assurance section, a sub-heading per theme, then the register, then the key.
    start = headings.index("Assurance: ratings to question")
    assert headings[start + 1 : start + 7] == [t.name for t in sample_plan.themes.order_by("order")]
    assert headings[-2:] == ["Risk register and heatmap", "Theme Status Key"]


def test_json_from_the_command_matches_the_page(pmo_client, sample_plan, tmp_path):
    output = tmp_path / "summary.json"
    call_command(
        "report", "theme-summary", "--month", "2022-10", "--format", "json", "--output", str(output)
    )
    page = pmo_client.get(reverse("reports:theme_summary"), {"month": "2022-10", "format": "json"})

    assert json.loads(output.read_text()) == page.json()
