"""The figures of the monthly Theme Progress Summary (seeds 000, 003, 001), from plain records.

Over 400 lines on purpose: the report's definitions, its groups and the rules that fill them
read as one text, in the order the summary itself is laid out.

Definitions (ours, where the seeds are prose; each is repeated in the report's JSON):

- A *milestone* is a sub-action, or a main action with no sub-actions: that one carries its
  own status (OC.D4.0), so it stands as its own milestone. A main action's own status is
  ignored when it has sub-actions, so nothing is counted twice.
- The milestones *counted* in month M are those still in the plan (``live``) unless added
  after M (first reported later), and those with a record for M (closed later by change
  control, but still reported that month): ``domain.counting.is_in_month_figures``, the
  rule the Cabinet and Commissioners reports count by too.
- *Completed in month X*: X is the first month whose status is Complete or Closed, and the
  month before X has a record that is not. When there is no earlier record at all (the
  records start in X) or the month before X has no record, the month of completion is not
  known: the milestone is "complete, month not known" and is never listed as an achievement.
- A milestone is *due* in a month when its due date's latest possible day falls in it
  ("Autumn 22" is due by November 2022). Ongoing, recurring, blank, TBC-without-a-year and
  unreadable due dates are never due in a month. The rolling window is M, M+1 and M+2; a
  milestone is in it when its current or its baseline due date falls there.
- *Exceptions* are milestones rated Medium progress (amber) or Significant issues (red) in M.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planwatch.domain.counting import DONE_STATUSES as DONE
from planwatch.domain.counting import add_months, is_in_month_figures
from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate
from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.slippage import slippage_on
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status, is_exception
from planwatch.domain.theme_status import (
    DEFAULT_THRESHOLDS,
    MainActionProgress,
    SubActionProgress,
    ThemeStatus,
    ThemeThresholds,
    theme_status,
)

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Kinds whose latest day is a real deadline; the others name no month to be due in.
_DATED_KINDS = frozenset(
    {DateKind.EXACT, DateKind.MONTH, DateKind.SEASON, DateKind.PART_OF_YEAR, DateKind.YEAR}
)


def month_label(month: date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def due_month(due: FuzzyDate) -> date | None:
    """The month a due date falls due in: that of its latest possible day, when it has one."""
    if due.latest is None:
        return None
    if due.kind in _DATED_KINDS or (due.kind is DateKind.UNKNOWN and due.earliest is not None):
        return due.latest.replace(day=1)
    return None


class Band(StrEnum):
    """A main action's risk, in the summaries' colours."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    UNRATED = "unrated"


BAND_OF_RISK: Mapping[RiskBand | None, Band] = {
    RiskBand.HIGH: Band.RED,
    RiskBand.MEDIUM: Band.AMBER,
    RiskBand.LOW: Band.GREEN,
    None: Band.UNRATED,
}
BAND_LABELS: Mapping[Band, str] = {
    Band.RED: "red (high) risk rating",
    Band.AMBER: "amber (medium) risk rating",
    Band.GREEN: "green (low) risk rating",
    Band.UNRATED: "not yet risk rated",
}


class Group(StrEnum):
    """Where a counted milestone stands this month; every counted milestone is in exactly one."""

    ON_TRACK = "on_track"
    NOT_DUE_TO_START = "not_due_to_start"
    COMPLETED_THIS_MONTH = "completed_this_month"
    SIGNIFICANT = "significant"
    MEDIUM = "medium"
    COMPLETED_EARLIER = "completed_earlier"
    COMPLETE_MONTH_NOT_KNOWN = "complete_month_not_known"
    ON_HOLD = "on_hold"
    NEW_ACTION = "new_action"
    ASSURANCE_ACTION = "assurance_action"
    DUPLICATE = "duplicate"
    NOT_APPLICABLE = "not_applicable"
    NO_UPDATE = "no_update"
    UNRECOGNISED = "unrecognised"


