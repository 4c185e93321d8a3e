"""The tracker's Start and Due dates, read as honestly as they were written.

The council types whatever fits the moment: "May-22", "Autumn 22", "TBC 2023", "Aug 2022 and
then quarterly", or a real Excel date shown as "Jul-05". Each reading keeps the text exactly as
written and a range no narrower than the text supports, so a PMO can check an interpretation
instead of trusting it. Nothing is corrected: a slip stays a slip and is only warned about.

Over 400 lines on purpose: every way the council writes a date is read here, each pattern
beside the rule that uses it, so a reading can be checked in one place.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from planwatch.domain.cell_text import as_text, without_markup


class DateKind(StrEnum):
    BLANK = "blank"
    EXACT = "exact"
    MONTH = "month"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"
    RECURRING = "recurring"
    OPEN = "open"
    UNKNOWN = "unknown"
    DONE = "done"
    UNPARSEABLE = "unparseable"


_MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTH_NAMES += ("August", "September", "October", "November", "December")
_MONTH_ABBR = tuple(name[:3] for name in _MONTH_NAMES)
_EN_DASH = " \u2013 "
_RANGE_LABELS = {
    DateKind.SEASON: "season",
    DateKind.PART_OF_YEAR: "part of year",
    DateKind.YEAR: "year",
}


@dataclass(frozen=True)
class FuzzyDate:
    text: str
    kind: DateKind
    earliest: date | None
    latest: date | None
    note: str = ""
    # A recurring reading's rhythm: its first deadline is `latest`, then one every this many
    # months (see `domain.deadlines`). None for a one-off date or a rhythm not in months.
    every_months: int | None = None

    def describe(self) -> str:
        core = _interpretation(self)
        return f"{core} — {self.note}" if self.note else core

    def to_dict(self) -> dict[str, str | int | None]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "note": self.note,
            "every_months": self.every_months,
        }


def _month(d: date) -> str:
    return f"{_MONTH_ABBR[d.month - 1]} {d.year}"


def _day(d: date) -> str:
    return f"{d.day} {_month(d)}"


def _interpretation(fd: FuzzyDate) -> str:
    kind, first, last = fd.kind, fd.earliest, fd.latest
    show = _day if kind is DateKind.EXACT else _month
    since = f" from {_month(first)}" if first else ""
    if kind is DateKind.BLANK:
        return "no date given"
    if kind is DateKind.DONE:
        if first is not None and last is not None:
            until = "" if _month(first) == _month(last) else f"{_EN_DASH}{_month(last)}"
            return f"complete in {_month(first)}{until}"
        return "already in place" if "place" in fd.text.lower() else "already complete"
    if kind is DateKind.UNPARSEABLE:
        return f"could not read '{fd.text}'"
    if kind is DateKind.OPEN:
        return "ongoing" + since
    if kind is DateKind.RECURRING:
        if last is None:
            return "recurring" + since
        every = "every month" if fd.every_months == 1 else f"every {fd.every_months} months"
        return f"first due by {_month(last)}, then {every}" if fd.every_months else "recurring"
    if first is None and last is None:
        return "TBC: no date yet" if kind is DateKind.UNKNOWN else "no date"
    if first is None:
        span = f"by {show(last)}" if last else ""
    elif last is None:
        span = f"from {show(first)}"
    elif show(first) == show(last):
        span = show(first)
    else:
        span = f"{show(first)}{_EN_DASH}{show(last)}"
    if kind is DateKind.UNKNOWN:
        return f"TBC: within {span}" if first and last else f"TBC: {span}"
    label = _RANGE_LABELS.get(kind)
    return f"{span} ({label})" if label else span


class _Reading(NamedTuple):
    kind: DateKind
    earliest: date | None
    latest: date | None
    notes: tuple[str, ...] = ()
    every_months: int | None = None


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _months(kind: DateKind, year: int, first: int, last: int, *notes: str) -> _Reading:
    # A span such as Winter runs into the next year: months past 12 continue there.
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return _Reading(kind, date(year, first, 1), _month_end(end_year, end_month), notes)


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>\d{4}|\d{2})"
_MONTH_WORD = re.compile(r"\b" + _MON.replace("\\.?", "") + r"\b", re.IGNORECASE)


def _month_number(word: str) -> int:
    return [m.lower() for m in _MONTH_ABBR].index(word[:3].lower()) + 1


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ISO = _p(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_NUMERIC_DAY = _p(r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})")
_WORDY_DAY = _p(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+" + _MON + r"[\s,-]+" + _YEAR)
_MONTH_YEAR = _p(_MON + r"[\s\-/.']*" + _YEAR)
_YEAR_FIRST_MONTH = _p(r"(?P<year>\d{2})-" + _MON)
_NUMERIC_MONTH = _p(r"(?P<month>\d{1,2})/(?P<year>\d{4})")
_PART_OF_MONTH = _p(
    r"(?P<part>early|mid|late|end(?:\s+of)?|beginning\s+of|start\s+of)[\s-]+"
    + _MON
    + r"[\s\-/.']*"
    + _YEAR
)
_SEASON = _p(r"(?P<season>spring|summer|autumn|fall|winter)[\s\-']*" + _YEAR)
_PART_OF_YEAR = _p(r"(?P<part>early|mid|late|end(?:\s+of)?)[\s\-']*" + _YEAR)
# "June - July 2022", "Mar 2022 - Jun 2022": a run of months, written with a dash (not "to").
_DASH = r"\s*[-\u2013]\s*"
_MONTH_SPAN = _p(_MON.replace("mon", "first") + _DASH + _MON + r"\s+" + _YEAR)
_MONTH_YEAR_SPAN = _p(
    _MON.replace("mon", "first") + r"\s+(?P<first_year>\d{4})" + _DASH + _MON + r"\s+" + _YEAR
)
_QUARTER = _p(r"(?P<p>[qh])(?P<n>[1-4])[\s-]*" + _YEAR)
# "Q3 2023/24": a quarter of the council's financial year, April 2023 to March 2024.
_FY_QUARTER = _p(r"q(?P<n>[1-4])[\s-]*(?:fy\s*)?(?P<year>\d{4})\s*[/-]\s*(?P<end>\d{2}|\d{4})")
_QUARTER_AFTER = _p(_YEAR + r"[\s-]*(?P<p>[qh])(?P<n>[1-4])")
_PLAIN_YEAR = _p(r"(?P<year>\d{4})")

CALENDAR_QUARTER_NOTE = "calendar quarter"
MONTH_SPAN_NOTE = "a run of months"
FY_NOTE = "quarter of the financial year (April to March)"

# UK meteorological seasons, the reading a council officer means by "Autumn".
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
}
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12)}


def _read_period(s: str) -> _Reading | None:
    """One plain period with no qualifiers: a day, a month, a season, part of a year, a year."""
    if m := _ISO.fullmatch(s) or _NUMERIC_DAY.fullmatch(s):
        day = date(_year(m["year"]), int(m["month"]), int(m["day"]))
        return _Reading(DateKind.EXACT, day, day)
    if m := _WORDY_DAY.fullmatch(s):
        day = date(_year(m["year"]), _month_number(m["mon"]), int(m["day"]))
        return _Reading(DateKind.EXACT, day, day)
    if m := _MONTH_YEAR.fullmatch(s):
        number = _month_number(m["mon"])
        return _months(DateKind.MONTH, _year(m["year"]), number, number)
    if m := _YEAR_FIRST_MONTH.fullmatch(s):
        number, year = _month_number(m["mon"]), _year(m["year"])
        note = f"read '{s}' as {_MONTH_ABBR[number - 1]} {year}"
        return _months(DateKind.MONTH, year, number, number, note)
    if m := _NUMERIC_MONTH.fullmatch(s):
        return _months(DateKind.MONTH, _year(m["year"]), int(m["month"]), int(m["month"]))
    if m := _PART_OF_MONTH.fullmatch(s):
        number = _month_number(m["mon"])
        note = f"'{m['part']}' read as the whole month"
        return _months(DateKind.MONTH, _year(m["year"]), number, number, note)
    if m := _MONTH_SPAN.fullmatch(s) or _MONTH_YEAR_SPAN.fullmatch(s):
        end_year = _year(m["year"])
        year = int(m.groupdict().get("first_year") or end_year)
        # Months past 12 run into the next year (see _months); a run that goes back is unread.
        first, last = _month_number(m["first"]), _month_number(m["mon"]) + 12 * (end_year - year)
        if last < first:
            return None
        return _months(DateKind.PART_OF_YEAR, year, first, last, MONTH_SPAN_NOTE)
    if m := _SEASON.fullmatch(s):
        return _months(DateKind.SEASON, _year(m["year"]), *_SEASONS[m["season"].lower()])
    if m := _PART_OF_YEAR.fullmatch(s):
        part = m["part"].split()[0].lower()
        return _months(DateKind.PART_OF_YEAR, _year(m["year"]), *_PARTS[part])
    if (m := _FY_QUARTER.fullmatch(s)) and _year(m["end"]) == int(m["year"]) + 1:
        # Q1 is April to June of the first year; Q4 is January to March of the second.
        year, first = divmod(int(m["year"]) * 12 + 3 * int(m["n"]), 12)
        return _months(DateKind.PART_OF_YEAR, year, first + 1, first + 3, FY_NOTE)
    if m := _QUARTER.fullmatch(s) or _QUARTER_AFTER.fullmatch(s):
        n, year = int(m["n"]), _year(m["year"])
        if m["p"].lower() == "h":
            return _months(DateKind.PART_OF_YEAR, year, n * 6 - 5, n * 6) if n <= 2 else None
        return _months(DateKind.PART_OF_YEAR, year, n * 3 - 2, n * 3, CALENDAR_QUARTER_NOTE)
    if m := _PLAIN_YEAR.fullmatch(s):
        return _months(DateKind.YEAR, int(m["year"]), 1, 12)
    return None


_ESTIMATED = _p(r"(?:est\.?|estimated|approx\.?|approximately)\s+(?P<rest>.+)")
_DEADLINE = _p(r"by\s+(?P<rest>.+)")
_TENTATIVE = _p(r"(?P<rest>.+?)[\s,(-]+tb[ca]\)?")
_DATE_WORDS = _p(
    r"\d|\b(?:spring|summer|autumn|fall|winter|early|mid|late|end|q[1-4]|h[12]|tb[ca]|ongoing"
    r"|onwards|then|annual(?:ly)?|quarterly|monthly|weekly|yearly|each|every)\b"
)
_MAX_PERIOD_WORDS = 5


def _read_qualified(s: str) -> _Reading | None:
    """A period with the qualifiers the council adds: "Est.", "By", a trailing "TBC", or
    a few trailing words ("Autumn 22 linked to MTFP") that are kept in the note."""
    notes: list[str] = []
    deadline = False
    if m := _ESTIMATED.fullmatch(s):
        notes.append("estimated")
        s = m["rest"]
    if m := _DEADLINE.fullmatch(s):
        deadline = True
        s = m["rest"]
    if m := _TENTATIVE.fullmatch(s):
        notes.append("tentative (TBC)")
        s = m["rest"]
    reading = _read_period(s)
    if reading is None:
        words = s.split(" ")
        for cut in range(min(len(words) - 1, _MAX_PERIOD_WORDS), 0, -1):
            extra = " ".join(words[cut:])
            head = _read_period(" ".join(words[:cut]))
            if head is not None and not _DATE_WORDS.search(extra) and not _MONTH_WORD.search(extra):
                reading = head
                notes.append(f"extra words: '{extra}'")
                break
    if reading is None:
        return None
    if deadline:
        notes.insert(0, "deadline")
        reading = reading._replace(earliest=None)
    return reading._replace(notes=reading.notes + tuple(notes))


# "In place" in a due column says the thing is already there: done, not open-ended.
_DONE = _p(r"completed?\.?|(?:already\s+)?in\s+place")
# A milestone the plan reports as met: "Achieved April 2022" is done, and done then.
_ACHIEVED = _p(r"(?:achieved|completed?)\s+(?:in\s+)?(?P<rest>.+)")
_TBC = _p(r"(?:dates?\s+)?(?:tbc|tba|to be confirmed)\b[\s:.,-]*(?P<rest>.*)")
# "(specific timescale ... will be determined once review concluded)": TBC in other words.
_TO_BE_SET = _p(
    r"\(?(?P<rest>[^()]*\b(?:will|to)\s+be\s+(?:determined|confirmed|agreed)\b[^()]*)\)?"
)
_OPEN = _p(r"ongoing(?:\s+action)?|in\s+progress")
_CONNECTOR = _p(r"\s+(?:and\s+then|then|and)\s+")
_ONWARDS = _p(r"(?:from\s+(?P<a>.+))|(?:(?P<b>.+?)\s+onwards)")
# Each rhythm with the months between its deadlines; weeks have no whole number of months.
_FREQUENCIES: tuple[tuple[re.Pattern[str], str, int | None], ...] = (
    (
        _p(r"\b(?:6|six)[\s-]*monthly\b|\bhalf[\s-]*yearly\b|\btwice\s+a\s+year\b"),
        "every 6 months",
        6,
    ),
    (_p(r"\bquarterly\b|\b(?:each|every)\s+quarter\b"), "quarterly", 3),
    (_p(r"\bmonthly\b|\b(?:each|every)\s+month\b"), "monthly", 1),
    (_p(r"\bannual(?:ly)?\b|\byearly\b|\b(?:each|every)\s+year\b"), "annually", 12),
    (_p(r"\bweekly\b|\b(?:each|every)\s+week\b"), "weekly", None),
    (_p(r"\bfortnightly\b"), "fortnightly", None),
)


class _Rhythm(NamedTuple):
    name: str
    every_months: int | None


def _evenly_spaced(months: list[int]) -> int | None:
    """The months between named months of the year ("Jan July each year": 6), if even."""
    gaps = {(b - a) % 12 or 12 for a, b in zip(months, months[1:] + months[:1], strict=True)}
    return gaps.pop() if len(gaps) == 1 else None


def _frequency(s: str) -> _Rhythm | None:
    for pattern, name, every in _FREQUENCIES:
        if pattern.search(s):
            named = list(dict.fromkeys(_month_number(m) for m in _MONTH_WORD.findall(s)))
            if named and not re.search(r"\d{4}", s):
                name += " in " + " and ".join(_MONTH_ABBR[m - 1] for m in named)
                every = _evenly_spaced(named) if every == 12 else every
            if re.search(r"\bthereafter\b", s, re.IGNORECASE):
                name += " thereafter"
            return _Rhythm(name, every)
    return None


def _interpret(s: str) -> _Reading:
    """Most telling reading first: a leading "TBC" outranks everything after it ("TBC one-off
    monitoring" is not recurring), and a start with a rhythm outranks a bare period."""
    if _DONE.fullmatch(s):
        return _Reading(DateKind.DONE, None, None)
    if (m := _ACHIEVED.fullmatch(s)) and (when := _read_period(m["rest"])):
        return _Reading(DateKind.DONE, when.earliest, when.latest, when.notes)
    if m := _TO_BE_SET.fullmatch(s):
        return _Reading(DateKind.UNKNOWN, None, None, (m["rest"].strip(),))
    if m := _TBC.fullmatch(s):
        rest = m["rest"].strip()
        within = _read_qualified(rest.strip("()").strip())
        if within is not None:
            return within._replace(kind=DateKind.UNKNOWN)
        return _Reading(DateKind.UNKNOWN, None, None, (rest,) if rest else ())
    if _OPEN.fullmatch(s):
        return _Reading(DateKind.OPEN, None, None)
    for link in _CONNECTOR.finditer(s):
        head, tail = _read_period(s[: link.start()]), s[link.end() :]
        if head is None:
            continue
        if _OPEN.fullmatch(tail):
            return _Reading(DateKind.OPEN, head.earliest, None, head.notes)
        if rhythm := _frequency(tail):
            # The period named first is the first deadline; the rhythm repeats it from there.
            notes = (*head.notes, rhythm.name)
            return _Reading(
                DateKind.RECURRING, head.earliest, head.latest, notes, rhythm.every_months
            )
    if (m := _ONWARDS.fullmatch(s)) and (start := _read_period(m["a"] or m["b"])):
        return _Reading(DateKind.OPEN, start.earliest, None, start.notes)
    if reading := _read_qualified(s):
        return reading
    if rhythm := _frequency(s):
        return _Reading(DateKind.RECURRING, None, None, (rhythm.name,), rhythm.every_months)
    return _Reading(DateKind.UNPARSEABLE, None, None)


def _parse_text(text: str) -> FuzzyDate:
    unescaped = without_markup(text)
    notes = ["markup removed"] if unescaped != text else []
    cleaned = " ".join(unescaped.split())
    if not cleaned:
        return FuzzyDate(text, DateKind.BLANK, None, None, "; ".join(notes))
    try:
        reading = _interpret(cleaned)
    except (ValueError, OverflowError):
        # Impossible days ("31/02/2022") and years beyond the calendar are unreadable, not errors.
        reading = _Reading(DateKind.UNPARSEABLE, None, None, ("not a real date",))
    note = "; ".join([*notes, *reading.notes])
    return FuzzyDate(
        text, reading.kind, reading.earliest, reading.latest, note, reading.every_months
    )


_SHOWN_TOKENS = r"dd?|m{1,4}|yy|yyyy|[-/ .,]+"


def _format_tokens(number_format: str) -> list[str] | None:
    """Excel format codes split into date tokens and separators; None if anything else shows."""
    # Only the first section applies to a positive date; locale tags, quoted literals and
    # escaped separators do not change which parts of the date show.
    code = re.sub(r'\[[^\]]*\]|"[^"]*"', "", number_format.split(";")[0]).lower()
    code = re.sub(r"\\([-/ .,])", r"\1", code)
    tokens = re.findall(r"d+|m+|y+|[-/ .,]+|.", code)
    # Weekday names and other rarities fall back to ISO rather than risk showing a wrong text.
    if not tokens or any(not re.fullmatch(_SHOWN_TOKENS, token) for token in tokens):
        return None
    return tokens


def _render(token: str, d: date) -> str:
    month = _MONTH_NAMES[d.month - 1]
    shown = {"d": str(d.day), "dd": f"{d.day:02d}", "m": str(d.month), "mm": f"{d.month:02d}"}
    shown |= {"mmm": month[:3], "mmmm": month, "yy": f"{d.year % 100:02d}", "yyyy": f"{d.year:04d}"}
    return shown.get(token, token)


def excel_cell_text(value: datetime | date, number_format: str | None) -> str:
    """The text Excel shows for a date cell, e.g. 'mmm-yy' -> "Jul-22"; ISO when unsure."""
    day = value.date() if isinstance(value, datetime) else value
    tokens = _format_tokens(number_format) if number_format else None
    if tokens is None:
        return day.isoformat()
    return "".join(_render(token, day) for token in tokens)


def _parse_excel(value: datetime | date, number_format: str | None) -> FuzzyDate:
    day = value.date() if isinstance(value, datetime) else value
    text = excel_cell_text(value, number_format)
    shown = {token[0] for token in (_format_tokens(number_format or "") or [])}
    # The display format is the only sign of how precise the officer meant to be.
    if "d" in shown or not {"m", "y"} & shown:
        return FuzzyDate(text, DateKind.EXACT, day, day)
    if "m" in shown:
        first = date(day.year, day.month, 1)
        return FuzzyDate(text, DateKind.MONTH, first, _month_end(day.year, day.month))
    return FuzzyDate(text, DateKind.YEAR, date(day.year, 1, 1), date(day.year, 12, 31))


def parse_fuzzy_date(value: object, *, number_format: str | None = None) -> FuzzyDate:
    """Read a Start/Due cell: a string as typed, an Excel date (with its number format), or None."""
    if value is None:
        return FuzzyDate("", DateKind.BLANK, None, None)
    if isinstance(value, str):
        return _parse_text(value)
    if isinstance(value, date):
        return _parse_excel(value, number_format)
    if isinstance(value, int) and not isinstance(value, bool):
        return _parse_text(str(value))
    if isinstance(value, float) and value.is_integer():
        return _parse_text(str(int(value)))
    text = as_text(value)
    return FuzzyDate(
        text, DateKind.UNPARSEABLE, None, None, f"unexpected {type(value).__name__} value"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shown(fd: FuzzyDate) -> str:
    read_as = _one_line(_interpretation(fd))
    text = _one_line(fd.text)
    return text if read_as == text else f"{text} ({read_as})"


def date_quality_warnings(
    start: FuzzyDate, due: FuzzyDate, *, plausible_years: tuple[int, int] = (2019, 2030)
) -> list[str]:
    """One-line doubts about a row's dates; the dates themselves are left as written."""
    low, high = plausible_years
    warnings: list[str] = []
    for label, fd in (("start date", start), ("due date", due)):
        if fd.kind is DateKind.UNPARSEABLE:
            warnings.append(f"could not read {label} '{_one_line(fd.text)}'")
            continue
        years = {d.year for d in (fd.earliest, fd.latest) if d is not None}
        if any(year < low or year > high for year in years):
            read_as = _one_line(_interpretation(fd)).removeprefix("TBC: within ")
            warnings.append(
                f"{label} {_one_line(fd.text)} read as {read_as}, outside {low}\u2013{high}: "
                "probably a typing slip"
            )
        if CALENDAR_QUARTER_NOTE in fd.note.split("; "):
            warnings.append(
                f"{label} {_one_line(fd.text)} read as a calendar quarter "
                f"({_interpretation(fd).removesuffix(' (part of year)')}); write it as e.g. "
                "'Q3 2023/24' if the financial year was meant"
            )
    if start.earliest and due.latest and due.latest < start.earliest:
        warnings.append(f"due date {_shown(due)} ends before start date {_shown(start)} begins")
    return warnings
