"""A `Document` as a Word file: real headings, bullet lists and tables, landscape A4."""

from __future__ import annotations

import io

from docx import Document as new_word_document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from planwatch.domain.emphasis import emphasis_runs, plain_text
from planwatch.reports.rendering.alt_text import chart_alt_text
from planwatch.reports.rendering.document import (
    SHADE,
    Bullets,
    Cell,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    cell_text,
)

_PAGE_LONG, _PAGE_SHORT = Mm(297), Mm(210)
_MARGIN = Mm(14)


def _page_setup(word, *, landscape: bool) -> None:
    section = word.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = _PAGE_LONG, _PAGE_SHORT
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = _PAGE_SHORT, _PAGE_LONG
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _MARGIN)
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)


def _text_width(word):
    section = word.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def _shade(cell, tone: str) -> None:
    fill, colour = SHADE[tone]
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor.from_string(colour)


def _repeat_header(row) -> None:
    # Long tables break across pages; Word repeats a row marked as a header on each page.
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_cell_text(cell, text: str, *, bold: bool = False) -> None:
    _add_text(cell.paragraphs[0], text, bold=bold)


def _add_text(paragraph, text: str, *, bold: bool = False) -> None:
    """Report text as Word runs: the workbook's bold and italic kept, its breaks as breaks."""
    for piece in emphasis_runs(text):
        lines = piece.text.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            # Setting False writes an element per run; a large report has thousands.
            if bold or piece.bold:
                run.bold = True
            if piece.italic:
                run.italic = True
            if number < len(lines) - 1:
                run.add_break()


_STYLES = ("Caption", "Table Grid", "List Bullet")


def _style(word, name: str):
    # python-docx finds a style given by name by searching them all, on every call; a long
    # report asks thousands of times, so each document's styles are looked up once.
    return word.planwatch_styles[name]


def _column_weights(headers, rows) -> list[float]:
    """Share the page width by what each column holds: Word otherwise gives every column the
    same width, and a theme's name breaks mid-word beside a column of one-digit counts. A
    column is at least as wide as its longest word (a ref, "Significant"), and long text
    takes a share of the rest."""
    weights = []
    for index, header in enumerate(headers):
        texts = [header] + [plain_text(cell_text(row[index])) for row in rows]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        longest_text = max(len(text) for text in texts)
        # A character of a word is wider than the average one of a long text (bold, capitals).
        weights.append(max(min(longest_word, 16) * 1.3, min(longest_text, 120) / 3, 3))
    return weights


def _table(word, table: Table) -> None:
    caption = word.add_paragraph(table.caption, style=_style(word, "Caption"))
    caption.paragraph_format.keep_with_next = True
    rows = table.rows or (("None.",) + ("",) * (len(table.headers) - 1),)
    grid = word.add_table(rows=1 + len(rows), cols=len(table.headers))
    grid.style = _style(word, "Table Grid")
    grid.autofit = False
    weights = _column_weights(table.headers, rows)
    total = sum(weights)
    widths = [int(_text_width(word) * weight / total) for weight in weights]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        _set_cell_text(cell, header, bold=True)
    _repeat_header(grid.rows[0])
    for row, values in zip(grid.rows[1:], rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            _set_cell_text(cell, cell_text(value))
            if isinstance(value, Cell) and value.tone:
                _shade(cell, value.tone)
    word.add_paragraph()


def _figure(word, figure: Figure) -> None:
    import cairosvg

    from planwatch.domain.charts import chart_svg, chart_table

    png = cairosvg.svg2png(bytestring=chart_svg(figure.chart).encode("utf-8"), scale=2)
    title = word.add_paragraph(figure.chart.title, style=_style(word, "Caption"))
    title.paragraph_format.keep_with_next = True
    picture = word.add_picture(io.BytesIO(png), width=min(_text_width(word), Mm(230)))
    # Word reads a picture's alt text from its drawing properties (wp:docPr/@descr).
    picture._inline.docPr.set("descr", chart_alt_text(figure.chart))
    picture._inline.docPr.set("title", figure.chart.title)
    word.add_paragraph(figure.chart.description)
    headers, rows = chart_table(figure.chart)
    _table(word, Table(f"{figure.chart.title}: the data", tuple(headers), tuple(map(tuple, rows))))


def _blocks(word, blocks) -> None:
    for block in blocks:
        if isinstance(block, Section):
            word.add_heading(block.heading, level=block.level)
            _blocks(word, block.blocks)
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph()
            if block.label:
                paragraph.add_run(block.label + " ").bold = True
            _add_text(paragraph, block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                _add_text(word.add_paragraph(style=_style(word, "List Bullet")), item)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Figure):
            _figure(word, block)
        else:
            raise TypeError(f"a report cannot hold a {type(block).__name__}")


def _language(word, tag: str = "en-GB") -> None:
    """The document's language, for spelling and for screen readers: python-docx's template
    says en-US, in the defaults every style inherits."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), tag)
    theme_language = word.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), tag)
    word.core_properties.language = tag


def document_docx(doc: Document) -> bytes:
    word = new_word_document()
    _language(word)
    word.planwatch_styles = {name: word.styles[name] for name in _STYLES}
    _page_setup(word, landscape=doc.landscape)
    word.core_properties.title = doc.title
    word.core_properties.subject = doc.subtitle
    word.add_heading(doc.title, level=0)
    if doc.subtitle:
        word.add_paragraph(doc.subtitle)
    if doc.status_note:
        word.add_paragraph().add_run(doc.status_note).bold = True
        footer = word.sections[0].footer.paragraphs[0]
        footer.text = f"{doc.title}: {doc.status_note}"
    _blocks(word, doc.sections)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
