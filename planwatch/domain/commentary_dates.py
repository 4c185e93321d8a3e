"""A new date proposed in an update's commentary, for a change request raised from the tracker.

The workbook's "Change Control required: Yes" says only that a change is wanted; the officer's
commentary usually says what: "Change control to amend delivery date to December 2022",
"PMO: Change control proposed for end date of December", "End Date to be adjusted to Feb
2023", "Change start date to Oct". This reads such a phrase into the date as the council
would write it (a year added where the phrase leaves it out, counted on from the update's
month), and says whether it is the start or the due date. It proposes, never decides: the
approver confirms or edits what was read.
"""

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_YEAR = r"(?:[\s-]*'?(?P<year>20\d\d|\d\d)\b)?"
_WHEN = re.compile(
    r"(?:(?P<season>spring|summer|autumn|winter)\s+(?P<syear>20\d\d)"
    r"|(?P<q>q[1-4])(?:\s+(?P<qyear>20\d\d(?:/\d\d)?))?"
    r"|" + _MONTH + r"\b\.?" + _YEAR + r")",
    re.IGNORECASE,
)
# Words that say a new date is being asked for, and the few words a phrase may run on for
# before its date ("... to amend delivery date to December 2022").
_CUE = re.compile(
    r"change\s*control|change\s+(?:of\s+)?(?:the\s+)?(?:start\s+|end\s+|due\s+|delivery\s+)?"
    r"dates?|change\s+to|amend|revised?\s+(?:end\s+|due\s+|start\s+)?date|extend|"
    r"adjusted\s+to|completion\s+date\s+now|firmer\s+start\s+date",
    re.IGNORECASE,
)
_REACH = 90  # characters after a cue in which its date must start
# "from July to October", "Oct. 22- Dec 22": the date after the range's join is the new one.
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to)\s*", re.IGNORECASE)
_START = re.compile(r"\bstart", re.IGNORECASE)
_END = re.compile(r"\b(?:end|due|delivery|complet)", re.IGNORECASE)


@dataclass(frozen=True)
class ProposedDate:
    """`field` is "start" or "due"; `text` the date as the council would write it; `phrase`
    the words it was read from, to show the approver."""

    field: str
    text: str
    phrase: str


def _month_number(word: str) -> int:
    return next(n for n, name in enumerate(_MONTHS, 1) if name.startswith(word[:3].lower()))


def _as_written(match: re.Match[str], month: date) -> str:
    if match["season"]:
        return f"{match['season'].capitalize()} {match['syear']}"
    if match["q"]:
        quarter = match["q"].upper()
        if match["qyear"]:
            return f"{quarter} {match['qyear']}"
        # "extend to Q4", written in October 2022: the next Q4 to end (read as a calendar
        # quarter, which the import warns may have meant the financial year).
        ends = 3 * int(quarter[1])
        return f"{quarter} {month.year if ends >= month.month else month.year + 1}"
    number = _month_number(match["mon"])
    if match["year"]:
        year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
    else:
        # "change date to November", written in October 2022, means November 2022; "to
        # January" means the January that comes next.
        year = month.year if number >= month.month else month.year + 1
    return f"{_MONTHS[number - 1].capitalize()} {year}"


def _field(words_before: str) -> str:
    starts, ends = list(_START.finditer(words_before)), list(_END.finditer(words_before))
    if starts and (not ends or starts[-1].start() > ends[-1].start()):
        return "start"
    return "due"


def proposed_dates(commentary: str, month: date) -> tuple[ProposedDate, ...]:
    """Each new date the commentary asks for, start before due; () when it names none.

    `month` is the update's month, so a month named without its year can be placed.
    """
    found: dict[str, ProposedDate] = {}
    # A sentence ends before a capital letter, so "Oct. 22" stays one date.
    for sentence in re.split(r"(?<=[.;!?])\s+(?=[A-Z(])|\n+", commentary):
        for cue in _CUE.finditer(sentence):
            tail = sentence[cue.end() :]
            for when in _WHEN.finditer(tail):
                if when.start() > _REACH:
                    break
                before = tail[: when.start()]
                field = _field(sentence[cue.start() : cue.end()] + before)
                if field in found:
                    continue
                join = _RANGE_JOIN.match(tail, when.end())
                later = _WHEN.match(tail, join.end()) if join else None
                if later is not None:
                    when = later
                phrase = " ".join(sentence[cue.start() : cue.end() + when.end()].split())
                phrase = phrase.rstrip(".")
                found[field] = ProposedDate(field, _as_written(when, month), phrase)
    return tuple(found[field] for field in ("start", "due") if field in found)
