"""The report files are accessible documents (UK public sector accessibility regulations
2018): a tagged PDF/UA with its language and text alternatives, a Word file in en-GB with
alt text on every chart, and page markup that reads as the workbook meant it."""

import io
import zipfile
from datetime import date

import pikepdf
import pytest
from docx import Document as open_word
from docx.oxml.ns import qn

from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.pdf import document_pdf
from planwatch.reports.theme_summary.build import theme_summary_build
from planwatch.reports.theme_summary.document import document_for
from planwatch.reports.theme_summary.extras import theme_summary_extras

pytestmark = pytest.mark.django_db
OCTOBER = date(2022, 10, 1)


@pytest.fixture
def october(sample_plan):
    report = theme_summary_build(plan=sample_plan, month=OCTOBER)
    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER, risks=True)
    return document_for(report, extras)


def _structure(node, found: list) -> list:
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            _structure(kid, found)
    return found


@pytest.fixture
def pdf_structure(october):
    pdf = pikepdf.open(io.BytesIO(document_pdf(october)))
    return pdf, _structure(pdf.Root.StructTreeRoot, [])


def test_the_pdf_is_tagged_pdf_ua_in_british_english_with_a_title(pdf_structure):
    pdf, _elements = pdf_structure

    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked
    assert str(pdf.Root.Lang) == "en-GB"
    assert pdf.open_metadata().get("pdfuaid:part") == "1"
    assert "Theme Progress Summary October 2022" in str(pdf.docinfo.Title)


def test_every_figure_in_the_pdf_has_a_text_alternative(pdf_structure):
    _pdf, elements = pdf_structure
    figures = [e for e in elements if e.S == "/Figure"]

    assert figures, "the summary carries its charts"
    assert all(str(f.get("/Alt", "")).strip() for f in figures)


def test_the_pdf_marks_its_headings_and_table_headers(pdf_structure):
    _pdf, elements = pdf_structure
    kinds = {str(e.S) for e in elements}

    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/Caption"} <= kinds


def test_the_word_file_is_in_british_english_and_every_chart_has_alt_text(october):
    body = document_docx(october)
    word = open_word(io.BytesIO(body))
    defaults = word.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    pictures = word.inline_shapes

    assert language.get(qn("w:val")) == "en-GB"
    assert word.core_properties.language == "en-GB"
    assert b"en-US" not in zipfile.ZipFile(io.BytesIO(body)).read("word/settings.xml")
    assert len(pictures) > 0
    assert all(p._inline.docPr.get("descr", "").strip() for p in pictures)


def test_the_word_file_keeps_its_title_headings_and_repeating_header_rows(october):
    word = open_word(io.BytesIO(document_docx(october)))

    assert word.core_properties.title == "Improvement Plan Theme Progress Summary October 2022"
    assert any(p.style.name.startswith("Heading") for p in word.paragraphs)
    assert all(
        table.rows[0]._tr.trPr is not None
        and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for table in word.tables
    )
