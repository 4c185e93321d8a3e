"""The October 2022 summary as JSON, Word and PDF: the prose says what the figures say, every
section is there, Word has real headings and tables in landscape, and the PDF renders."""

import io
import json
import re
from pathlib import Path

import pytest
from django.utils.html import escape

from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.html import document_html
from planwatch.reports.rendering.pdf import document_pdf
from planwatch.reports.theme_summary.build import theme_summary_json
from planwatch.reports.theme_summary.document import document_for as theme_summary_document

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SECTIONS = (
    "Summary statement",
    "Achievements this period (September 2022 to October 2022)",
    "Milestones due (rolling 3 months: October 2022 to December 2022)",
    "Focus 1: workstream updates",
    "Focus 2: exceptions",
    "Theme status",
)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"(?<![\w.])(\d+)(?![\w.])", text)]


def test_json_is_serialisable_and_the_prose_numbers_are_the_figures(october_report):
    data = json.loads(json.dumps(theme_summary_json(october_report)))
    assert data["month"] == "2022-10" and data["has_updates"] is True
    for theme in data["themes"]:
        main, groups = theme["main_actions"], theme["milestones"]["by_group"]
        risk = main["by_risk"]
        first, second = theme["summary"][:2]
        assert _numbers(first)[:5] == [
            main["total"],
            risk["red"],
            risk["amber"],
            risk["green"],
            risk["unrated"],
        ]
        assert _numbers(second)[0] == theme["milestones"]["counted"]
        assert _numbers(second)[-5:] == [
            groups["on_track"],
            groups["not_due_to_start"],
            groups["completed_this_month"],
            groups["significant"],
            groups["medium"],
        ]
        for ref in (m["ref"] for m in theme["milestones"]["significant"]):
            assert any(ref in sentence for sentence in theme["summary"])
        for ref in (m["ref"] for m in theme["milestones"]["medium"]):
            assert any(ref in sentence for sentence in theme["summary"])


def test_web_fragment_has_every_section_of_every_theme(october_report):
    html = document_html(theme_summary_document(october_report))
    for part in october_report.themes:
        assert escape(f"{part.name} ({part.code})") in html
    for heading in SECTIONS:
        count = len(re.findall(f"<h3[^>]*>{re.escape(escape(heading))}</h3>", html))
        assert count == len(october_report.themes), heading
    assert "No narrative written for October 2022." in html


def test_word_has_headings_tables_and_is_landscape(october_report):
    from docx import Document as Word
    from docx.enum.section import WD_ORIENT

    word = Word(io.BytesIO(document_docx(theme_summary_document(october_report))))
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Overview" in headings and "Organisational Culture (OC)" in headings
    for heading in SECTIONS:
        assert headings.count(heading) == 6, heading
    overview = word.tables[0]
    assert overview.rows[0].cells[0].text == "Theme"
    assert [row.cells[0].text for row in overview.rows[1:]] == [
        t.name for t in october_report.themes
    ]
    # A theme's exceptions table holds its amber and red sub-actions.
    oc = october_report.themes[0]
    refs = {e.line.ref for e in oc.figures.exceptions}
    found = next(t for t in word.tables if t.rows[0].cells[0].text == "Ref" and len(t.columns) == 6)
    assert {row.cells[0].text for row in found.rows[1:]} == refs


def test_pdf_renders_and_page_one_is_saved_to_look_at(october_report):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(document_pdf(theme_summary_document(october_report)))
    assert len(pdf) > 1
    page = pdf[0]
    assert page.get_width() > page.get_height()  # landscape
    text = page.get_textpage().get_text_range()
    assert "Theme Progress Summary October 2022" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.render(scale=1.5).to_pil().save(ARTIFACTS / "theme-summary-2022-10-page1.png")
