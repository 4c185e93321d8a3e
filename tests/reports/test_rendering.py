"""One Document, read as a page fragment, a standalone page, Word and PDF."""

import io
from pathlib import Path

import pypdfium2
import pytest
from docx import Document as open_word
from docx.enum.section import WD_ORIENT

from planwatch.reports.rendering.document import Bullets, Cell, Document, Paragraph, Section, Table
from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.html import document_html, document_standalone_html
from planwatch.reports.rendering.pdf import document_pdf

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _doc(**overrides) -> Document:
    exceptions = Table(
        "Focus 2 Exceptions",
        ("Ref", "Action", "Rating", "Due"),
        (
            ("OC.G1.3", "Governance Training & <Development>", Cell("Amber", "amber"), "May 2024"),
            ("OC.G1.5", "Directorships and Trusteeships\nTraining", Cell("Red", "red"), "Jul 23"),
        ),
    )
    theme = Section(
        "Organisational Culture",
        (
            Paragraph("Of the 16 main action areas, there are: 7 amber.", label="Summary:"),
            Bullets(("Budget Holder Role Profile agreed", "New Member Induction")),
            Section("Focus 2 Exceptions", (exceptions,), level=3),
        ),
        level=2,
    )
    values = {
        "title": "Theme Progress Summary October 2022",
        "subtitle": "Sandwell",
        "sections": (theme,),
    }
    return Document(**{**values, **overrides})


def test_a_row_with_the_wrong_number_of_cells_is_refused():
    with pytest.raises(ValueError, match="row 1 has 1 cells for 2 headers"):
        Table("Broken", ("A", "B"), (("only one",),))


def test_an_unknown_tone_is_refused():
    with pytest.raises(ValueError, match="unknown tone"):
        Cell("Purple", "purple")


def test_the_page_fragment_escapes_text_and_draws_tones_as_govuk_tags():
    html = document_html(_doc())

    assert "Governance Training &amp; &lt;Development&gt;" in html
    assert '<strong class="govuk-tag govuk-tag--yellow">Amber</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in html
    assert '<h2 class="govuk-heading-m">Organisational Culture</h2>' in html
    assert '<h3 class="govuk-heading-s">Focus 2 Exceptions</h3>' in html
    assert "Directorships and Trusteeships<br>Training" in html
    assert "<strong>Summary:</strong> Of the 16" in html
    assert "<h1" not in html


def test_an_empty_table_says_none_rather_than_vanishing():
    doc = _doc(sections=(Section("Achievements", (Table("Completed", ("Ref", "Action"), ()),)),))

    assert 'colspan="2">None.</td>' in document_html(doc)


def test_the_standalone_page_is_landscape_unless_asked_otherwise():
    assert "size: A4 landscape" in document_standalone_html(_doc())
    assert "size: A4 portrait" in document_standalone_html(_doc(landscape=False))


def test_word_has_real_headings_tables_and_shaded_rag_cells_on_landscape_pages():
    word = open_word(io.BytesIO(document_docx(_doc())))

    headings = [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        ("Title", "Theme Progress Summary October 2022"),
        ("Heading 2", "Organisational Culture"),
        ("Heading 3", "Focus 2 Exceptions"),
    ]
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    [table] = word.tables
    assert [c.text for c in table.rows[0].cells] == ["Ref", "Action", "Rating", "Due"]
    assert table.rows[1].cells[1].text == "Governance Training & <Development>"
    assert 'w:fill="FFDD00"' in table.rows[1].cells[2]._tc.xml
    assert 'w:fill="D4351C"' in table.rows[2].cells[2]._tc.xml
    assert "w:tblHeader" in table.rows[0]._tr.xml
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Budget Holder Role Profile agreed", "New Member Induction"]


def test_the_pdf_renders_on_landscape_pages():
    pdf = pypdfium2.PdfDocument(document_pdf(_doc()))

    assert len(pdf) >= 1
    width, height = pdf[0].get_size()
    assert width > height
    ARTIFACTS.mkdir(exist_ok=True)
    pdf[0].render(scale=1.2).to_pil().save(ARTIFACTS / "rendering-sample-page.png")
    text = pdf[0].get_textpage().get_text_range()
    assert "Organisational Culture" in text
    assert "OC.G1.3" in text


def _chart_doc() -> Document:
    from planwatch.domain.charts import Chart, Series
    from planwatch.reports.rendering.document import Figure

    chart = Chart(
        kind="stacked_bar",
        title="Sub-action status by month",
        description="On track fell from 40 to 33 between September and October 2022.",
        x_labels=("Sep 2022", "Oct 2022"),
        series=(Series("On track", (40, 33), "#00703c"), Series("Medium", (20, 24), "#ffdd00")),
    )
    return _doc(sections=(Section("Dashboard", (Figure(chart),)),))


def test_a_chart_is_inline_svg_on_the_page_with_its_data_table():
    html = document_html(_chart_doc())

    assert "<svg" in html and 'role="img"' in html
    assert "Show the data as a table" in html
    assert '<td class="govuk-table__cell">33</td>' in html


def test_a_chart_is_a_picture_in_word_followed_by_its_data_table():
    word = open_word(io.BytesIO(document_docx(_chart_doc())))

    assert len(word.inline_shapes) == 1
    [table] = word.tables
    assert [c.text for c in table.rows[0].cells][1:] == ["On track", "Medium"]
    assert [c.text for c in table.rows[2].cells] == ["Oct 2022", "33", "24"]


def test_a_chart_is_drawn_in_the_pdf_with_its_data_table():
    pdf = pypdfium2.PdfDocument(document_pdf(_chart_doc()))

    pdf[0].render(scale=1.2).to_pil().save(ARTIFACTS / "rendering-chart-page.png")
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    assert "Sub-action status by month: the data" in text


def test_word_columns_are_as_wide_as_what_they_hold():
    word = open_word(io.BytesIO(document_docx(_doc())))

    [table] = word.tables
    widths = [cell.width for cell in table.rows[0].cells]
    ref, action, rating, _due = widths
    assert action > ref and action > rating
    assert sum(widths) <= word.sections[0].page_width - word.sections[0].left_margin * 2


def _marked_up() -> Document:
    table = Table(
        "Milestones due",
        ("Ref", "Due"),
        (("SD.A1.3a", "<b>Sep-22</b>"), ("OC.A1.2", "Dec 22 &amp; <i>quarterly</i>")),
    )
    return Document(
        "Summary",
        "",
        (Section("Theme", (Paragraph("Line one<br>line <b>two</b>"), table)),),
    )


def test_workbook_markup_is_drawn_as_emphasis_in_html_never_as_tags():
    html = document_html(_marked_up())

    assert "<strong>Sep-22</strong>" in html
    assert "Dec 22 &amp; <em>quarterly</em>" in html
    assert "Line one<br>line <strong>two</strong>" in html
    assert "&lt;b&gt;" not in html and "&amp;amp;" not in html


def test_workbook_markup_is_bold_and_italic_runs_in_word_never_tags():
    word = open_word(io.BytesIO(document_docx(_marked_up())))
    cells = [row.cells[1] for row in word.tables[0].rows[1:]]
    first, second = (cell.paragraphs[0].runs for cell in cells)

    assert [(r.text, r.bold) for r in first] == [("Sep-22", True)]
    assert [(r.text, bool(r.italic)) for r in second] == [("Dec 22 & ", False), ("quarterly", True)]
    body = "\n".join(p.text for p in word.paragraphs)
    assert "<b>" not in body and "line two" in body
