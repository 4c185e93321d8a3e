"""Hostile tracker files, built in seconds, for the tests and for bench/hostile_files.py.

Each is the real thing an unbounded importer would choke on, not a file that merely looks
like one: the zip bomb is a valid workbook whose sharedStrings part really inflates to 400 MB.
"""

import csv
import io
import os
import struct
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

MB = 1024 * 1024
SHARED_STRINGS = "xl/sharedStrings.xml"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
TRACKER_ROWS = [
    ["Workstream", "Ref", "Action", "Due date", "Status (October 2022)"],
    ["Culture", "OC.A1.0", "Agree the values", "Dec 2022", "Complete"],
]
_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

Part = bytes | Iterable[bytes]


def workbook_parts(
    *, rows: list[list[str]] = TRACKER_ROWS, dimension: str = "", main_type: str = XLSX_MAIN
) -> dict[str, Part]:
    """The parts of a minimal genuine workbook, text in a sharedStrings part as Excel saves it.

    One sheet, "Theme 1 - Culture", holding `rows`; `dimension` is the used range the sheet
    declares (none if empty).
    """
    strings = list(dict.fromkeys(value for row in rows for value in row))
    index = {value: number for number, value in enumerate(strings)}
    sheet_rows = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{_column_letters(c)}{r}" t="s"><v>{index[value]}</v></c>'
            for c, value in enumerate(row, start=1)
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{main_type}"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
            "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_SML}" xmlns:r="{_REL}"><sheets>'
            '<sheet name="Theme 1 - Culture" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{_SML}">{declared}<sheetData>{sheet_rows}</sheetData></worksheet>'
        ).encode(),
        SHARED_STRINGS: _shared_strings(strings),
    }


def _shared_strings(strings: list[str], tail: Iterable[bytes] = ()) -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{_SML}">'.encode()
    yield "".join(f"<si><t>{escape(text)}</t></si>" for text in strings).encode()
    yield from tail
    yield b"</sst>"


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def write_zip(path: Path, parts: dict[str, Part], *, level: int = 6) -> Path:
    """Each part streamed into the zip, so a part of hundreds of MB is never held whole."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts.items():
            with archive.open(name, "w") as part:
                for chunk in [content] if isinstance(content, bytes) else content:
                    part.write(chunk)
    return path


def small_workbook(path: Path, **options) -> Path:
    """A genuine one-action tracker workbook."""
    return write_zip(path, workbook_parts(**options))


def zip_bomb(path: Path, *, inflated: int = 400 * MB) -> Path:
    """A genuine tracker workbook whose sharedStrings part inflates to `inflated` bytes: its
    own strings, then some 24 million more, packed into 2.6 MB. openpyxl reads every shared
    string into memory when it opens the workbook, before any sheet is read."""
    chunk = b"<si><t>x</t></si>" * (MB // 17)
    parts = workbook_parts()
    strings = list(dict.fromkeys(value for row in TRACKER_ROWS for value in row))
    parts[SHARED_STRINGS] = _shared_strings(strings, [chunk] * (inflated // len(chunk)))
    # Level 1: packs in under a second (level 9: 1 MB in 1.5 s).
    return write_zip(path, parts, level=1)


def lying_zip_bomb(path: Path, *, declared: int = 1000) -> Path:
    """The zip bomb with its central directory claiming the sharedStrings part is tiny."""
    zip_bomb(path)
    data = bytearray(path.read_bytes())
    name = SHARED_STRINGS.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, declared)
            break
        at = data.find(b"PK\x01\x02", at + 4)
    else:
        raise AssertionError("no central directory entry for sharedStrings")
    path.write_bytes(bytes(data))
    return path


def entity_bomb(path: Path) -> Path:
    """A workbook whose sharedStrings part is a "billion laughs" entity expansion (2 KB)."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    parts = workbook_parts()
    parts[SHARED_STRINGS] = (
        '<?xml version="1.0"?>\n<!DOCTYPE sst [' + "".join(levels) + "]>"
        f'<sst xmlns="{_SML}">' + "<si><t>&lol9;</t></si>" * 5 + "</sst>"
    ).encode()
    return write_zip(path, parts)


