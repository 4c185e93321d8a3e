"""A `Document` as HTML: a fragment of a planwatch page, and a standalone file, the PDF source."""

from __future__ import annotations

import base64
from collections.abc import Iterable

from django.utils.html import escape

from planwatch.plans.workbook_html import workbook_html
from planwatch.reports.rendering.alt_text import chart_alt_text
from planwatch.reports.rendering.document import (
    Bullets,
    Cell,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    cell_text,
)

# GOV.UK Frontend 6 tag modifiers for the council's RAG words.
_TAG_CLASS = {"green": "green", "amber": "yellow", "red": "red", "grey": "grey"}
_HEADING_CLASS = {
    1: "govuk-heading-l",
    2: "govuk-heading-m",
    3: "govuk-heading-s",
    4: "govuk-heading-s",
}


def _cell_html(value: str | Cell) -> str:
    text = _multiline(cell_text(value))
    if isinstance(value, Cell) and value.tone:
        return f'<strong class="govuk-tag govuk-tag--{_TAG_CLASS[value.tone]}">{text}</strong>'
    return text


def _multiline(text: str) -> str:
    return workbook_html(text)


def _table_html(table: Table, *, tag_cells: bool = True) -> str:
    head = "".join(
        f'<th scope="col" class="govuk-table__header">{escape(h)}</th>' for h in table.headers
    )
    body = []
    for row in table.rows:
        cells = []
        for value in row:
            if tag_cells:
                cells.append(f'<td class="govuk-table__cell">{_cell_html(value)}</td>')
            else:
                tone = value.tone if isinstance(value, Cell) else None
                klass = f' class="tone-{tone}"' if tone else ""
                cells.append(f"<td{klass}>{_multiline(cell_text(value))}</td>")
        body.append('<tr class="govuk-table__row">' + "".join(cells) + "</tr>")
    if not table.rows:
        body.append(
            f'<tr class="govuk-table__row"><td class="govuk-table__cell" '
            f'colspan="{len(table.headers)}">None.</td></tr>'
        )
    klass = "govuk-table long-rows" if table.long_rows else "govuk-table"
    return (
        f'<table class="{klass}">'
        f'<caption class="govuk-table__caption govuk-table__caption--s">{escape(table.caption)}'
        "</caption>"
        f'<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>'
        f'<tbody class="govuk-table__body">{"".join(body)}</tbody></table>'
    )


def _chart_parts(figure: Figure) -> tuple[str, Table]:
    from planwatch.domain.charts import chart_svg, chart_table

    headers, rows = chart_table(figure.chart)
    table = Table(f"{figure.chart.title}: the data", tuple(headers), tuple(map(tuple, rows)))
    return chart_svg(figure.chart), table


def _figure_html(figure: Figure, *, for_print: bool, for_pdf: bool = False) -> str:
    svg, table = _chart_parts(figure)
    caption = escape(figure.chart.title)
    if for_pdf:
        # A tagged PDF takes a figure's text alternative from an image's alt; inline SVG
        # gives it none. The chart is the same SVG, as an image.
        source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        svg = f'<img src="{source}" alt="{escape(chart_alt_text(figure.chart))}">'

    if for_print:
        data = _table_html(table, tag_cells=False)
    else:
        data = (
            '<details class="govuk-details"><summary class="govuk-details__summary">'
            '<span class="govuk-details__summary-text">Show the data as a table</span></summary>'
            f'<div class="govuk-details__text">{_table_html(table)}</div></details>'
        )
    return (
        f'<figure class="report-figure"><figcaption class="govuk-heading-s">{caption}'
        f'</figcaption><p class="govuk-body">{escape(figure.chart.description)}</p>'
        f"{svg}{data}</figure>"
    )