GROUP_LABELS: Mapping[Group, str] = {
    Group.ON_TRACK: "on track",
    Group.NOT_DUE_TO_START: "not yet due to commence",
    Group.COMPLETED_THIS_MONTH: "completed this month",
    Group.SIGNIFICANT: "with significant slippage or issues",
    Group.MEDIUM: "with medium slippage or issues",
    Group.COMPLETED_EARLIER: "completed in an earlier month",
    Group.COMPLETE_MONTH_NOT_KNOWN: "complete, month of completion not known",
    Group.ON_HOLD: "on hold",
    Group.NEW_ACTION: "new actions not yet rated",
    Group.ASSURANCE_ACTION: "assurance actions",
    Group.DUPLICATE: "duplicates of or linked to another action",
    Group.NOT_APPLICABLE: "with no update needed (N/A)",
    Group.NO_UPDATE: "with no status for the month",
    Group.UNRECOGNISED: "with a status not recognised",
}
_GROUP_OF_STATUS: Mapping[Status, Group] = {
    Status.ON_TRACK: Group.ON_TRACK,
    Status.NOT_DUE_TO_START: Group.NOT_DUE_TO_START,
    Status.SIGNIFICANT_ISSUES: Group.SIGNIFICANT,
    Status.MEDIUM_PROGRESS: Group.MEDIUM,
    Status.ON_HOLD: Group.ON_HOLD,
    Status.NEW_ACTION: Group.NEW_ACTION,
    Status.ASSURANCE_ACTION: Group.ASSURANCE_ACTION,
    Status.DUPLICATE: Group.DUPLICATE,
    Status.NOT_APPLICABLE: Group.NOT_APPLICABLE,
    Status.NO_STATUS: Group.NO_UPDATE,
    Status.UNRECOGNISED: Group.UNRECOGNISED,
}


@dataclass(frozen=True)
class MainActionRecord:
    """``in_plan`` is False for a main action that has sub-actions but no row of its own in
    the plan (the sample's CO.D2.1-5): its milestones count, with the not-yet-rated, but it
    is not counted as a main action area. ``risk_scored`` says ``risk`` is the action's
    score through the corporate matrix rather than the tracker's imported level."""

    ref: str
    title: str
    risk: RiskBand | None
    live: bool = True
    in_plan: bool = True
    risk_scored: bool = False

    @property
    def band(self) -> Band:
        return BAND_OF_RISK[self.risk]


@dataclass(frozen=True)
class MilestoneRecord:
    """A sub-action (``parent_ref`` its main action) or a main action with no sub-actions
    (``parent_ref`` its own ref). ``statuses`` holds the records of the months the report
    needs (M-2, M-1, M). ``commentary`` is month M's; the summary prints it only for an
    exception, so a record may leave it blank otherwise.

    ``first_completed`` is the first month up to M rated Complete or Closed. The rules only ask
    whether it is M, M-1 or earlier, and only of a milestone rated Complete or Closed in M-1 or
    M; so a record may give any month before M-1 for an earlier completion, and None for a
    milestone rated neither in M-1 nor in M (a report then reads no update history). No rule
    uses ``first_recorded`` (the first month with a record, or the first the record covers)."""

    ref: str
    title: str
    parent_ref: str
    statuses: tuple[tuple[date, Status], ...]
    first_recorded: date | None
    first_completed: date | None
    due: FuzzyDate
    baseline_due: FuzzyDate
    rebaseline_count: int = 0
    commentary: str = ""
    live: bool = True
    # Its first counted update is after M: it joined the plan since (domain.counting).
    joined_later: bool = False

    def status_in(self, month: date) -> Status | None:
        # A few months at most: a scan is quicker than building a dict; the last one wins,
        # as it would in a dict.
        for when, status in reversed(self.statuses):
            if when == month:
                return status
        return None


class Completion(StrEnum):
    IN_MONTH = "in_month"
    MONTH_NOT_KNOWN = "month_not_known"


def completion_in(record: MilestoneRecord, month: date) -> Completion | None:
    """Whether the milestone first became Complete/Closed in `month`, and if that is known."""
    if record.first_completed != month:
        return None
    before = record.status_in(add_months(month, -1))
    if before is None or before in DONE:
        return Completion.MONTH_NOT_KNOWN
    return Completion.IN_MONTH


def group_of(record: MilestoneRecord, month: date) -> Group:
    return _group(record, month, record.status_in(month))


