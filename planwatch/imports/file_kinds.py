"""What kind of file a tracker really is, read from its content, never from its name.

A name says what the sender meant; the bytes say what openpyxl or csv would be handed.
A zip is an Excel workbook only if it has `[Content_Types].xml` and `xl/workbook.xml`;
Word and PowerPoint files are zips too. An OLE2 (Compound File Binary) file is either a
password-protected workbook (Excel wraps the encrypted .xlsx in one) or a pre-2007 Office
file. Anything else that decodes as text is read as CSV.
"""

import struct
import zipfile
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from .errors import TrackerImportError

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_SUFFIXES = {".xlsm", ".xltm", ".xlam"}
# [Content_Types].xml is a few KB; reading more than this of it is never needed.
_CONTENT_TYPES_MAX = 1024 * 1024


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', or TrackerImportError saying what the file is instead."""
    with path.open("rb") as handle:
        head = handle.read(len(CFB_MAGIC))
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head == CFB_MAGIC:
        raise TrackerImportError(_cfb_refusal(path))
    return "csv"


def workbook_check(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip that is not a macro-free Excel workbook, reading only its directory and
    its (bounded) content types."""
    names = {info.filename for info in archive.infolist()}
    if "word/document.xml" in names:
        raise TrackerImportError(f"{path.name} is a Word document, not an Excel workbook")
    if "ppt/presentation.xml" in names:
        raise TrackerImportError(f"{path.name} is a PowerPoint file, not an Excel workbook")
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise TrackerImportError(
            f"{path.name} is a zip file but not an Excel workbook (it has no xl/workbook.xml)"
        )
    if (
        path.suffix.lower() in MACRO_SUFFIXES
        or any(name.lower().endswith("vbaproject.bin") for name in names)
        or _declares_macros(archive)
    ):
        raise TrackerImportError(
            f"{path.name} is a macro-enabled workbook, which the council's IT policy does not "
            "allow: save it in Excel as 'Excel Workbook (.xlsx)' and import that"
        )


def _declares_macros(archive: zipfile.ZipFile) -> bool:
    with archive.open("[Content_Types].xml") as part:
        text = part.read(_CONTENT_TYPES_MAX + 1)
    if len(text) > _CONTENT_TYPES_MAX:
        return True  # no genuine workbook's content types are this long
    try:
        # Parsed, not searched: an attribute may spell the type with character references.
        root = ElementTree.fromstring(text)
    except (ElementTree.ParseError, DefusedXmlException):
        return True  # unreadable content types: not a workbook Excel saved
    return any("macroenabled" in element.get("ContentType", "").lower() for element in root.iter())


def _cfb_refusal(path: Path) -> str:
    try:
        names = cfb_entry_names(path.read_bytes())
    except ValueError:
        names = set()
    if names & {"EncryptionInfo", "EncryptedPackage"}:
        return f"{path.name} is password-protected: remove the password in Excel and save again"
    if names & {"Workbook", "Book"}:
        return (
            f"{path.name} is an Excel 97-2003 workbook (.xls): open it in Excel and save it as "
            "'Excel Workbook (.xlsx)'"
        )
    if "WordDocument" in names:
        return f"{path.name} is a Word 97-2003 document, not an Excel workbook"
    return f"{path.name} is an old-format Office file, not an Excel workbook (.xlsx) or a CSV file"


_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_LAST_REGULAR_SECTOR = 0xFFFFFFFA


def cfb_entry_names(data: bytes) -> set[str]:
    """The names of the storages and streams in a Compound File Binary file ([MS-CFB]).

    Reads the header, the FAT (through the DIFAT) and the directory chain, and nothing of the
    streams themselves. Every chain is walked at most once per sector, so a file whose
    chains loop or point outside it raises ValueError rather than running on.
    """
    if len(data) < 512 or not data.startswith(CFB_MAGIC):
        raise ValueError("not a compound file")
    sector_shift = struct.unpack_from("<H", data, 30)[0]
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << sector_shift
    sectors = (len(data) - size) // size + 1 if len(data) > size else 0
    first_directory, first_difat, difat_count = (
        struct.unpack_from("<I", data, 48)[0],
        *struct.unpack_from("<II", data, 68),
    )

    def sector(number: int) -> bytes:
        if number > _LAST_REGULAR_SECTOR or (number + 1) * size + size > len(data):
            raise ValueError(f"sector {number} is outside the file")
        return data[(number + 1) * size : (number + 2) * size]

    fat_sectors = [n for n in struct.unpack_from("<109I", data, 76) if n != _FREE]
    difat, seen = first_difat, set()
    while difat not in (_END_OF_CHAIN, _FREE) and len(seen) < difat_count:
        if difat in seen:
            raise ValueError("the DIFAT chain loops")
        seen.add(difat)
        entries = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors += [n for n in entries[:-1] if n != _FREE]
        difat = entries[-1]
    fat: list[int] = []
    for number in fat_sectors[: sectors + 1]:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))

    names: set[str] = set()
    current, walked = first_directory, set()
    while current != _END_OF_CHAIN:
        if current in walked or current >= len(fat):
            raise ValueError("the directory chain is broken")
        walked.add(current)
        block = sector(current)
        for offset in range(0, size, 128):
            name_length, kind = struct.unpack_from("<HB", block, offset + 64)
            if kind in (1, 2, 5) and 2 <= name_length <= 64:
                names.add(block[offset : offset + name_length - 2].decode("utf-16-le", "replace"))
        current = fat[current]
    return names
