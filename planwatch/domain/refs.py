"""Plan references such as OC.B1.3, and the small yes/no and risk-level cells beside them."""

import re
from dataclasses import dataclass

from planwatch.domain.cell_text import as_text, without_markup


@dataclass(frozen=True, order=True)
class Ref:
    """Theme OC, letter B, action 1, part 3; part 0 is the main action itself."""

    theme: str
    letter: str
    action: int
    part: int

    @property
    def is_main(self) -> bool:
        return self.part == 0

    @property
    def main_ref(self) -> str:
        return f"{self.theme}.{self.letter}{self.action}.0"

    def __str__(self) -> str:
        return f"{self.theme}.{self.letter}{self.action}.{self.part}"


_REF = re.compile(r"([A-Z]{2})\s*\.\s*([A-Z])\s*(\d+)\s*\.\s*(\d+)")


def parse_ref(text: object) -> Ref | None:
    """A Ref from a cell such as " oc.a1.2 " or "<b>OC.A1.2</b>"; None for anything else."""
    cleaned = without_markup(as_text(text)).strip().upper()
    match = _REF.fullmatch(cleaned)
    if match is None:
        return None
    theme, letter, action, part = match.groups()
    return Ref(theme, letter, int(action), int(part))


def ref_sort_key(ref: Ref) -> tuple[str, str, int, int]:
    """Numbers compare as numbers, so OC.A1.10 comes after OC.A1.9 (not between 1 and 2)."""
    return (ref.theme, ref.letter, ref.action, ref.part)


def _words(value: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", without_markup(as_text(value)).lower()).split())


_RISK_LEVELS = {
    "high risk": "high",
    "high": "high",
    "medium risk": "medium",
    "medium": "medium",
    "low risk": "low",
    "low": "low",
    "n a": "not_applicable",
    "na": "not_applicable",
    "not applicable": "not_applicable",
}


def parse_risk_level(text: object) -> tuple[str, bool]:
    """("high"|"medium"|"low"|"unrated"|"not_applicable", recognised).

    Sub-actions carry "N/A"; a blank main-action risk is simply not rated yet. Anything else
    is unrecognised and reads as unrated, so a typo never silently becomes a rating.
    """
    words = _words(text)
    if not words:
        return "unrated", True
    level = _RISK_LEVELS.get(words)
    return (level, True) if level else ("unrated", False)


_YES = frozenset({"yes", "y"})
_NO = frozenset({"no", "n", ""})


def parse_yes_no(text: object) -> bool | None:
    """Change-control flags: yes/y is True, no/n or blank is False, anything else None."""
    if isinstance(text, bool):
        return text
    words = _words(text)
    if words in _YES:
        return True
    if words in _NO:
        return False
    return None


def ref_sort_text(ref: Ref) -> str:
    """The ref as text that sorts like ref_sort_key, for a database column to order by."""
    return f"{ref.theme}.{ref.letter}.{ref.action:05d}.{ref.part:05d}"