def _blocks_html(blocks: Iterable, *, for_print: bool, for_pdf: bool = False) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Section):
            # The page or file's own h1 is the report's title, so sections start at h2.
            level = max(block.level, 2)
            klass = _HEADING_CLASS.get(block.level, "govuk-heading-s")
            out.append(f'<h{level} class="{klass}">{escape(block.heading)}</h{level}>')
            out.append(_blocks_html(block.blocks, for_print=for_print, for_pdf=for_pdf))
        elif isinstance(block, Paragraph):
            label = f"<strong>{escape(block.label)}</strong> " if block.label else ""
            out.append(f'<p class="govuk-body">{label}{_multiline(block.text)}</p>')
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{_multiline(item)}</li>" for item in block.items)
            out.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        elif isinstance(block, Table):
            out.append(_table_html(block, tag_cells=not for_print))
        elif isinstance(block, Figure):
            out.append(_figure_html(block, for_print=for_print, for_pdf=for_pdf))
        else:
            raise TypeError(f"a report cannot hold a {type(block).__name__}")
    return "".join(out)


def document_html(doc: Document, *, with_title: bool = False) -> str:
    """The report as a fragment of a planwatch page: the page gives the h1 unless asked."""
    title = ""
    if with_title:
        title = f'<h1 class="govuk-heading-xl">{escape(doc.title)}</h1>'
    subtitle = f'<p class="govuk-body-l">{escape(doc.subtitle)}</p>' if doc.subtitle else ""
    note = ""
    if doc.status_note:
        note = (
            '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" '
            'aria-hidden="true">!</span><strong class="govuk-warning-text__text">'
            f'<span class="govuk-visually-hidden">Warning</span>{escape(doc.status_note)}'
            "</strong></div>"
        )
    return title + subtitle + note + _blocks_html(doc.sections, for_print=False)


_PRINT_CSS = """
@page { size: A4 %(orientation)s; margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; }
  @bottom-left { content: "%(footer)s"; font: 8pt sans-serif; } }
body { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt;
  color: #0b0c0c; line-height: 1.3; }
h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 15pt; margin: 14pt 0 4pt;
  border-bottom: 2px solid #1d70b8; padding-bottom: 2pt; }
h3 { font-size: 12pt; margin: 10pt 0 3pt; } h4, h5, h6 { font-size: 10pt; margin: 8pt 0 2pt; }
h2, h3, h4 { page-break-after: avoid; }
.subtitle { font-size: 11pt; color: #505a5f; margin: 0 0 8pt; }
.status-note { font-size: 11pt; border-left: 4pt solid #d4351c; padding-left: 6pt; }
p { margin: 0 0 5pt; } ul { margin: 0 0 6pt; padding-left: 14pt; }
table { border-collapse: collapse; width: 100%%; margin: 0 0 8pt; page-break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 0 0 3pt; break-after: avoid; }
th, td { border: 0.6pt solid #b1b4b6; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #f3f2f1; } thead { display: table-header-group; } tr { page-break-inside: avoid; }
table.long-rows tr { page-break-inside: auto; }
td.tone-green { background: #00703c; color: #fff; }
td.tone-red { background: #d4351c; color: #fff; }
td.tone-amber { background: #ffdd00; } td.tone-grey { background: #b1b4b6; }
figure { margin: 6pt 0 10pt; page-break-inside: avoid; } figcaption { font-weight: bold; }
figure svg, figure img { max-width: 100%%; height: auto; }
"""


def document_standalone_html(doc: Document, *, for_pdf: bool = False) -> str:
    """A whole HTML page with print styles: the file a reader can open, and the PDF's source
    (`for_pdf`: charts as images with alt text, which a tagged PDF carries)."""
    css = _PRINT_CSS % {
        "orientation": "landscape" if doc.landscape else "portrait",
        "footer": escape(doc.title + (f" ({doc.status_note})" if doc.status_note else "")).replace(
            '"', "'"
        ),
    }
    subtitle = f'<p class="subtitle">{escape(doc.subtitle)}</p>' if doc.subtitle else ""
    if doc.status_note:
        subtitle += f'<p class="status-note"><strong>{escape(doc.status_note)}</strong></p>'

    body = _blocks_html(doc.sections, for_print=True, for_pdf=for_pdf)
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(doc.title)}</title><style>{css}</style></head>"
        f"<body><h1>{escape(doc.title)}</h1>{subtitle}{body}</body></html>"
    )