def _group(record: MilestoneRecord, month: date, status: Status | None) -> Group:
    """`group_of`, given the record's status for `month`."""
    if status is None:
        return Group.NO_UPDATE
    if status not in DONE:
        return _GROUP_OF_STATUS[status]
    completion = completion_in(record, month)
    if completion is Completion.IN_MONTH:
        return Group.COMPLETED_THIS_MONTH
    if completion is None and record.first_completed is not None:
        return Group.COMPLETED_EARLIER
    return Group.COMPLETE_MONTH_NOT_KNOWN


def is_counted(record: MilestoneRecord, month: date) -> bool:
    return _in_figures(record, record.status_in(month))


def _in_figures(record: MilestoneRecord, status: Status | None) -> bool:
    return is_in_month_figures(
        live=record.live, reported=status is not None, joined_later=record.joined_later
    )


@dataclass(frozen=True)
class MilestoneLine:
    ref: str
    title: str
    parent_ref: str
    parent_title: str


@dataclass(frozen=True)
class BandCounts:
    band: Band
    main_actions: int
    groups: tuple[tuple[Group, int], ...]

    @property
    def milestones(self) -> int:
        return sum(count for _, count in self.groups)


@dataclass(frozen=True)
class Achievement:
    month: date
    completed: tuple[MilestoneLine, ...]
    complete_month_not_known: int


@dataclass(frozen=True)
class MilestoneDue:
    line: MilestoneLine
    due_text: str
    due_month: date | None
    baseline_due_text: str
    baseline_due_month: date | None
    status: Status | None
    phrase: str


@dataclass(frozen=True)
class ExceptionLine:
    line: MilestoneLine
    rating: str  # "Amber" or "Red"
    status: Status
    due_text: str
    baseline_due_text: str
    rebaseline_count: int
    commentary: str


@dataclass(frozen=True)
class ThemeFigures:
    month: date
    main_actions_by_band: tuple[tuple[Band, int], ...]
    unrated_main_actions: tuple[MainActionRecord, ...]
    without_main_action: tuple[MilestoneLine, ...]
    groups: tuple[tuple[Group, int], ...]
    by_band: tuple[BandCounts, ...]
    significant: tuple[MilestoneLine, ...]
    medium: tuple[MilestoneLine, ...]
    achievements: tuple[Achievement, ...]
    milestones_due: tuple[MilestoneDue, ...]
    exceptions: tuple[ExceptionLine, ...]
    status: ThemeStatus
    # The main actions counted in `main_actions_by_band`, in plan order.
    counted_main_actions: tuple[MainActionRecord, ...] = ()

    @property
    def main_actions(self) -> int:
        return sum(count for _, count in self.main_actions_by_band)

    @property
    def milestones(self) -> int:
        return sum(count for _, count in self.groups)

    def count(self, group: Group) -> int:
        return dict(self.groups)[group]


def _group_counts(groups: Iterable[Group]) -> tuple[tuple[Group, int], ...]:
    counted = Counter(groups)
    return tuple((group, counted[group]) for group in Group)


def milestone_phrase(record: MilestoneRecord, month: date) -> str:
    """The status shown beside a milestone due in the window, in the summaries' words."""
    status = record.status_in(month)
    if status in DONE:
        return "Achieved"
    current = due_month(record.due)
    month_end = add_months(month, 1) - timedelta(days=1)
    slipped = slippage_on(record.baseline_due, record.due, month_end)
    if current is not None and slipped is not None and slipped > 0:
        return f"Slippage to {month_label(current)}"
    if status is None:
        return f"No update for {month_label(month)}"
    return STATUS_DEFINITIONS[status].label


