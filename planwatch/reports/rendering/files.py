"""A report as a file: the same bytes whether a page offers it for download or the command line
writes it."""

import json
from collections.abc import Callable

from django.http import HttpResponse

from planwatch.reports.rendering.document import Document
from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.html import document_standalone_html
from planwatch.reports.rendering.pdf import document_pdf

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
}

# What a page offers for download; the page itself is the HTML.
DOWNLOADS = ("docx", "pdf", "json")


def report_bytes(fmt: str, *, data: Callable[[], dict], document: Callable[[], Document]) -> bytes:
    """`data` gives the report's JSON, `document` its layout; each format asks only for what
    it needs, so JSON never lays the report out."""
    if fmt == "json":
        return json.dumps(data(), indent=2, ensure_ascii=False).encode()
    layout = document()
    if fmt == "html":
        return document_standalone_html(layout).encode()
    if fmt == "docx":
        return document_docx(layout)
    if fmt == "pdf":
        return document_pdf(layout)
    raise ValueError(f"unknown report format {fmt!r}")


def report_download(body: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
