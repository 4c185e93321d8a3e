"""Theme names when a workbook only gives part of them.

Excel cuts sheet names at 31 characters ("Theme 1 - Organisational Cultur"), so a theme
named only by its sheet may arrive truncated. These are the themes' names as the
Improvement Plan document writes them; a truncated name is completed only when it is
the start of the name the plan gives that theme's code.
"""

import re

PLAN_THEME_NAMES = {
    "OC": "Organisational Culture",
    "CO": "Corporate Oversight",
    "SD": "Strategic Direction",
    "DM": "Decision Making",
    "PC": "Procurement & Commercial",
    "PR": "Partnerships & Relationships",
}


def complete_theme_name(code: str, written: str) -> str:
    written = re.sub(r"\s+", " ", written).strip(" -–:")
    known = PLAN_THEME_NAMES.get(code)
    if not written:
        return known or code
    if known and known.lower().startswith(written.lower()):
        return known
    return written
