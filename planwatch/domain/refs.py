"""Plan references such as OC.B1.3, and the small yes/no and risk-level cells beside them."""

import re
from dataclasses import dataclass

from planwatch.domain.cell_text import as_text, without_markup


@dataclass(frozen=True, order=True)
class Ref:
    """Theme OC, letter B, action 1, part 3; part 0 is the main action itself.

    `suffix` is a lettered part of a sub-action: SD.A1.3a is a part of SD.A1.3, which is a
    sub-action of SD.A1.0. A row with parts counts through its parts, as a main action with
    sub-actions does (docs/architecture.md, "Which actions count").
    """

    theme: str
    letter: str
    action: int
    part: int
    suffix: str = ""

    @property
    def is_main(self) -> bool:
        return self.part == 0 and not self.suffix

    @property
    def main_ref(self) -> str:
        return f"{self.theme}.{self.letter}{self.action}.0"

    @property
    def parent_ref(self) -> str | None:
        """The row this one belongs to: its sub-action for a part, else its main action."""
        if self.suffix:
            return f"{self.theme}.{self.letter}{self.action}.{self.part}"
        return None if self.is_main else self.main_ref

    def __str__(self) -> str:
        return f"{self.theme}.{self.letter}{self.action}.{self.part}{self.suffix}"


@dataclass(frozen=True)
class WrittenRef:
    """A Ref cell as the council typed it: `written` is the row's identity (kept, so CO.D.4.2
    and CO.D4.2 stay two rows); `ref` is the canonical form the hierarchy, search and sorting
    use; `reading` says how an irregular spelling was read, and is empty for a regular one."""

    written: str
    ref: Ref
    reading: str = ""


_REF = re.compile(r"([A-Z]{2})\s*\.\s*([A-Z])\s*(\d+)\s*\.\s*(\d+)([a-z]?)")
# The spellings the council's tracker uses besides the regular one (seed 004).
_EXTRA_DOT = re.compile(r"([A-Z]{2})\.([A-Z])\.(\d+)\.(\d+)")  # CO.D.2.0
_NO_PART_DOT = re.compile(r"([A-Z]{2})\.([A-Z])(\d)(\d)")  # PC.E14 for PC.E1.4
# A list bullet typed before a lettered part: "o SD.A1.3a".
_BULLET = re.compile(r"^(?:[o\u2022\u25e6*-]\s+)")


def _cleaned(text: object) -> str:
    cleaned = _BULLET.sub("", without_markup(as_text(text)).strip())
    # The lettered part stays lower case ("SD.A1.3a"); the rest is read in capitals.
    match = re.fullmatch(r"(.*\d)\s*([a-dA-D])", cleaned)
    if match and "." in match[1]:
        return match[1].upper() + match[2].lower()
    return cleaned.upper()


def read_ref(text: object) -> WrittenRef | None:
    """A Ref cell read tolerantly: " oc.a1.2 ", "<b>OC.A1.2</b>", "CO.D.2.0", "PC.E14",
    "SD.A1.3a"; None for anything that is not a plan reference."""
    cleaned = _cleaned(text)
    if match := _REF.fullmatch(cleaned):
        theme, letter, action, part, suffix = match.groups()
        ref = Ref(theme, letter, int(action), int(part), suffix)
        return WrittenRef("".join(cleaned.split()), ref)
    if match := _EXTRA_DOT.fullmatch(cleaned):
        theme, letter, action, part = match.groups()
        ref = Ref(theme, letter, int(action), int(part))
        return WrittenRef(cleaned, ref, f"'{cleaned}' read as {ref}")
    if match := _NO_PART_DOT.fullmatch(cleaned):
        theme, letter, action, part = match.groups()
        ref = Ref(theme, letter, int(action), int(part))
        return WrittenRef(cleaned, ref, f"'{cleaned}' read as {ref}")
    return None


def parse_ref(text: object) -> Ref | None:
    """The canonical Ref of a cell such as " oc.a1.2 ", "CO.D.2.0" or "SD.A1.3a"; or None."""
    written = read_ref(text)
    return written.ref if written else None


def ref_sort_key(ref: Ref) -> tuple[str, str, int, int, str]:
    """Numbers compare as numbers, so OC.A1.10 comes after OC.A1.9 (not between 1 and 2);
    a sub-action's lettered parts follow it (SD.A1.3, SD.A1.3a, SD.A1.3b, SD.A1.4)."""
    return (ref.theme, ref.letter, ref.action, ref.part, ref.suffix)


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


def ref_sort_text(ref: Ref, written: str = "") -> str:
    """The ref as text that sorts like ref_sort_key, for a database column to order by.

    A row written irregularly (CO.D.4.2 beside CO.D4.2) sorts straight after the regular
    spelling of its reading, so two rows read as one ref always come in the same order.
    """
    text = f"{ref.theme}.{ref.letter}.{ref.action:05d}.{ref.part:05d}{ref.suffix}"
    return f"{text}{IRREGULAR_MARK}{written}" if written and written != str(ref) else text


# Sorts after every character of a regular sort text, so irregular spellings follow it.
IRREGULAR_MARK = "~"
