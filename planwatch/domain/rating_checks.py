"""Honest ratings: the council's own status definitions applied to a sub-action's dates.

The tracker's legend defines each rating by slippage: On Track is none or under a month,
Medium progress 1-2 months, Significant issues more than 2 months. This module works out the
rating an action's dates imply for a report month and flags, with a one-line reason, where the
owner's rating or the monthly update disagrees. Nothing is changed: a flag is a question for the
PMO, never a correction.

Decisions, so a reader can check them:

* Completion is the first month whose status is Complete or Closed. Complete by the report month
  implies Complete whatever the dates say; completion later than the report month does not count.
* An action whose start's earliest day is after the report month implies Not due to start.
* Otherwise slippage is ``months_between(baseline deadline, effective due)``. Each deadline is
  the one the due date sets at the end of the report month (``deadlines.due_on``: a one-off
  date's latest day, a recurring one's latest deadline passed by then). The effective due is the
  current deadline, raised to the end of the report month when that is earlier and the action
  is not complete: an overdue action is late now, whatever date it still carries.
* Only readings that set a deadline (exact, month, season, part of year, year, TBC with a range,
  and a rhythm with a first deadline such as "Aug 2022 and then quarterly") imply a rating.
  Blank, ongoing, "Complete", unreadable, bare TBC and unanchored rhythms ("Quarterly") imply
  none, and then no rating flag is raised: the dates cannot say.
* A rating is flagged only when it is rosier than the dates. The legend lets an owner rate worse
  than the dates for projected slippage or risk to dependencies, which dates cannot show.
  "Not due to start" against an on-track implied rating is left to the start-date check.
* Statuses that are not ratings (N/A, new action, assurance action, duplicate, on hold, no status,
  unrecognised) are never compared.
* If the history holds two records for one month, the last one given stands.
* A start date has passed for STARTED_BUT_NOT_DUE_TO_START only once its latest day is before the
  report month, so "Not due to start" during the start month itself is given the benefit of the
  doubt. Any dated start kind qualifies (a whole season that has ended has surely started).
* An update, for DUE_PASSED_NO_UPDATE, is a record with a status or with commentary.
* Copied commentary ignores case, spacing, a final full stop and a trailing signature such as
  "(DS 17.10.22)"; placeholders ("N/A", "Not due to start", "Complete") are not commentary.
* Flags are independent questions, so one month can raise several (a late action rated Not due
  to start after its start has passed raises both the rating and the start-date flag).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planwatch.domain.counting import DONE_STATUSES as _DONE
from planwatch.domain.counting import add_months as _shift
from planwatch.domain.deadlines import due_on, first_deadline, is_late_on
from planwatch.domain.fuzzy_dates import FuzzyDate
from planwatch.domain.slippage import months_between
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status


@dataclass(frozen=True)
class MonthRecord:
    month: date
    status: Status
    commentary: str


@dataclass(frozen=True)
class ActionFacts:
    ref: str
    title: str
    start: FuzzyDate
    baseline_due: FuzzyDate
    current_due: FuzzyDate
    rebaseline_count: int
    history: tuple[MonthRecord, ...]  # the action's monthly updates, in any order
    has_success_evidence: bool


class FlagKind(StrEnum):
    RATING_DISAGREES = "rating_disagrees"
    STARTED_BUT_NOT_DUE_TO_START = "started_but_not_due_to_start"
    DUE_PASSED_NO_UPDATE = "due_passed_no_update"
    COMMENTARY_COPIED = "commentary_copied"
    REBASELINED_REPEATEDLY = "rebaselined_repeatedly"
    CLOSED_WITHOUT_EVIDENCE = "closed_without_evidence"


@dataclass(frozen=True)
class Flag:
    ref: str
    kind: FlagKind
    implied: Status | None
    rated: Status | None
    reason: str


# The legend's own names, as the council writes them in the drop-down.
_LABELS = {
    Status.ON_TRACK: "On Track",
    Status.MEDIUM_PROGRESS: "Medium progress",
    Status.SIGNIFICANT_ISSUES: "Significant issues",
    Status.NOT_DUE_TO_START: "Not due to start",
    Status.COMPLETE: "Complete",
    Status.CLOSED: "Closed",
}
RATINGS: frozenset[Status] = frozenset(_LABELS)
_SEVERITY = {Status.ON_TRACK: 0, Status.MEDIUM_PROGRESS: 1, Status.SIGNIFICANT_ISSUES: 2}
COPIED_RUN = 3
REBASELINE_LIMIT = 2
_PLACEHOLDERS = frozenset(
    {"", "n/a", "na", "-", "none", "tbc", "not due to start", "complete", "completed", "closed"}
)
_TRAILING_SIGNATURE = re.compile(r"\(\s*[A-Z]{2,4}\b[^()]*\)\s*$")


def label(status: Status) -> str:
    return _LABELS.get(status) or STATUS_DEFINITIONS[status].label


def is_dated(fd: FuzzyDate) -> bool:
    """A reading precise enough to measure slippage: one that sets a deadline.

    A latest day is what slippage needs, so "By Dec 2022" (no earliest) counts as dated.
    """
    return first_deadline(fd) is not None


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _first(day: date) -> date:
    return day.replace(day=1)


def _mon(day: date) -> str:
    return day.strftime("%b %Y")


def _text(fd: FuzzyDate) -> str:
    return " ".join(fd.text.split()) or "(blank)"


def _by_month(history: Iterable[MonthRecord]) -> dict[date, MonthRecord]:
    return {_first(record.month): record for record in history}


def completion(facts: ActionFacts) -> MonthRecord | None:
    """The first monthly record marked Complete or Closed, if any."""
    done = [record for record in facts.history if record.status in _DONE]
    return min(done, key=lambda record: _first(record.month), default=None)


def _completed_by(facts: ActionFacts, month: date) -> MonthRecord | None:
    done = completion(facts)
    return done if done is not None and _first(done.month) <= month else None


def _rating_for(months: int) -> Status:
    if months < 1:
        return Status.ON_TRACK
    if months <= 2:
        return Status.MEDIUM_PROGRESS
    return Status.SIGNIFICANT_ISSUES


def _slippage_words(months: int) -> str:
    if months <= 0:
        return "no slippage"
    return "1 month's slippage" if months == 1 else f"{months} months' slippage"


def implied_rating(facts: ActionFacts, month: date) -> tuple[Status | None, str]:
    """The rating the council's definitions give the action's dates in the report month.

    ``month`` may be any day of the report month. Returns ``(None, why)`` when the dates
    cannot say.
    """
    month = _first(month)
    end = month_end(month)
    done = _completed_by(facts, month)
    if done is not None:
        return Status.COMPLETE, f"marked {label(done.status)} in {_mon(done.month)}"
    start = facts.start
    if is_dated(start) and start.earliest is not None and start.earliest > end:
        return Status.NOT_DUE_TO_START, f"starts {_text(start)}, after {_mon(month)}"
    base, current = facts.baseline_due, facts.current_due
    for name, fd in (("due date", current), ("baseline due date", base)):
        if not is_dated(fd):
            return None, f"{name} '{_text(fd)}' ({fd.kind.value}) cannot imply a rating"
    baseline, effective = due_on(base, end), due_on(current, end)
    if baseline is None or effective is None:  # is_dated has ruled this out
        return None, "due dates cannot imply a rating"
    due = f"due {_text(current)}"
    if _text(base) != _text(current):
        due += f" (baseline {_text(base)})"
    if effective < end:
        effective = end
        due += f", not complete in {_mon(month)}"
    months = months_between(baseline, effective)
    rating = _rating_for(months)
    return rating, f"{due}: {_slippage_words(months)} implies {label(rating)}"


def _rosier(rated: Status, implied: Status) -> bool:
    """Whether the owner's rating is better than the dates allow."""
    if implied is Status.COMPLETE:
        return rated not in _DONE
    if implied is Status.NOT_DUE_TO_START or rated in _DONE:
        return False
    if rated is Status.NOT_DUE_TO_START:
        return implied is not Status.ON_TRACK
    return _SEVERITY[rated] < _SEVERITY[implied]