def theme_figures(
    *,
    month: date,
    main_actions: Iterable[MainActionRecord],
    milestones: Iterable[MilestoneRecord],
    thresholds: ThemeThresholds = DEFAULT_THRESHOLDS,
) -> ThemeFigures:
    """One theme's figures for `month` (the first day of the report month); `thresholds` are
    the plan's readings of the Theme Status Key's "some" and "a number of"."""
    known = {m.ref: m for m in main_actions}
    # Each record's status for the month, looked up once: several rules below need it.
    pairs = [(r, r.status_in(month)) for r in milestones]
    pairs = [(r, status) for r, status in pairs if _in_figures(r, status)]
    counted = [r for r, _ in pairs]
    # A main action closed since still counts while its milestones report that month.
    reporting = {r.parent_ref for r in counted}
    mains = {ref: m for ref, m in known.items() if m.live or ref in reporting}
    for ref in sorted(reporting - set(mains)):
        mains[ref] = MainActionRecord(
            ref, f"{ref} (no main action row in the plan)", None, True, False
        )

    def line(r: MilestoneRecord) -> MilestoneLine:
        return MilestoneLine(r.ref, r.title, r.parent_ref, mains[r.parent_ref].title)

    groups = {r.ref: _group(r, month, status) for r, status in pairs}
    bands = Counter(m.band for m in mains.values() if m.in_plan)
    in_band = Counter((mains[r.parent_ref].band, groups[r.ref]) for r in counted)
    by_band = tuple(
        BandCounts(band, bands[band], tuple((group, in_band[band, group]) for group in Group))
        for band in Band
    )
    return ThemeFigures(
        month=month,
        main_actions_by_band=tuple((band, bands[band]) for band in Band),
        unrated_main_actions=tuple(m for m in mains.values() if m.risk is None and m.in_plan),
        without_main_action=tuple(line(r) for r in counted if not mains[r.parent_ref].in_plan),
        groups=_group_counts(groups.values()),
        by_band=by_band,
        significant=tuple(line(r) for r in counted if groups[r.ref] is Group.SIGNIFICANT),
        medium=tuple(line(r) for r in counted if groups[r.ref] is Group.MEDIUM),
        achievements=tuple(
            _achievement(counted, when, line) for when in (month, add_months(month, -1))
        ),
        milestones_due=_milestones_due(counted, month, line),
        exceptions=tuple(
            _exception(r, line(r), status)
            for r, status in pairs
            if status is not None and is_exception(status)
        ),
        status=theme_status(_progress(mains.values(), pairs), thresholds),
        counted_main_actions=tuple(m for m in mains.values() if m.in_plan),
    )


def _achievement(
    counted: list[MilestoneRecord], when: date, line: Callable[[MilestoneRecord], MilestoneLine]
) -> Achievement:
    completions = [(r, completion_in(r, when)) for r in counted]
    return Achievement(
        when,
        tuple(line(r) for r, c in completions if c is Completion.IN_MONTH),
        sum(1 for _, c in completions if c is Completion.MONTH_NOT_KNOWN),
    )


def _milestones_due(
    counted: list[MilestoneRecord], month: date, line: Callable[[MilestoneRecord], MilestoneLine]
) -> tuple[MilestoneDue, ...]:
    window = {add_months(month, n) for n in range(3)}
    due = []
    for r in counted:
        current, baseline = due_month(r.due), due_month(r.baseline_due)
        if current in window or baseline in window:
            due.append(
                MilestoneDue(
                    line(r),
                    r.due.text,
                    current,
                    r.baseline_due.text,
                    baseline,
                    r.status_in(month),
                    milestone_phrase(r, month),
                )
            )
    return tuple(due)


def exception_rating(status: Status | None) -> str:
    """ "Red" or "Amber" for an exception's status, as the summaries word it; else ""."""
    if status is None or not is_exception(status):
        return ""
    return "Red" if status is Status.SIGNIFICANT_ISSUES else "Amber"


def _exception(record: MilestoneRecord, line: MilestoneLine, status: Status) -> ExceptionLine:
    return ExceptionLine(
        line,
        exception_rating(status),
        status,
        record.due.text,
        record.baseline_due.text,
        record.rebaseline_count,
        record.commentary,
    )


def _progress(
    mains: Iterable[MainActionRecord], counted: list[tuple[MilestoneRecord, Status | None]]
) -> list[MainActionProgress]:
    """The Theme Status Key's input: each main action's milestones' statuses this month
    (`counted` pairs each counted milestone with its status for the month)."""
    by_parent: dict[str, list[tuple[MilestoneRecord, Status | None]]] = {}
    for pair in counted:
        by_parent.setdefault(pair[0].parent_ref, []).append(pair)
    progress = []
    for main in mains:
        own = by_parent.get(main.ref, [])
        subs = tuple(
            SubActionProgress(r.ref, now or Status.NO_STATUS) for r, now in own if r.ref != main.ref
        )
        # A main action with no sub-actions is its own milestone, with its own status.
        standing = [now for r, now in own if r.ref == main.ref]
        status = (standing[0] or Status.NO_STATUS) if standing else None
        progress.append(MainActionProgress(main.ref, main.risk, subs, status))
    return progress
