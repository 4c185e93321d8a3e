"""A period report as JSON (every figure the prose uses) and as a document to render."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from planwatch.domain.periods import month_label, month_list_label
from planwatch.reports.period.build import (
    REPORT_KINDS,
    RISKS,
    STATUS_GROUPS,
    DecisionLine,
    PeriodReport,
    ThemeProgress,
)
from planwatch.reports.rendering.document import Cell, Document, Paragraph, Section, Table
from planwatch.reports.theme_summary.build import month_standing_json

RISK_WORDS = {
    "high": "with a red (high) risk rating",
    "medium": "amber (medium)",
    "low": "green (low)",
    "unrated": "not yet risk rated",
}
GROUP_WORDS = {
    "on_track": "on track",
    "medium_progress": "with medium progress (amber)",
    "significant_issues": "with significant issues or slippage (red)",
    "not_due_to_start": "not yet due to start",
    "complete_or_closed": "complete or closed",
    "new_action": "new actions not yet rated",
    "other": "with another status",
    "no_update": "with no update for the month",
}
GROUP_TONES = {"on_track": "green", "medium_progress": "amber", "significant_issues": "red"}


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _lines(lines) -> list[dict]:
    # The lines are flat dataclasses, so their fields are read directly: `asdict` deep-copies
    # every value, a third of the JSON's time with thousands of slipped actions.
    return [{f.name: _iso(getattr(line, f.name)) for f in fields(line)} for line in lines]


def _theme_figures(theme: ThemeProgress) -> dict:
    return {
        "main_actions": theme.main_actions,
        "main_actions_by_risk": dict(theme.main_by_risk),
        "milestones_at_start": theme.milestones_at_start,
        "milestones_at_end": theme.milestones_at_end,
        "milestones_by_status_at_start": dict(theme.milestones_start),
        "milestones_by_status_at_end": dict(theme.milestones_end),
        "completed_in_period": len(theme.completed),
        "complete_when_first_recorded": len(theme.complete_when_first_recorded),
        "slipped": len(theme.slipped),
        "decisions": len(theme.decisions),
        "open_exceptions": len(theme.exceptions),
    }


def period_report_json(report: PeriodReport) -> dict:
    coverage = report.coverage
    return {
        "report": report.kind,
        "title": _title(report),
        "plan": report.plan_name,
        "period": {
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
            "months": report.period.length,
            "label": report.period.label,
        },
        "coverage": {
            "months_with_data": [m.isoformat() for m in coverage.months_with_data],
            "months_without_data": [m.isoformat() for m in coverage.months_without_data],
            "start_month": _iso(coverage.first),
            "end_month": _iso(coverage.last),
            "sentence": coverage.sentence(),
        },
        "month_standing": None
        if report.standing is None
        else {"month": _iso(coverage.last), **month_standing_json(report.standing)},
        "themes": [
            {
                "code": theme.code,
                "name": theme.name,
                "figures": _theme_figures(theme),
                "summary": _theme_summary(report, theme),
                "completed": _lines(theme.completed),
                "complete_when_first_recorded": _lines(theme.complete_when_first_recorded),
                "slipped": _lines(theme.slipped),
                "decisions": _lines(theme.decisions),
                "exceptions": _lines(theme.exceptions),
            }
            for theme in report.themes
        ],
        "decisions_without_theme": _lines(report.decisions_without_theme),
        "change_requests_raised_in_period": dict(report.raised_in_period),
        "totals": _totals(report),
    }


def _totals(report: PeriodReport) -> dict:
    totals: dict = {}
    for theme in report.themes:
        for key, value in _theme_figures(theme).items():
            if isinstance(value, dict):
                bucket = totals.setdefault(key, {})
                for inner, n in value.items():
                    bucket[inner] = bucket.get(inner, 0) + n
            else:
                totals[key] = totals.get(key, 0) + value
    totals["decisions"] = totals.get("decisions", 0) + len(report.decisions_without_theme)
    return totals


def _title(report: PeriodReport) -> str:
    return f"{report.plan_name}: {REPORT_KINDS[report.kind][0]}, {report.period.label}"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _theme_summary(report: PeriodReport, theme: ThemeProgress) -> list[str]:
    """The summary statement, one sentence per figure group, in the council's words."""
    risks = ", ".join(f"{theme.main_by_risk[r.value]} {RISK_WORDS[r.value]}" for r in RISKS)
    sentences = [f"Of the {_plural(theme.main_actions, 'main action area')}, there are: {risks}."]
    coverage = report.coverage
    if coverage.last is None:
        sentences.append("There are no monthly updates in this period.")
    else:
        groups = ", ".join(
            f"{theme.milestones_end[key]} {GROUP_WORDS[key]}" for key, _, _ in STATUS_GROUPS
        )
        sentences.append(
            f"At the end of the period ({month_label(coverage.last)}), of the "
            f"{_plural(theme.milestones_at_end, 'milestone')}: {groups}."
        )
        if coverage.first != coverage.last:
            sentences.append(
                f"At the start ({month_label(coverage.first)}) there were "
                f"{_plural(theme.milestones_at_start, 'milestone')}, "
                f"{theme.milestones_start['complete_or_closed']} complete or closed."
            )
    sentences.append(
        f"{_plural(len(theme.completed), 'milestone was', 'milestones were')} completed in the "
        f"period; {_plural(len(theme.complete_when_first_recorded), 'more was', 'more were')} "
        "complete with the month of completion not known."
    )
    sentences.append(
        f"{_plural(len(theme.slipped), 'action has', 'actions have')} a due date later than "
        f"the baseline; {_plural(len(theme.decisions), 'change-control decision')} "
        f"{'was' if len(theme.decisions) == 1 else 'were'} made in the period; "
        f"{_plural(len(theme.exceptions), 'exception')} (amber or red) "
        f"{'is' if len(theme.exceptions) == 1 else 'are'} open at the end of the period."
    )
    return sentences


