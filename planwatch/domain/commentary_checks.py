"""Ratings checked against their own evidence commentary (`commentary_signals`).

Two questions a PMO asks of the words, beside `rating_checks`' questions of the dates:

* commentary_implies_slippage: the commentary names a target later than the due date, or
  says the work slipped, under a rating better than that slippage implies. The band is the
  council's own: 1-2 months Medium progress, 3 or more Significant issues; slippage words
  with no target month imply at least Medium. Not where the commentary says the new date is
  before change control: the PMO has already acted on it.
* completion_contradicted: rated Complete or Closed while the commentary speaks of the
  deliverable only as still to come ("to be presented", "will be", "awaiting", with no word
  of anything delivered), or says the work was closed, superseded or merged rather than
  delivered.

Each finding quotes the phrase it rests on. A finding is a question, never a correction.
"""

from dataclasses import dataclass
from datetime import date

from planwatch.domain.commentary_signals import Signal, SignalKind, commentary_signals
from planwatch.domain.counting import DONE_STATUSES
from planwatch.domain.deadlines import due_on
from planwatch.domain.fuzzy_dates import FuzzyDate
from planwatch.domain.slippage import months_between
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status

_PROGRESS = {Status.ON_TRACK: 0, Status.MEDIUM_PROGRESS: 1, Status.SIGNIFICANT_ISSUES: 2}


@dataclass(frozen=True)
class CommentaryFinding:
    kind: str  # "commentary_implies_slippage" or "completion_contradicted"
    implied: Status | None
    phrase: str
    reason: str


def _label(status: Status) -> str:
    return STATUS_DEFINITIONS[status].label


def _band(months: int) -> Status:
    if months < 1:
        return Status.ON_TRACK
    return Status.MEDIUM_PROGRESS if months <= 2 else Status.SIGNIFICANT_ISSUES


def _months(n: int) -> str:
    return "1 month" if n == 1 else f"{n} months"


def _slippage(
    signals: tuple[Signal, ...], rated: Status, due: FuzzyDate, month_end: date
) -> CommentaryFinding | None:
    if any(s.kind is SignalKind.CHANGE_CONTROL for s in signals):
        return None  # the new date is before change control: the PMO has already acted
    deadline = due_on(due, month_end)
    worst: tuple[int, Signal] | None = None
    if deadline is not None:
        for signal in signals:
            target = signal.target
            if signal.kind is SignalKind.TARGET_DATE and target and target.latest:
                months = months_between(deadline, target.latest)
                if months >= 1 and (worst is None or months > worst[0]):
                    worst = (months, signal)
    if worst is not None:
        months, signal = worst
        implied = _band(months)
        if _PROGRESS[rated] < _PROGRESS[implied]:
            return CommentaryFinding(
                "commentary_implies_slippage",
                implied,
                signal.phrase,
                f"commentary names '{signal.phrase}', {_months(months)} after the due date "
                f"{due.text or '(blank)'}: the status key rates that {_label(implied)}",
            )
        return None
    words = next((s for s in signals if s.kind is SignalKind.SLIPPAGE), None)
    if words is not None and rated is Status.ON_TRACK:
        return CommentaryFinding(
            "commentary_implies_slippage",
            Status.MEDIUM_PROGRESS,
            words.phrase,
            f"commentary says '{words.phrase}' under On Track: slippage is at least "
            "Medium progress by the status key",
        )
    return None


def _contradicted(signals: tuple[Signal, ...], rated: Status) -> CommentaryFinding | None:
    kinds = {s.kind for s in signals}
    future = next((s for s in signals if s.kind is SignalKind.FUTURE_TENSE), None)
    # Delivered work followed by what comes next ("Procurement concluded. ... this will be
    # reported to ARAC") is not contradicted; only a deliverable still wholly to come is.
    if future is not None and SignalKind.COMPLETION not in kinds:
        return CommentaryFinding(
            "completion_contradicted",
            None,
            future.phrase,
            f"rated {_label(rated)} but the commentary says '{future.phrase}': "
            "the deliverable is still to come",
        )
    closure = next((s for s in signals if s.kind is SignalKind.CLOSURE), None)
    if closure is not None and SignalKind.COMPLETION not in kinds:
        return CommentaryFinding(
            "completion_contradicted",
            None,
            closure.phrase,
            f"rated {_label(rated)} but the commentary says '{closure.phrase}': "
            "closed, not delivered",
        )
    return None


def commentary_findings(
    *,
    commentary: str,
    rated: Status,
    due: FuzzyDate,
    report_month: date,
    month_end: date,
    siblings: tuple[str, ...] = (),
) -> list[CommentaryFinding]:
    """What the month's commentary says against its rating; empty when it supports it."""
    if rated not in _PROGRESS and rated not in DONE_STATUSES:
        return []
    signals = commentary_signals(commentary, report_month=report_month, siblings=siblings)
    found = (
        _contradicted(signals, rated)
        if rated in DONE_STATUSES
        else _slippage(signals, rated, due, month_end)
    )
    return [found] if found is not None else []
