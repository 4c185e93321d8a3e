"""Tiny but real files of every type evidence accepts, and some it must refuse."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

OOXML_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
        b"trailer <</Root 1 0 R>>\n%%EOF\n"
    )


def xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Measures of success met"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zipped(entries: dict[str, str | bytes], *, first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:
            archive.writestr(first, entries[first], compress_type=zipfile.ZIP_STORED)
        for name, content in entries.items():
            if name != first:
                archive.writestr(name, content)
    return buffer.getvalue()


def ooxml(main_part: str, *extra: str) -> bytes:
    entries = {"[Content_Types].xml": OOXML_TYPES, main_part: "<document/>"}
    entries.update({name: b"\x00" for name in extra})
    return zipped(entries)


def docx() -> bytes:
    return ooxml("word/document.xml")


def pptx() -> bytes:
    return ooxml("ppt/presentation.xml")


def odf(kind: str) -> bytes:
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    return zipped({"mimetype": mimetype, "content.xml": "<office:document/>"}, first="mimetype")


def ole2() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    pixels = zlib.compress(b"\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def gif() -> bytes:
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"


def webp() -> bytes:
    body = b"WEBPVP8L\x0a\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88"
    return b"RIFF" + struct.pack("<I", len(body)) + body


def exe() -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
        + b"\x00" * 200
        + b"PE\x00\x00"
    )


# extension -> (contents, the content type planwatch must store)
ALLOWED = {
    "pdf": (pdf, "application/pdf"),
    "docx": (docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "doc": (ole2, "application/msword"),
    "xls": (ole2, "application/vnd.ms-excel"),
    "ppt": (ole2, "application/vnd.ms-powerpoint"),
    "odt": (lambda: odf("text"), "application/vnd.oasis.opendocument.text"),
    "ods": (lambda: odf("spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (lambda: odf("presentation"), "application/vnd.oasis.opendocument.presentation"),
    "png": (png, "image/png"),
    "jpg": (jpeg, "image/jpeg"),
    "jpeg": (jpeg, "image/jpeg"),
    "gif": (gif, "image/gif"),
    "webp": (webp, "image/webp"),
    "txt": (lambda: "Minutes agreed (DS 17.10.22) – £1,200\n".encode(), "text/plain"),
    "csv": (lambda: b"ref,status\r\nOC.A1.3,On Track\r\n", "text/csv"),
}


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    """A file as Django hands an upload to a view; the browser's content type is not trusted."""
    return SimpleUploadedFile(name, content, content_type=content_type)