# --- Document -----------------------------------------------------------------------------


def period_report_document(report: PeriodReport, charts: tuple = ()) -> Document:
    """The report as a Document; `charts` (period_charts.period_charts) follow the overview."""
    coverage = report.coverage
    subtitle = (
        f"Reporting period {report.period.label} ({report.period.length} months). "
        f"Monthly updates held: {month_list_label(coverage.months_with_data)}."
    )
    from planwatch.reports.period.charts import period_charts_section

    sections = [_about(report), _overview(report)]
    if chart_section := period_charts_section(charts):
        sections.append(chart_section)
    sections += [_theme_section(report, theme) for theme in report.themes]
    if report.decisions_without_theme:
        sections.append(
            Section(
                "Change-control decisions not tied to a theme",
                (_decision_table("Decisions on new main actions", report.decisions_without_theme),),
            )
        )
    return Document(
        title=_title(report),
        subtitle=subtitle,
        sections=tuple(sections),
        status_note=report.status_note,
    )


def _about(report: PeriodReport) -> Section:
    raised = report.raised_in_period
    raised_text = ", ".join(f"{n} {decision}" for decision, n in sorted(raised.items()))
    return Section(
        "About this report",
        (
            Paragraph(report.coverage.sentence(), label="Data:"),
            Paragraph(
                "Milestones are sub-actions, and main actions with no sub-actions; a month's "
                "milestones are those with an update for it, and the live ones that had an update "
                "before but none for it. A "
                "milestone counts as completed in the period when it was first rated Complete "
                "or Closed in one of its months and the month before has an update; otherwise "
                "its month of completion is not known. Exceptions are milestones rated Medium "
                "progress or Significant issues in the last month with updates. Draft updates "
                "are not counted. Risk levels, due dates and re-baselines are the plan as it "
                "stands when the report is made.",
                label="How figures are counted:",
            ),
            Paragraph(
                f"{sum(raised.values())} change requests were raised in the period"
                + (f" ({raised_text})." if raised else "."),
                label="Change control:",
            ),
        ),
    )


# The overview in two tables, so neither is too wide for a page or a portrait screen.
RISK_COLUMNS = (
    ("Main actions", lambda f: f["main_actions"]),
    ("High risk", lambda f: f["main_actions_by_risk"]["high"]),
    ("Medium risk", lambda f: f["main_actions_by_risk"]["medium"]),
    ("Low risk", lambda f: f["main_actions_by_risk"]["low"]),
    ("Not yet rated", lambda f: f["main_actions_by_risk"]["unrated"]),
)
PERIOD_COLUMNS = (
    ("Milestones on track", lambda f: f["milestones_by_status_at_end"]["on_track"]),
    ("Amber", lambda f: f["milestones_by_status_at_end"]["medium_progress"]),
    ("Red", lambda f: f["milestones_by_status_at_end"]["significant_issues"]),
    ("Completed in the period", lambda f: f["completed_in_period"]),
    ("Slipped", lambda f: f["slipped"]),
    ("Decisions", lambda f: f["decisions"]),
    ("Open exceptions", lambda f: f["open_exceptions"]),
)


