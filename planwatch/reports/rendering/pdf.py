"""A `Document` as PDF: WeasyPrint's reading of the standalone HTML, so the PDF and the page
share one markup path."""

from __future__ import annotations

from planwatch.reports.rendering.document import Document
from planwatch.reports.rendering.html import document_standalone_html


def document_pdf(doc: Document) -> bytes:
    # WeasyPrint loads Pango at import; only PDF downloads should pay for it.
    from weasyprint import HTML

    # PDF/UA-1 makes WeasyPrint tag the document (headings, tables, figures with their alt
    # text), which screen readers need: councils publish these with their Cabinet papers.
    return HTML(string=document_standalone_html(doc, for_pdf=True)).write_pdf(
        pdf_variant="pdf/ua-1"
    )