def _normalised(commentary: str) -> str:
    text = _TRAILING_SIGNATURE.sub("", commentary.strip())
    text = " ".join(text.split()).casefold().rstrip(".")
    return "" if text in _PLACEHOLDERS else text


def copied_run(facts: ActionFacts, month: date) -> int:
    """Consecutive months, ending at the report month, with the same real commentary."""
    records = _by_month(facts.history)
    current = records.get(_first(month))
    text = _normalised(current.commentary) if current else ""
    if not text:
        return 0
    run, earlier = 1, _shift(_first(month), -1)
    while (record := records.get(earlier)) and _normalised(record.commentary) == text:
        run += 1
        earlier = _shift(earlier, -1)
    return run


def _has_update(record: MonthRecord | None) -> bool:
    if record is None:
        return False
    return record.status is not Status.NO_STATUS or bool(record.commentary.strip())


def check_action(facts: ActionFacts, month: date) -> list[Flag]:
    """Every flag for the action in the report month, in FlagKind order."""
    month = _first(month)
    record = _by_month(facts.history).get(month)
    rated = record.status if record else None
    implied, why = implied_rating(facts, month)
    flags: list[Flag] = []

    def flag(kind: FlagKind, reason: str) -> None:
        flags.append(Flag(facts.ref, kind, implied, rated, reason))

    if rated in RATINGS and implied is not None and rated is not None and _rosier(rated, implied):
        flag(FlagKind.RATING_DISAGREES, f"rated {label(rated)}, {why}")
    start = facts.start
    passed = is_dated(start) and start.latest is not None and start.latest < month
    if rated is Status.NOT_DUE_TO_START and passed:
        flag(
            FlagKind.STARTED_BUT_NOT_DUE_TO_START,
            f"rated Not due to start in {_mon(month)} but the start date {_text(start)} has passed",
        )
    due = facts.current_due
    if is_late_on(due, month) and _completed_by(facts, month) is None and not _has_update(record):
        flag(
            FlagKind.DUE_PASSED_NO_UPDATE,
            f"due {_text(due)}, not complete and no update for {_mon(month)}",
        )
    run = copied_run(facts, month)
    if run >= COPIED_RUN and record is not None:
        since = _mon(_shift(month, 1 - run))
        quoted = " ".join(record.commentary.split())
        quoted = quoted if len(quoted) <= 60 else quoted[:57] + "..."
        flag(
            FlagKind.COMMENTARY_COPIED,
            f"same commentary for {run} months ({since} to {_mon(month)}): '{quoted}'",
        )
    if facts.rebaseline_count >= REBASELINE_LIMIT:
        flag(
            FlagKind.REBASELINED_REPEATEDLY,
            f"due date re-baselined {facts.rebaseline_count} times "
            f"(baseline {_text(facts.baseline_due)}, now {_text(due)})",
        )
    if rated is Status.CLOSED and not facts.has_success_evidence:
        flag(
            FlagKind.CLOSED_WITHOUT_EVIDENCE,
            f"rated Closed in {_mon(month)} without evidence the measures of success were met",
        )
    return flags
