"""Who signed a month's commentary, and when.

Officers sign their update with initials and a date: "(DS 17.10.22)" in brackets anywhere,
"DS 26.9.22" at the end of a line, or "NC 28/9/22:" opening it. The same shape also appears
in prose ("considered by LT 03/11/22 as per…"), so an unbracketed one counts only where a
signature sits: at the start of a line before a colon or dash, or at the end of a line.
"""

import re
from dataclasses import dataclass
from datetime import date

# Bodies, not people: "LT 03/11/22" is a Leadership Team meeting, never a signature.
_NOT_INITIALS = frozenset({"LT", "SLT", "IP", "LGA", "CEX"})

_INITIALS = r"(?<![A-Za-z])(?P<initials>[A-Z]{2,4})"
_DATE = r"(?P<date>\d{1,2}[./]\d{1,2}(?:[./](?:\d{4}|\d{2}))?)(?![\d./]*\d)"
_PATTERNS = (
    re.compile(r"\(\s*" + _INITIALS + r"\s+" + _DATE + r"\s*\)"),
    re.compile(r"^[ \t]*" + _INITIALS + r"[ \t]+" + _DATE + r"[ \t]*(?:[:\-\u2013\u2014]|$)", re.M),
    re.compile(_INITIALS + r"[ \t]+" + _DATE + r"[ \t.]*$", re.M),
)


@dataclass(frozen=True)
class Signature:
    initials: str
    date_text: str
    date: date | None


def _signed_on(date_text: str) -> date | None:
    parts = re.split(r"[./]", date_text)
    if len(parts) != 3:
        return None  # "(DS 17.10)" names no year, and guessing one could be wrong by a year
    day, month, year = (int(part) for part in parts)
    try:
        return date(2000 + year if len(parts[2]) == 2 else year, month, day)
    except ValueError:
        return None


def find_signature(text: object) -> Signature | None:
    """The last signature in the commentary (later remarks are signed after earlier ones)."""
    if not isinstance(text, str):
        return None  # numbers and dates in a commentary cell carry no signature
    found: list[tuple[int, str, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match["initials"] not in _NOT_INITIALS:
                found.append((match.start("initials"), match["initials"], match["date"]))
    if not found:
        return None
    _, initials, date_text = max(found)
    return Signature(initials, date_text, _signed_on(date_text))
