"""What a period report says: plain figures and lines, filled by `period_selectors`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planwatch.domain.counting import ALL_GROUPS, DONE_STATUSES, EXCEPTION_STATUSES, status_group
from planwatch.domain.month_standing import MonthStanding
from planwatch.domain.periods import Coverage, Period
from planwatch.domain.statuses import Status
from planwatch.plans.models import RiskLevel

CABINET_MONTHS = 3
COMMISSIONERS_MONTHS = 6
RISKS = (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.UNRATED)
DONE, EXCEPTIONS = DONE_STATUSES, EXCEPTION_STATUSES
# The progress table's columns: the status groups every table and chart counts by
# (`domain.counting.ALL_GROUPS`), under the keys and headings the period reports have always
# used, then the table's own column for milestones with no update for the month.
_COLUMNS = {
    "on_track": ("on_track", "On track"),
    "medium": ("medium_progress", "Medium progress"),
    "significant": ("significant_issues", "Significant issues"),
    "not_due": ("not_due_to_start", "Not due to start"),
    "done": ("complete_or_closed", "Complete or closed"),
    "new": ("new_action", "New action added"),
    "other": ("other", "Other status"),
}
STATUS_GROUPS: tuple[tuple[str, str, tuple[Status, ...]], ...] = (
    *((*_COLUMNS[g.key], tuple(sorted(g.statuses))) for g in ALL_GROUPS),
    ("no_update", "No update for the month", ()),
)


def table_group(status: str) -> str:
    """The progress table's column for a stored status value."""
    return _COLUMNS[status_group(status).key][0]


class PeriodReportError(Exception):
    """A report that cannot be built as asked; the message is for the person who asked."""


@dataclass(frozen=True)
class ActionLine:
    ref: str
    title: str
    theme_code: str


@dataclass(frozen=True)
class Completed(ActionLine):
    month: date


@dataclass(frozen=True)
class Slipped(ActionLine):
    baseline_due: str
    current_due: str
    months: int | None
    rebaseline_count: int


@dataclass(frozen=True)
class DecisionLine:
    ref: str
    title: str
    theme_code: str
    kind: str
    decision: str
    decided_by: str
    decided_on: date
    raised_month: date
    note: str
    meeting: str = ""


@dataclass(frozen=True)
class ExceptionLine(ActionLine):
    status: str
    rating: str
    baseline_due: str
    current_due: str
    commentary: str


@dataclass
class ThemeProgress:
    code: str
    name: str
    main_by_risk: dict[str, int] = field(default_factory=lambda: {r.value: 0 for r in RISKS})
    milestones_start: dict[str, int] = field(default_factory=lambda: _zero_groups())
    milestones_end: dict[str, int] = field(default_factory=lambda: _zero_groups())
    completed: list[Completed] = field(default_factory=list)
    complete_when_first_recorded: list[Completed] = field(default_factory=list)
    slipped: list[Slipped] = field(default_factory=list)
    decisions: list[DecisionLine] = field(default_factory=list)
    exceptions: list[ExceptionLine] = field(default_factory=list)

    @property
    def main_actions(self) -> int:
        return sum(self.main_by_risk.values())

    @property
    def milestones_at_end(self) -> int:
        return sum(self.milestones_end.values())

    @property
    def milestones_at_start(self) -> int:
        return sum(self.milestones_start.values())


@dataclass
class PeriodReport:
    plan_name: str
    kind: str  # "cabinet" or "commissioners"
    period: Period
    coverage: Coverage
    themes: list[ThemeProgress]
    # Decisions on requests with no action (a new main action) belong to no theme.
    decisions_without_theme: list[DecisionLine] = field(default_factory=list)
    raised_in_period: dict[str, int] = field(default_factory=dict)
    # How far the last month with data is reported on; None when no month has data.
    standing: MonthStanding | None = None

    @property
    def status_note(self) -> str:
        """Said on every output while the last month's figures are not final."""
        if self.standing is None or not self.standing.provisional:
            return ""
        assert self.coverage.last is not None
        label = self.standing.label
        return f"{self.coverage.last:%b %Y} {label[0].lower()}{label[1:]}"

    @property
    def audience(self) -> str:
        return REPORT_KINDS[self.kind][0]


# kind -> (title words, months)
REPORT_KINDS: dict[str, tuple[str, int]] = {
    "cabinet": ("Cabinet quarterly progress report", CABINET_MONTHS),
    "commissioners": ("Commissioners' six-monthly progress report", COMMISSIONERS_MONTHS),
}


def _zero_groups() -> dict[str, int]:
    return {key: 0 for key, _, _ in STATUS_GROUPS}
