"""What planwatch accepts as evidence: files checked by name *and* by content, and web links.

A file's extension says what it claims to be; its first bytes (and, for zip-based Office
and OpenDocument files, the entries inside) must agree, so a renamed program is refused.
Every refusal is one line a PMO officer can act on. Nothing here touches the database.
"""

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

GENERIC_REFUSAL = "{name} is not a PDF, Office document, image or text file"
HEAD_BYTES = 64 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml")
LINK_SCHEMES = ("http", "https")
LINK_MAX_LENGTH = 1000
NAME_MAX_LENGTH = 300


class EvidenceRefused(Exception):
    """Evidence planwatch will not keep, with the form field the reason is about."""

    def __init__(self, message: str, *, field: str) -> None:
        self.message = message
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    noun: str  # with its article, for "report.docx is not a real Word document"
    check: str  # which content check applies: see _CONTENT_CHECKS


def _types(*rows: tuple[str, str, str, str]) -> dict[str, FileType]:
    return {row[0]: FileType(*row) for row in rows}


OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
FILE_TYPES: dict[str, FileType] = _types(
    ("pdf", "application/pdf", "a PDF", "pdf"),
    ("docx", OOXML + "wordprocessingml.document", "a Word document", "ooxml"),
    ("xlsx", OOXML + "spreadsheetml.sheet", "an Excel workbook", "ooxml"),
    ("pptx", OOXML + "presentationml.presentation", "a PowerPoint presentation", "ooxml"),
    ("doc", "application/msword", "a Word document", "ole2"),
    ("xls", "application/vnd.ms-excel", "an Excel workbook", "ole2"),
    ("ppt", "application/vnd.ms-powerpoint", "a PowerPoint presentation", "ole2"),
    ("odt", ODF + "text", "an OpenDocument text", "odf"),
    ("ods", ODF + "spreadsheet", "an OpenDocument spreadsheet", "odf"),
    ("odp", ODF + "presentation", "an OpenDocument presentation", "odf"),
    ("png", "image/png", "a PNG image", "png"),
    ("jpg", "image/jpeg", "a JPEG image", "jpeg"),
    ("jpeg", "image/jpeg", "a JPEG image", "jpeg"),
    ("gif", "image/gif", "a GIF image", "gif"),
    ("webp", "image/webp", "a WebP image", "webp"),
    ("txt", "text/plain", "a text file", "text"),
    ("csv", "text/csv", "a CSV file", "text"),
)
# The part every genuine OOXML file of each kind has.
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ALLOWED_EXTENSIONS = tuple(FILE_TYPES)


def human_size(size: int) -> str:
    """14.2 MB, 512 KB, 900 bytes: in binary units, as Windows shows file sizes."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} byte" + ("" if size == 1 else "s")


def display_name(name: str) -> str:
    """The uploaded file's own name, without any folders or control characters."""
    base = os.path.basename(name.replace("\\", "/"))
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return (cleaned or "file")[:NAME_MAX_LENGTH]


