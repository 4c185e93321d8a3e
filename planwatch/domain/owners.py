"""Reading the plan's owner cells as roles that people hold.

The tracker names owners by role, written many ways: "Director- Law & Governance",
"Director - Law and Governance", "<b>Director-Regeneration &amp; Growth</b>", truncated as
"Director - Business Strat", or several in one cell ("Director- Business Strategy & Change
Director- Law", "Leader of the Council / Cabinet Member for Regeneration and Growth").
"""

import html
import re

_MARKUP = re.compile(r"<[^>]+>")
_SEPARATORS = re.compile(r"\s*(?:/|;|\n|\r|,\s*(?=director|cabinet member|head of))\s*", re.I)
# A new role starts wherever one of these titles begins, even with no separator between.
_ROLE_STARTS = re.compile(
    r"(?<=\S)\s+(?=(?:director|cabinet member|head of|assistant director|strategic lead"
    r"|service manager|group head|leader of the council|deputy leader|dept leader"
    r"|chief executive|scrutiny|arac)\b)",
    re.I,
)
# Committees and bodies named beside a role; they are not people who report.
_NOT_ROLES = {"scrutiny", "arac", "cabinet", "council", "leadership team", "commissioners"}
_ABBREVIATIONS = {"dept": "deputy", "strat": "strategy", "transf": "transformation"}


def owner_key(text: str) -> str:
    """A comparison key: case, markup, dashes, '&'/'and' and spacing do not matter."""
    cleaned = html.unescape(_MARKUP.sub("", text)).lower().replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", cleaned)
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def split_owner_cell(text: str | None) -> list[str]:
    """The separate roles one owner cell names, as written (markup removed), in order."""
    if not text:
        return []
    cleaned = html.unescape(_MARKUP.sub("", text)).strip()
    parts: list[str] = []
    for chunk in _SEPARATORS.split(cleaned):
        parts.extend(_ROLE_STARTS.split(chunk))
    roles: list[str] = []
    for part in parts:
        part = part.strip(" -–,")
        if (
            part
            and owner_key(part) not in _NOT_ROLES
            and owner_key(part) not in map(owner_key, roles)
        ):
            roles.append(part)
    return roles


def match_role(written: str, known: dict[str, str]) -> str | None:
    """The key of the known role `written` names, allowing for truncation ("… Business Strat").

    `known` maps keys to display names. A truncated name matches only when exactly one
    known role starts with it, so an ambiguous abbreviation is never guessed.
    """
    key = owner_key(written)
    if not key:
        return None
    if key in known:
        return key
    starting = [candidate for candidate in known if candidate.startswith(key + " ")]
    return starting[0] if len(starting) == 1 else None