def wide_csv(path: Path, *, columns: int = 10_000, rows: int = 5) -> Path:
    """A tracker CSV with `columns` extra columns, each filled in every row."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Workstream", "Ref", "Action"] + [f"Note {i}" for i in range(columns)])
        for row in range(rows):
            writer.writerow(
                ["Culture", f"OC.A1.{row}", "Title"] + [f"v{i}" for i in range(columns)]
            )
    return path


def long_csv(path: Path, *, rows: int) -> Path:
    """A tracker CSV with `rows` action rows."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Workstream", "Ref", "Action"])
        for row in range(rows):
            writer.writerow(["Culture", f"OC.A{row // 100 + 1}.{row % 100}", f"Action {row}"])
    return path


def macro_workbook(path: Path, *, how: str = "suffix") -> Path:
    """A workbook with macros: named .xlsm ('suffix'), with a vbaProject.bin part ('part'), or
    declaring the macro-enabled content type ('content_type')."""
    parts = workbook_parts(main_type=XLSM_MAIN if how == "content_type" else XLSX_MAIN)
    if how == "part":
        parts["xl/vbaProject.bin"] = b"\xcc" * 512
    return write_zip(path, parts)


def word_document(path: Path) -> Path:
    """A genuine Word document (python-docx), saved under whatever name `path` gives."""
    import docx

    document = docx.Document()
    document.add_paragraph("Improvement Plan tracker, October 2022")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def compound_file(path: Path, entries: list[tuple[str, int]]) -> Path:
    """A minimal OLE2 Compound File Binary (version 3, [MS-CFB]) holding `entries`, each a
    (name, type) pair: 1 a storage, 2 a stream (left empty).

    Sector 0 is the FAT; the directory (the root entry, then `entries`) follows in as many
    512-byte sectors as it needs, chained through the FAT as a real file chains them. The
    streams' content is not needed to tell what the file is.
    """
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD

    def entry(name: str, kind: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        block = bytearray(128)
        block[: len(encoded)] = encoded
        struct.pack_into("<HBB", block, 64, len(encoded), kind, 1)
        struct.pack_into("<III", block, 68, free, free, free)  # siblings and child: none
        struct.pack_into("<II", block, 116, end, 0)  # no sectors, size 0
        return bytes(block)

    directory = entry("Root Entry", 5) + b"".join(entry(name, kind) for name, kind in entries)
    count = -(-len(directory) // 512)
    directory += b"\x00" * (count * 512 - len(directory))
    chain = [*range(2, count + 1), end]  # directory sector n (from 1) points to n + 1
    fat = struct.pack("<128I", fat_sector, *chain, *([free] * (127 - count)))
    header = bytearray(512)
    header[0:8] = CFB_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    # directory sectors (0 in v3), FAT sectors, first directory sector, transaction, mini
    # stream cutoff, first mini FAT sector, mini FAT sectors, first DIFAT sector, DIFAT sectors
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    path.write_bytes(bytes(header) + fat + directory)
    return path


def encrypted_workbook(path: Path) -> Path:
    """What Excel saves for "Encrypt with Password": the encrypted .xlsx inside a compound
    file, with its data-space storages and the two encryption streams."""
    return compound_file(
        path,
        [
            ("\x06DataSpaces", 1),
            ("Version", 2),
            ("DataSpaceMap", 2),
            ("DataSpaceInfo", 1),
            ("StrongEncryptionDataSpace", 2),
            ("TransformInfo", 1),
            ("StrongEncryptionTransform", 1),
            ("\x06Primary", 2),
            ("EncryptionInfo", 2),
            ("EncryptedPackage", 2),
        ],
    )


def legacy_xls(path: Path) -> Path:
    return compound_file(
        path,
        [("Workbook", 2), ("\x05SummaryInformation", 2), ("\x05DocumentSummaryInformation", 2)],
    )


def padded_workbook(path: Path, *, size: int) -> Path:
    """A genuine tracker workbook made about `size` bytes long by an extra part of random
    bytes, which openpyxl never reads."""
    parts = workbook_parts()
    parts["docProps/padding.bin"] = os.urandom(size - 2000)
    return write_zip(path, parts, level=0)
