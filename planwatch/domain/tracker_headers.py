"""Reading a tracker's header rows: which monthly field a column holds and which month it is for.

The council prints its tracker page by page, and a PMO may paste the pages one under the
other, each with its own group rows ("Static data", "Owners", "Progress against plan",
"Change Control required", "October Update Due") above its own header row. The pages do
not agree: one header says "Update (Initial and Date)(October 22)", the next
"Update (Initial and Date)/October 22"; a change-control column is headed only "October",
or only "Change Control required" with its month in the group row; and the group rows sit a
column to the left or right of where they belong, by a different amount on each page.

So a column is read from its own header first; the group cells above it only fill what the
header leaves unsaid; and the neighbouring Status column is the last resort for a month.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MonthYear = tuple[int, int | None]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
MONTHLY_FIELDS = ("status", "commentary", "change_control")

_MONTH_TEXT = re.compile(r"^([a-z]+)\.?\s*[-/ ]?\s*'?(\d{2}|\d{4})?$")
_PARENTHESISED = re.compile(r"\(([^()]*)\)")
# A month written after the header's words: "...Date)September 22", "...Date)/October 22",
# "Change Control required October" (a cell split over two lines, joined).
_TRAILING_MONTH = re.compile(r"(?:^|[\s)/\-–:,])([a-z]+\.?\s*[-/ ]?\s*'?(?:\d{4}|\d{2})?)\)?$")
_STATUS = re.compile(r"^(?:status|progress against plan|rag status)\b")
_COMMENTARY = re.compile(
    r"^(?:update|evidence of status rating|commentary|progress update|evidence)\b"
)
# Group cells over the static columns: they say "not a monthly column" as firmly as the
# monthly ones say which monthly column.
STATIC_GROUPS = frozenset({"static data", "owners", "dates", "main action risk", "workstream"})
_FULL_MONTH = re.compile(
    r"\b(january|february|march|april|june|july|august|september|sept|october|november|december"
    r"|may(?=\s*'?\d))\b\.?\s*'?(\d{4}|\d{2})?\b"
)
# The rows above a header read as group rows: the council's have two.
MAX_GROUP_ROWS = 3


def normalise(text: object) -> str:
    """Lower-case, markup-free, single-spaced header text."""
    if text is None:
        return ""
    cleaned = re.sub(r"<[^>]+>", "", str(text)).replace("&amp;", "&")
    return re.sub(r"\s+", " ", cleaned.replace("\u00a0", " ")).strip().lower()


def month_from_text(text: object) -> MonthYear | None:
    """Read "October 2022", "Oct 22", "September 22" or "October" as (month, year or None)."""
    match = _MONTH_TEXT.match(normalise(text))
    if not match or match.group(1) not in MONTHS:
        return None
    year_text = match.group(2)
    if year_text is None:
        return MONTHS[match.group(1)], None
    year = int(year_text)
    return MONTHS[match.group(1)], year + 2000 if year < 100 else year


def header_month(text: object) -> MonthYear | None:
    """The month a header names: its last bracketed month ("Status (October 2022)"), a month
    written after its words ("Update (Initial and Date)September 22", ".../October 22"), or
    the whole header ("October")."""
    cleaned = normalise(text)
    for candidate in reversed(_PARENTHESISED.findall(cleaned)):
        if found := month_from_text(candidate):
            return found
    if found := month_from_text(cleaned):
        return found
    trailing = _TRAILING_MONTH.search(cleaned)
    return month_from_text(trailing.group(1)) if trailing else None


def monthly_field(text: object) -> str | None:
    """ "status", "commentary" or "change_control" when the words name one, else None."""
    cleaned = normalise(text)
    if "change control" in cleaned:
        return "change_control"
    if _STATUS.match(cleaned):
        return "status"
    if _COMMENTARY.match(cleaned):
        return "commentary"
    return None


def group_month(text: object) -> MonthYear | None:
    """The month a group cell names ("October Update Due"), from full month names only, so
    that "Dates" or "Main Action Risk" never read as one; "May" only with a year."""
    match = _FULL_MONTH.search(normalise(text))
    if not match:
        return None
    return month_from_text(f"{match.group(1)} {match.group(2) or ''}")


def group_field(text: object) -> str | None:
    """What a group cell says of the columns under it: a monthly field, "static", or None
    for a cell that says nothing of the kind ("October Update Due" gives only a month)."""
    cleaned = normalise(text)
    if cleaned in STATIC_GROUPS:
        return "static"
    if group_month(cleaned) is not None and "change control" not in cleaned:
        return None
    return monthly_field(cleaned)


def is_group_cell(text: object) -> bool:
    """A cell a group row holds: a known group name, or a short text naming a month."""
    cleaned = normalise(text)
    if not cleaned:
        return False
    if group_field(cleaned) is not None:
        return cleaned in STATIC_GROUPS or len(cleaned.split()) <= 4
    return group_month(cleaned) is not None and len(cleaned.split()) <= 5


def is_group_row(values: Sequence[object]) -> bool:
    """A row above a header that groups its columns: it names at least one group, and every
    filled cell is one (a row of plan text that merely lacks its ref is not a group row)."""
    filled = [value for value in values if normalise(value)]
    return bool(filled) and all(is_group_cell(value) for value in filled)


@dataclass(frozen=True)
class HeaderCell:
    """What a header cell says by its own words: `kind` is "static", a monthly field, or
    None when it names none (a bare "October", an unknown or blank header)."""

    kind: str | None
    month: MonthYear | None = None


@dataclass(frozen=True)
class GroupReading:
    """What the group cells above one header column give it."""

    field: str | None = None
    month: MonthYear | None = None


# How far the printed pages move a group row: a column either way on most pages, four on
# the first page of seed 004, whose first row of groups lost its leading empty cells.
MAX_SHIFT = 4
_SHIFTS = sorted(range(-MAX_SHIFT, MAX_SHIFT + 1), key=lambda s: (abs(s), -s))


def read_groups(
    groups: Sequence[Sequence[object]], header: Sequence[HeaderCell]
) -> list[GroupReading]:
    """For each header column, the monthly field and the month its group cells give.

    In the workbook a group cell is merged over its columns. The printed pages lose the
    merged cells' edges, so one page's group row sits a column to the left, the next a
    column to the right, and a row that lost its empty cells slides several columns. So each
    group row is first moved by the shift (up to MAX_SHIFT, the smallest on a tie) that best
    agrees with what the header cells say by themselves: "Owners" over static columns,
    "Progress against plan" over a Status column, "October Update Due" over October's.
    Then a group cell covers its own column, and, for a header cell that names nothing
    itself, the columns up to the next group cell; a cell straight above a column beats one
    spanning to it from the left, and the row nearest the header comes first. A month cell
    with nothing around it to place it by ("October Update Due" alone in its row) also
    covers the column before it, where a row shifted right would have started its span. The header's
    own words always win (see `column_map` in imports/columns.py), so a group cell only fills
    a gap, never overturns what a header says.
    """
    rows = [_placed(row, header) for row in reversed(groups)]
    readings = []
    for index in range(len(header)):
        exact = [text for row in rows for column, text in row if column == index]
        spanning = []
        for row in rows:
            before = [text for column, text in row if column < index]
            if before:
                spanning.append(before[-1])
        after = [text for row in rows for column, text in row if column == index + 1]
        field = next((f for f in map(group_field, exact + spanning) if f is not None), None)
        months = map(group_month, exact + spanning + after)
        month = next((m for m in months if m is not None), None)
        readings.append(GroupReading(None if field == "static" else field, month))
    return readings


def _placed(row: Sequence[object], header: Sequence[HeaderCell]) -> list[tuple[int, str]]:
    cells = [(i, str(value)) for i, value in enumerate(row) if normalise(value)]
    shift = max(_SHIFTS, key=lambda s: (_agreement(cells, s, header), -_SHIFTS.index(s)))
    return [(column + shift, text) for column, text in cells]


def _agreement(cells: list[tuple[int, str]], shift: int, header: Sequence[HeaderCell]) -> int:
    score = 0
    for column, text in cells:
        at = column + shift
        if not 0 <= at < len(header):
            score -= 1
            continue
        below = header[at]
        field, month = group_field(text), group_month(text)
        if field:
            score += 0 if below.kind is None else 1 if below.kind == field else -1
        elif month and below.kind == "static":
            score -= 1
        elif month and below.kind in MONTHLY_FIELDS and below.month is not None:
            score += 1 if below.month[0] == month[0] else -1
    return score


def continues_header(row: Sequence[object], header: Sequence[object]) -> bool:
    """A row straight under the header that only finishes its cells: every filled cell is a
    bare month under a filled header cell ("Change Control required" / "October", one cell
    printed over two lines)."""
    filled = [(i, value) for i, value in enumerate(row) if normalise(value)]
    return bool(filled) and all(
        i < len(header) and normalise(header[i]) and month_from_text(value) is not None
        for i, value in filled
    )


def months_resolve(
    fields: Sequence[str | None],
    months: Sequence[MonthYear | None],
    known: Sequence[date] = (),
) -> list[date | None]:
    """Each monthly column's month as a date, from what its header or groups gave.

    A column given no month takes that of the nearest Status column (to its left, else its
    right): the commentary and change control beside "Status (October 2022)" are October's.
    A month without a year takes the year of a dated column of the same month in this header,
    else of one read from an earlier header (`known`), else the year that puts it nearest the
    nearest dated column. A change-control column still without a month is the latest dated
    month's, as the council's last column always is.
    """
    given = list(months)
    for index, field in enumerate(fields):
        if field in {"commentary", "change_control"} and given[index] is None:
            given[index] = _status_month(fields, months, index)
    dated = {
        index: date(year, month, 1)
        for index, found in enumerate(given)
        if found is not None and fields[index] in MONTHLY_FIELDS
        for month, year in [found]
        if year is not None
    }
    resolved: list[date | None] = []
    for index, field in enumerate(fields):
        found = given[index]
        if field not in MONTHLY_FIELDS:
            resolved.append(None)
        elif found is not None and found[1] is not None:
            resolved.append(date(found[1], found[0], 1))
        elif found is not None:
            resolved.append(_year_for(found[0], index, dated, known))
        elif field == "change_control" and dated:
            resolved.append(max(dated.values()))
        else:
            resolved.append(None)
    return resolved


def _status_month(
    fields: Sequence[str | None], months: Sequence[MonthYear | None], index: int
) -> MonthYear | None:
    statuses = [i for i, field in enumerate(fields) if field == "status" and months[i]]
    left = [i for i in statuses if i < index]
    right = [i for i in statuses if i > index]
    nearest = left[-1] if left else right[0] if right else None
    return None if nearest is None else months[nearest]


def _year_for(month: int, index: int, dated: dict[int, date], known: Sequence[date]) -> date | None:
    same = sorted(d for d in dated.values() if d.month == month)
    if same:
        return same[-1]
    earlier = sorted(d for d in known if d.month == month)
    if earlier:
        return earlier[-1]
    if not dated:
        return None
    anchor_index = min(dated, key=lambda i: (abs(i - index), i))
    anchor = dated[anchor_index]
    later = index > anchor_index
    # The year nearest the anchor; six months either way, the side the column stands on.
    return min(
        (date(anchor.year + shift, month, 1) for shift in (-1, 0, 1)),
        key=lambda d: (
            abs((d.year - anchor.year) * 12 + d.month - anchor.month),
            (d < anchor) == later,
        ),
    )