def check_size(*, name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EvidenceRefused(f"{name} is empty", field="file")
    if size > max_bytes:
        shown, limit = human_size(size), human_size(max_bytes)
        if shown == limit:  # 10 MB and a few bytes: say it exactly
            shown, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
        raise EvidenceRefused(f"{name} is {shown}; the limit is {limit}", field="file")


def file_type_for(name: str) -> FileType:
    """The type a file claims by its extension, or a refusal naming what is allowed."""
    _, dot, extension = name.rpartition(".")
    file_type = FILE_TYPES.get(extension.lower()) if dot else None
    if file_type is None:
        raise EvidenceRefused(GENERIC_REFUSAL.format(name=name), field="file")
    return file_type


def check_file(*, name: str, size: int, stream: BinaryIO, max_bytes: int) -> FileType:
    """Refuse the file unless its size, name and contents all say an allowed type.

    Leaves `stream` at its start. Returns the type, whose content type is what is stored
    and served, whatever the browser claimed.
    """
    name = display_name(name)
    check_size(name=name, size=size, max_bytes=max_bytes)
    file_type = file_type_for(name)
    stream.seek(0)
    try:
        problem = _CONTENT_CHECKS[file_type.check](stream, file_type)
    finally:
        stream.seek(0)
    if problem:
        raise EvidenceRefused(problem.format(name=name, noun=file_type.noun), field="file")
    return file_type


MISMATCH = "{name} is not really {noun}: its contents do not match its name"


def _starts_with(*signatures: bytes):
    def check(stream: BinaryIO, file_type: FileType) -> str:
        head = stream.read(16)
        return "" if head.startswith(signatures) else MISMATCH

    return check


def _check_pdf(stream: BinaryIO, file_type: FileType) -> str:
    # Readers accept the header anywhere in the first kilobyte, and so do we.
    return "" if b"%PDF-" in stream.read(1024) else MISMATCH


def _check_webp(stream: BinaryIO, file_type: FileType) -> str:
    head = stream.read(12)
    return "" if head[:4] == b"RIFF" and head[8:12] == b"WEBP" else MISMATCH


def _zip_names(stream: BinaryIO) -> tuple[zipfile.ZipFile, set[str]] | None:
    if stream.read(4) != b"PK\x03\x04":
        return None
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
        return archive, set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _check_ooxml(stream: BinaryIO, file_type: FileType) -> str:
    opened = _zip_names(stream)
    if opened is None:
        return MISMATCH
    _, names = opened
    if "[Content_Types].xml" not in names or OOXML_MAIN_PART[file_type.extension] not in names:
        return MISMATCH
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return "{name} contains macros: save it as a file without macros and add it again"
    return ""


def _check_odf(stream: BinaryIO, file_type: FileType) -> str:
    opened = _zip_names(stream)
    if opened is None:
        return MISMATCH
    archive, names = opened
    if "mimetype" not in names:
        return MISMATCH
    try:
        with archive.open("mimetype") as entry:
            declared = entry.read(100).strip()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return MISMATCH
    return "" if declared == file_type.content_type.encode() else MISMATCH


def _check_text(stream: BinaryIO, file_type: FileType) -> str:
    head = stream.read(HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Excel's "Unicode text"
        # "replace": the sample may end inside a character; control characters still show.
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
        head = text.encode("utf-8", errors="replace")
    if TEXT_CONTROL_BYTES.intersection(head):
        return MISMATCH
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(MARKUP_STARTS):
        return "{name} is a web page or markup, not plain text: save it as a PDF instead"
    return ""


_CONTENT_CHECKS = {
    "pdf": _check_pdf,
    "ooxml": _check_ooxml,
    "odf": _check_odf,
    "ole2": _starts_with(OLE2_SIGNATURE),
    "png": _starts_with(b"\x89PNG\r\n\x1a\n"),
    "jpeg": _starts_with(b"\xff\xd8\xff"),
    "gif": _starts_with(b"GIF87a", b"GIF89a"),
    "webp": _check_webp,
    "text": _check_text,
}


_LINK_VALIDATOR = URLValidator(schemes=list(LINK_SCHEMES))


def check_link(url: str) -> str:
    """The link, trimmed, if it is a well-formed http(s) address; a refusal otherwise."""
    url = url.strip()
    if not url:
        raise EvidenceRefused("Enter a link", field="url")
    if len(url) > LINK_MAX_LENGTH:
        raise EvidenceRefused(
            f"The link must be {LINK_MAX_LENGTH:,} characters or fewer", field="url"
        )
    scheme = urlsplit(url).scheme.lower() if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) else ""
    if scheme not in LINK_SCHEMES:
        raise EvidenceRefused(
            "Enter a link that starts with https:// or http://, "
            "for example https://intranet.example.gov.uk/report",
            field="url",
        )
    try:
        _LINK_VALIDATOR(url)
    except ValidationError:
        raise EvidenceRefused(
            "Enter the link in full, for example https://intranet.example.gov.uk/report",
            field="url",
        ) from None
    return url
