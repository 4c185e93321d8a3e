"""The monthly Theme Progress Summary: figures once, then JSON or a Document to render.

`theme_summary_build` reads the plan in a fixed number of queries and computes every figure
with the pure rules in `planwatch.domain.theme_summary`; `theme_summary_json` is those
figures and the prose made from them; `document.document_for` and the council layouts
(`layouts.layout_document`) lay them out.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from planwatch.domain.change_control_phrases import due_after_change_control
from planwatch.domain.counting import Audience
from planwatch.domain.month_standing import MonthStanding
from planwatch.domain.months import month_parse
from planwatch.domain.theme_status import DEFAULT_THRESHOLDS, ThemeThresholds
from planwatch.domain.theme_summary import (
    BAND_LABELS,
    GROUP_LABELS,
    MilestoneLine,
    ThemeFigures,
    month_label,
    theme_figures,
)
from planwatch.domain.theme_summary_prose import achievement_note, summary_sentences
from planwatch.plans.counting import figures_audience
from planwatch.plans.models import Plan
from planwatch.reports.errors import ReportError
from planwatch.reports.theme_summary import selectors
from planwatch.reports.theme_summary.cell_texts import cell_texts_for
from planwatch.reports.theme_summary.overrides import overrides_for
from planwatch.reports.theme_summary.thresholds import thresholds_for

DEFINITIONS = {
    "milestone": "A sub-action, or a main action with no sub-actions (it carries its own "
    "status). A main action's own status is not counted when it has sub-actions.",
    "counted": "Milestones still in the plan, unless added after the month (first reported "
    "later), and those closed since that have a record for the month.",
    "completed_in_month": "The first month whose status is Complete or Closed, when the month "
    "before has a record that is not. With no record for the month before (for example in the "
    "first month on record) the month of completion is not known, and the milestone is counted "
    "as 'complete, month of completion not known', never as an achievement.",
    "due_in_month": "The month of the due date's latest possible day ('Autumn 22' is due by "
    "November 2022). Ongoing, recurring, blank, undated TBC and unreadable due dates are never "
    "due in a month.",
    "without_main_action": "A sub-action whose main action has no row in the plan counts "
    "with the not yet risk rated; that main action is not counted as a main action area.",
    "milestones_due": "Due (now, or by the baseline) in the report month or the next two.",
    "exceptions": "Milestones rated Medium progress (Amber) or Significant issues (Red).",
    "theme_status": "The Theme Status Key (end of seed 000) as rules in "
    "planwatch/domain/theme_status.py, by the plan's counts for its words "
    "(theme_status_thresholds); an unrated main action counts as medium risk.",
    "updates": selectors.UPDATES_COUNTED_NOTE,  # the PMO's; see report_definitions
    "risk_and_dates": "Risk ratings, titles and due dates are the plan as it stood at the "
    "month's end: each change takes effect in the month it was imported or made for.",
    "main_action_risk": "A main action scored through the corporate risk matrix takes the "
    "band of its score; until someone scores it, the tracker's imported risk level stands.",
}


@dataclass(frozen=True)
class Narrative:
    summary: str
    progress_this_month: str
    next_steps: str
    issues_raised: str
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class WorkstreamPart:
    name: str
    narrative: Narrative | None  # None: nothing written for the month


@dataclass(frozen=True)
class StatusOverride:
    rag: str
    reason: str
    set_by: str
    set_at: datetime


@dataclass(frozen=True)
class CellTexts:
    """PMO's wording of the 2022 layout's two list cells; a blank one shows the list."""

    achievements: str
    milestones_due: str


@dataclass(frozen=True)
class ThemePart:
    code: str
    name: str
    figures: ThemeFigures
    summary: tuple[str, ...]
    workstreams: tuple[WorkstreamPart, ...]
    # Each exception's due date after change control, in the words the table prints.
    due_after_change: Mapping[str, str] = field(default_factory=dict)
    status_override: StatusOverride | None = None
    cell_texts: CellTexts | None = None

    @property
    def rag(self) -> str:
        """The status the report shows: PMO's where it set one, else the computed one."""
        return self.status_override.rag if self.status_override else self.figures.status.rag

    @property
    def status_reasons(self) -> tuple[str, ...]:
        computed = self.figures.status
        if self.status_override is None:
            return computed.reasons
        return (
            f"Set to {self.status_override.rag.capitalize()} by PMO "
            f"({self.status_override.set_by}): {self.status_override.reason}",
            f"Computed by the Theme Status Key: {computed.rag.capitalize()}.",
            *computed.reasons,
        )


