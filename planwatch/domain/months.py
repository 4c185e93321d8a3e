"""Report months as people type them in a form or on the command line: "2022-10".

One reading for every page and command, so a month one page accepts is never refused by the
next. Years outside 1900-2999 are refused as typing slips (and Python's dates stop at year 1).
"""

import re
from datetime import date

_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2999


def month_parse(text: str | None) -> date | None:
    """The first day of the month "YYYY-MM" names, or None if it names none."""
    match = _MONTH.fullmatch((text or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_value(month: date | None) -> str:
    """The month as a form or a URL carries it; "" for none."""
    return f"{month:%Y-%m}" if month else ""
