"""What an update's evidence commentary says about its own rating: the words a PMO reads.

Commissioners ask whether "On Track" is true, and the answer is often in the commentary:
"to be presented to Board on 19 Oct" under Complete, "pushed back to March" under On Track.
This reads one commentary into signals, each resting on the exact phrase it quotes, so every
flag built on them can be checked by a person in a second. Rule-based and explainable: each
rule is a named pattern with the examples it must match (tested), and the vocabulary is data
a PMO may extend (`VOCABULARY + extra`). No model, no network.

Target dates are read through `fuzzy_dates`, with the year the writer left out counted on
from the report month ("March" in October 2022 is March 2023, "June" June 2022), and count
only when they are future targets: a month named after a target word ("by", "in", "until",
"expected", …) and not before the report month.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate, parse_fuzzy_date


class SignalKind(StrEnum):
    TARGET_DATE = "target_date"  # a month or date named as a future target
    FUTURE_TENSE = "future_tense"  # the deliverable spoken of as still to come
    SLIPPAGE = "slippage"  # the work moved later
    COMPLETION = "completion"  # the work said to be delivered
    CLOSURE = "closure"  # the work ended without being delivered
    REPLACED = "replaced"  # the action to be replaced or recrafted elsewhere
    CHANGE_CONTROL = "change_control"  # a date change asked for or under way
    PLACEHOLDER = "placeholder"  # no evidence at all
    COPIED = "copied"  # word for word a sibling action's


@dataclass(frozen=True)
class Rule:
    """One named pattern: `pattern` is a regular expression matched case-insensitively on
    word boundaries; `examples` are phrases it must find (the tests check each)."""

    name: str
    kind: SignalKind
    pattern: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Signal:
    kind: SignalKind
    rule: str
    phrase: str  # the commentary's own words, as written
    target: FuzzyDate | None = None  # a TARGET_DATE's reading


def _rule(name: str, kind: SignalKind, pattern: str, *examples: str) -> Rule:
    return Rule(name, kind, pattern, examples)


F, S, D, C = SignalKind.FUTURE_TENSE, SignalKind.SLIPPAGE, SignalKind.COMPLETION, SignalKind.CLOSURE
R, CC = SignalKind.REPLACED, SignalKind.CHANGE_CONTROL

VOCABULARY: tuple[Rule, ...] = (
    _rule(
        "to_be_done",
        F,
        r"(?:is|are|was|were)?\s*to\s+be\s+(?:presented|approved|agreed|considered|signed"
        r"(?:\s+off)?|launched|published|submitted|taken|reported|finalised|delivered|held|"
        r"completed|implemented|reviewed|shared|circulated|confirmed|scheduled|rolled\s+out)",
        "to be presented to Audit Board",
        "is to be approved",
        "to be signed off",
    ),
    _rule(
        "will_be",
        F,
        r"will\s+(?:be|now\s+be|then\s+be|take\s+place|go\s+to|come\s+to)",
        "will be launched",
        "will take place",
        "will go to Cabinet",
    ),
    _rule(
        "being_prepared",
        F,
        r"(?:being|currently\s+being)\s+(?:prepared|drafted|developed|finalised|reviewed|"
        r"written|worked\s+on|updated|scoped|designed)",
        "being prepared",
        "currently being drafted",
    ),
    _rule(
        "awaiting", F, r"awaiting|waiting\s+for|pending\s+(?:approval|sign)", "awaiting sign off"
    ),
    _rule("subject_to", F, r"subject\s+to", "subject to Cabinet approval"),
    _rule(
        "not_yet",
        F,
        r"not\s+yet\s+(?:started|begun|commenced|been\s+\w+)|yet\s+to\s+(?:start|begin|be)|"
        r"date\s+to\s+be\s+(?:confirmed|agreed|set)|tbc\b",
        "not yet started",
        "yet to be agreed",
        "date to be confirmed",
    ),
    _rule(
        "slipped",
        S,
        r"delay(?:ed|s)?|slipp(?:ed|age)|postponed|pushed\s+back|deferred|rescheduled|"
        r"re-scheduled|moved\s+(?:back\s+)?to|put\s+back|behind\s+schedule|later\s+than\s+planned",
        "delayed due to staff absence",
        "slipped",
        "pushed back",
        "moved to November",
    ),
    _rule(
        "delivered",
        D,
        r"completed?|delivered|approved|in\s+place|launched|took\s+place|went\s+live|"
        r"signed\s+off|was\s+held|were\s+held|agreed\s+(?:by|at)|adopted|published|"
        r"concluded|(?:have|has)\s+been\s+met|achieved",
        "complete",
        "delivered",
        "in place",
        "took place",
        "agreed at Cabinet",
        "Procurement concluded",
        "requirements have been met",
    ),
    _rule(
        "closed_not_delivered",
        C,
        r"(?:action\s+)?closed(?!\s+(?:with|following|after|as\s+(?:complete|delivered)))|"
        r"no\s+longer\s+(?:required|needed|relevant)|superseded|merged\s+(?:into|with)|"
        r"duplicate\s+of|covered\s+(?:by|under|elsewhere)|not\s+(?:being\s+)?taken\s+forward|"
        r"incorporated\s+(?:within|into)|moved\s+into\s+(?:regular\s+business|business\s+as\s+usual)",
        "no longer required",
        "superseded by",
        "merged into CO.B2",
        "duplicate of",
        "incorporated within the Asset Strategy",
        "moved into regular business",
    ),
    _rule(
        "recrafted",
        R,
        r"re-?crafted|re-?worded|re-?written\s+as|replaced\s+(?:by|with)|will\s+be\s+replaced|"
        r"to\s+be\s+replaced|new\s+action\s+(?:to\s+be\s+)?(?:created|added|raised)",
        "recrafted",
        "to be replaced by",
        "new action to be created",
    ),
    _rule(
        "change_control",
        CC,
        r"change\s*control|revised\s+(?:end\s+|due\s+|delivery\s+)?date|"
        r"(?:end|due|delivery)\s+date\s+(?:to\s+be\s+)?(?:amended|changed|extended|adjusted)",
        "change control proposed",
        "added to change control",
        "revised date",
    ),
)

# An update saying nothing at all: "N/A", "see above", "-", "no update".
_PLACEHOLDER = re.compile(
    r"^\s*(?:n/?a|none|nil|-+|\.+|tbc|see\s+(?:above|below|previous|main\s+action)|"
    r"as\s+(?:above|before|previous(?:ly)?)|no\s+(?:update|change|comment)s?)\s*\.?\s*$",
    re.IGNORECASE,
)

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTH_NAMES += ("August",)
_MONTH_NAMES += ("September", "October", "November", "December")
_MONTH_NUMBER = {name[:3].lower(): n for n, name in enumerate(_MONTH_NAMES, 1)}
# Words after which a month is a target, not a record of the past.
_CUE = (
    r"by|in|for|until|till|to|before|during|from|around|circa|expected|planned|scheduled|due|"
    r"target(?:ed)?|deadline|now|(?:the\s+)?end\s+of|early|mid|late|w/c|on"
)
_TARGET = re.compile(
    rf"\b(?P<cue>{_CUE})\s+(?:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of)\s+)?"
    rf"(?P<when>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<mon>{_MONTH})\b\.?"
    rf"(?:\s*/\s*(?P<mon2>{_MONTH})\b)?(?:[\s,-]*'?(?P<year>20\d\d|\d\d)\b)?"
    rf"|(?P<q>q[1-4])(?:\s+(?P<qyear>20\d\d(?:/\d\d)?))?)",
    re.IGNORECASE,
)


def _target_reading(match: re.Match[str], month: date) -> FuzzyDate | None:
    """The target the phrase names, its year counted on from the report month when left out."""
    if match.group("q"):
        quarter = int(match.group("q")[1])
        year_text = match.group("qyear")
        # Council quarters are financial: Q1 is April to June, Q4 January to March.
        first = (quarter * 3 + 1) % 12 or 12
        year = int(year_text[:4]) if year_text else month.year + (first < month.month - 3)
        if year_text and first <= 3:
            year += 1  # Q4 2022/23 is January to March 2023
        return parse_fuzzy_date(f"{_MONTH_NAMES[first - 1]}-{_MONTH_NAMES[first + 1]} {year}")
    last = match.group("mon2") or match.group("mon")
    number = _MONTH_NUMBER[last[:3].lower()]
    year_text = match.group("year")
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    else:
        # Up to six months on is the coming one ("March" or "April" in October: next year's);
        # a month further round is the past one ("held in June").
        ahead = (number - month.month) % 12
        year = (
            month.year + (number < month.month)
            if ahead <= 6
            else month.year - (number > month.month)
        )
    reading = parse_fuzzy_date(f"{_MONTH_NAMES[number - 1]} {year}")
    return reading if reading.kind is DateKind.MONTH else None


_EARLY = re.compile(r"\b(?:early|beginning\s+of)\b", re.IGNORECASE)


def _targets(commentary: str, month: date) -> list[Signal]:
    found = []
    for match in _TARGET.finditer(commentary):
        reading = _target_reading(match, month)
        if reading is None or reading.latest is None or reading.latest < month:
            continue
        phrase = match.group(0).strip()
        if _EARLY.search(phrase) and reading.earliest is not None:
            # "early November" is met by its first days, not by the month's end.
            early = reading.earliest + timedelta(days=9)
            reading = FuzzyDate(reading.text, reading.kind, reading.earliest, early, "early")
        found.append(Signal(SignalKind.TARGET_DATE, "named_target", phrase, reading))
    return found


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def commentary_signals(
    commentary: str,
    *,
    report_month: date,
    siblings: Sequence[str] = (),
    vocabulary: Sequence[Rule] = VOCABULARY,
) -> tuple[Signal, ...]:
    """Every signal in one update's `commentary` for `report_month`, in the order the
    commentary says them. `siblings` are the same month's commentaries of the action's
    sibling actions: a copy of one of them (a long one, not a shared "N/A") is a signal."""
    text = commentary or ""
    if not text.strip() or _PLACEHOLDER.match(text):
        return (Signal(SignalKind.PLACEHOLDER, "placeholder", text.strip()),)
    signals: list[tuple[int, Signal]] = []
    for rule in vocabulary:
        for match in re.finditer(rf"\b(?:{rule.pattern})", text, re.IGNORECASE):
            signals.append((match.start(), Signal(rule.kind, rule.name, match.group(0).strip())))
    for signal in _targets(text, report_month):
        signals.append((text.find(signal.phrase), signal))
    mine = _normalised(text)
    if len(mine) >= 40 and any(_normalised(other) == mine for other in siblings):
        signals.append((0, Signal(SignalKind.COPIED, "copied_from_sibling", text.strip()[:120])))
    signals.sort(key=lambda pair: pair[0])
    return tuple(signal for _, signal in signals)