@dataclass(frozen=True)
class ThemeSummaryReport:
    plan: str
    organisation: str
    month: date
    months_with_updates: tuple[date, ...]
    themes: tuple[ThemePart, ...]
    standing: MonthStanding
    thresholds: ThemeThresholds = DEFAULT_THRESHOLDS
    # Whose figures: "pmo" counts submitted updates too, "published" (viewers, editions)
    # only those the PMO has accepted (`plans.counting.figures_for`).
    audience: str = Audience.PMO.value

    @property
    def has_updates(self) -> bool:
        return self.month in self.months_with_updates

    @property
    def title(self) -> str:
        return f"Improvement Plan Theme Progress Summary {month_label(self.month)}"


def report_definitions(report: ThemeSummaryReport) -> dict[str, str]:
    """The definitions the report's figures follow, the counted updates its audience's."""
    if report.audience == Audience.PUBLISHED.value:
        return {**DEFINITIONS, "updates": selectors.UPDATES_COUNTED_NOTE_PUBLISHED}
    return DEFINITIONS


def report_month(text: str) -> date:
    """A report month from "YYYY-MM"; ReportError says what is wrong otherwise."""
    month = month_parse(text)
    if month is None:
        raise ReportError(
            f"'{text}' is not a month: give it as year and month, for example 2022-10"
        )
    return month


def theme_summary_build(*, plan: Plan, month: date) -> ThemeSummaryReport:
    month = month.replace(day=1)
    records = selectors.theme_records(plan=plan, month=month)
    narratives = selectors.narratives_for(plan=plan, month=month)
    thresholds = thresholds_for(plan=plan)
    overrides = overrides_for(plan=plan, month=month)
    cells = cell_texts_for(plan=plan, month=month)
    figures_of = [
        theme_figures(
            month=month,
            main_actions=theme.main_actions,
            milestones=theme.milestones,
            thresholds=thresholds,
        )
        for theme in records
    ]
    requests = selectors.date_change_requests(
        plan=plan, month=month, refs=[e.line.ref for f in figures_of for e in f.exceptions]
    )
    themes = []
    for theme, figures in zip(records, figures_of, strict=True):
        themes.append(
            ThemePart(
                theme.theme.code,
                theme.theme.name,
                figures,
                summary_sentences(figures),
                tuple(
                    WorkstreamPart(w.name, _narrative(narratives.get(w.pk)))
                    for w in theme.workstreams
                ),
                {
                    e.line.ref: due_after_change_control(
                        e.due_text, e.baseline_due_text, requests.get(e.line.ref)
                    )
                    for e in figures.exceptions
                },
                _override(overrides.get(theme.theme.pk)),
                _cells(cells.get(theme.theme.pk)),
            )
        )
    return ThemeSummaryReport(
        audience=figures_audience().value,
        thresholds=thresholds,
        plan=plan.name,
        organisation=plan.organisation,
        month=month,
        months_with_updates=tuple(selectors.months_with_updates(plan=plan)),
        themes=tuple(themes),
        standing=selectors.month_standing(
            plan=plan, month=month, owed=sum(f.milestones for f in figures_of)
        ),
    )


def _override(row) -> StatusOverride | None:
    if row is None:
        return None
    return StatusOverride(row.rag, row.reason, row.set_by.get_username(), row.set_at)


def _cells(row) -> CellTexts | None:
    return CellTexts(row.achievements, row.milestones_due) if row is not None else None


def _narrative(row) -> Narrative | None:
    if row is None or row.is_empty:
        return None
    return Narrative(
        row.summary,
        row.progress_this_month,
        row.next_steps,
        row.issues_raised,
        row.updated_by.get_username() if row.updated_by else "",
        row.updated_at,
    )


# --- JSON ------------------------------------------------------------------------------------


def month_standing_json(standing: MonthStanding) -> dict:
    """How far a month is reported on, as every report's JSON gives it."""
    return {
        "provisional": standing.provisional,
        "label": standing.label,
        "updates_owed": standing.owed,
        "updates_in": standing.received,
        "updates_accepted": standing.accepted,
        "cycle_open": standing.cycle_open,
    }