def _overview(report: PeriodReport) -> Section:
    figures = [(f"{t.code} {t.name}", _theme_figures(t)) for t in report.themes]
    figures.append(("All themes", _totals(report)))
    end = month_label(report.coverage.last) if report.coverage.last else "no updates"

    def table(caption: str, columns) -> Table:
        headers = ("Theme", *(heading for heading, _ in columns))
        rows = tuple((name, *(str(value(f)) for _, value in columns)) for name, f in figures)
        return Table(caption, headers, rows)

    return Section(
        "Progress across the plan",
        (
            table("Main actions by risk level", RISK_COLUMNS),
            table(f"Milestones at {end}, and the period {report.period.label}", PERIOD_COLUMNS),
        ),
    )


def _theme_section(report: PeriodReport, theme: ThemeProgress) -> Section:
    coverage = report.coverage
    blocks: list = [Paragraph(" ".join(_theme_summary(report, theme)), label="Summary:")]
    if coverage.last is not None:
        start, end = month_label(coverage.first), month_label(coverage.last)
        rows = [
            (
                Cell(label, GROUP_TONES.get(key)),
                str(theme.milestones_start[key]),
                str(theme.milestones_end[key]),
            )
            for key, label, _ in STATUS_GROUPS
        ]
        rows.append(
            ("All milestones", str(theme.milestones_at_start), str(theme.milestones_at_end))
        )
        blocks.append(
            Table(f"{theme.name}: milestones by status", ("Status", start, end), tuple(rows))
        )
    blocks.append(
        _action_table(
            f"{theme.name}: completed in the period",
            ("Ref", "Action", "Rated complete in"),
            [(c.ref, c.title, month_label(c.month)) for c in theme.completed],
            "No action was completed in the period.",
        )
    )
    blocks.append(
        _action_table(
            f"{theme.name}: slippage against baseline",
            ("Ref", "Action", "Baseline due", "Current due", "Months slipped", "Re-baselined"),
            [
                (
                    s.ref,
                    s.title,
                    s.baseline_due,
                    s.current_due,
                    "unknown" if s.months is None else str(s.months),
                    str(s.rebaseline_count),
                )
                for s in theme.slipped
            ],
            "No action's due date is later than its baseline.",
        )
    )
    if theme.decisions:
        blocks.append(_decision_table(f"{theme.name}: change-control decisions", theme.decisions))
    else:
        blocks.append(Paragraph("No change-control decisions in the period.", label="Decisions:"))
    blocks.append(
        _action_table(
            f"{theme.name}: open exceptions at {month_label(coverage.last)}"
            if coverage.last
            else f"{theme.name}: open exceptions",
            ("Ref", "Action", "Rating", "Original due", "Due after change control", "Commentary"),
            [
                (
                    e.ref,
                    e.title,
                    Cell(e.rating, "red" if e.status == "significant_issues" else "amber"),
                    e.baseline_due,
                    e.current_due,
                    e.commentary,
                )
                for e in theme.exceptions
            ],
            "No amber or red actions at the end of the period.",
        )
    )
    return Section(f"{theme.code} {theme.name}", tuple(blocks))


def _action_table(caption: str, headers: tuple[str, ...], rows: list, empty: str):
    if not rows:
        return Paragraph(empty, label=caption.split(": ", 1)[-1].capitalize() + ":")
    return Table(caption, headers, tuple(tuple(row) for row in rows))


def _decision_table(caption: str, decisions: list[DecisionLine]) -> Table:
    return Table(
        caption,
        ("Ref", "Action", "Change", "Decision", "Decided by", "Decided on", "Raised in", "Note"),
        tuple(
            (
                d.ref,
                d.title,
                d.kind,
                Cell(d.decision, "green" if d.decision == "Approved" else "grey"),
                d.decided_by,
                d.decided_on.strftime("%d %b %Y") + (f", at {d.meeting}" if d.meeting else ""),
                month_label(d.raised_month),
                d.note,
            )
            for d in decisions
        ),
    )