def _line(line: MilestoneLine) -> dict:
    return {
        "ref": line.ref,
        "title": line.title,
        "main_action_ref": line.parent_ref,
        "main_action_title": line.parent_title,
    }


def _month(value: date | None) -> str | None:
    return f"{value:%Y-%m}" if value else None


def _theme_json(part: ThemePart) -> dict:
    f = part.figures
    return {
        "code": part.code,
        "name": part.name,
        "main_actions": {
            "total": f.main_actions,
            "by_risk": {band.value: n for band, n in f.main_actions_by_band},
            "not_yet_risk_rated": [
                {"ref": m.ref, "title": m.title} for m in f.unrated_main_actions
            ],
            # Where each counted main action's rating comes from: its score through the
            # corporate matrix once someone has scored it, the tracker's level until then.
            "risk_sources": [
                {
                    "ref": m.ref,
                    "band": m.band.value,
                    "source": "matrix" if m.risk_scored else "import",
                }
                for m in f.counted_main_actions
            ],
        },
        "milestones": {
            "counted": f.milestones,
            "by_group": {group.value: n for group, n in f.groups},
            "by_risk": {
                b.band.value: {
                    "main_actions": b.main_actions,
                    "milestones": b.milestones,
                    "by_group": {group.value: n for group, n in b.groups},
                }
                for b in f.by_band
            },
            "without_main_action": [_line(x) for x in f.without_main_action],
            "significant": [_line(x) for x in f.significant],
            "medium": [_line(x) for x in f.medium],
        },
        "summary": list(part.summary),
        "achievements": [
            {
                "month": _month(a.month),
                "completed": [_line(x) for x in a.completed],
                "complete_month_not_known": a.complete_month_not_known,
                "note": achievement_note(a),
            }
            for a in f.achievements
        ],
        "milestones_due": [
            {
                **_line(m.line),
                "due": m.due_text,
                "due_month": _month(m.due_month),
                "baseline_due": m.baseline_due_text,
                "baseline_due_month": _month(m.baseline_due_month),
                "status": m.status.value if m.status else None,
                "phrase": m.phrase,
            }
            for m in f.milestones_due
        ],
        "exceptions": [
            {
                **_line(e.line),
                "rating": e.rating,
                "status": e.status.value,
                "due": e.due_text,
                "baseline_due": e.baseline_due_text,
                "rebaseline_count": e.rebaseline_count,
                "due_after_change_control": part.due_after_change.get(e.line.ref, ""),
                "commentary": e.commentary,
            }
            for e in f.exceptions
        ],
        # "rag" and "reasons" are the Theme Status Key's; "shown" is what the report shows,
        # PMO's own status where it set one ("override", with its reason).
        "theme_status": {
            "rag": f.status.rag,
            "reasons": list(f.status.reasons),
            "shown": part.rag,
            "override": None
            if part.status_override is None
            else {
                "rag": part.status_override.rag,
                "reason": part.status_override.reason,
                "set_by": part.status_override.set_by,
                "set_at": part.status_override.set_at.isoformat(),
            },
        },
        "workstreams": [
            {
                "name": w.name,
                "narrative": None
                if w.narrative is None
                else {
                    "summary": w.narrative.summary,
                    "progress_this_month": w.narrative.progress_this_month,
                    "next_steps": w.narrative.next_steps,
                    "issues_raised": w.narrative.issues_raised,
                    "updated_by": w.narrative.updated_by,
                    "updated_at": w.narrative.updated_at.isoformat()
                    if w.narrative.updated_at
                    else None,
                },
            }
            for w in part.workstreams
        ],
        # PMO's wording of the 2022 layout's list cells, where it wrote its own.
        **({"cell_texts": asdict(part.cell_texts)} if part.cell_texts is not None else {}),
    }


def theme_summary_json(report: ThemeSummaryReport) -> dict:
    return {
        "report": "theme_summary",
        "title": report.title,
        "plan": report.plan,
        "organisation": report.organisation,
        "month": _month(report.month),
        "has_updates": report.has_updates,
        "month_standing": month_standing_json(report.standing),
        "months_with_updates": [_month(m) for m in report.months_with_updates],
        "definitions": report_definitions(report),
        "theme_status_thresholds": asdict(report.thresholds),
        "labels": {
            "groups": {g.value: label for g, label in GROUP_LABELS.items()},
            "risk": {b.value: label for b, label in BAND_LABELS.items()},
        },
        "themes": [_theme_json(part) for part in report.themes],
    }
