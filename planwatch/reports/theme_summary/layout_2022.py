"""The Theme Progress Summary in the council's 2022 layout (seed 000): one landscape table per
theme with the seed's four columns, the Summary opening with the council's own statement, and
the Theme Status Key at the end. The figures are the report's; only the layout is the seed's."""

from datetime import date

from planwatch.domain.council_summary import council_statement, statement_text
from planwatch.domain.theme_summary import MONTH_NAMES, add_months, month_label
from planwatch.domain.theme_summary_prose import achievement_note
from planwatch.reports.rendering.document import Document, Section, Table
from planwatch.reports.theme_summary.build import ThemePart, ThemeSummaryReport
from planwatch.reports.theme_summary.council_parts import (
    council_document,
    status_blocks,
    theme_cell,
)


def _name(month: date) -> str:
    return MONTH_NAMES[month.month - 1]


def headers(month: date) -> tuple[str, str, str, str]:
    """The seed's headings, for `month`: "Achievements this period (June-July)" and
    "Milestones due (rolling 3 months) June – Aug" in July's summary."""
    return (
        "Theme",
        "Summary",
        f"Achievements this period ({_name(add_months(month, -1))}-{_name(month)})",
        f"Milestones due (rolling 3 months) {_name(month)} – {_name(add_months(month, 2))}",
    )


def _workstream_updates(part: ThemePart) -> str:
    month = month_label(part.figures.month)
    lines = [f"{part.name} Workstream Updates"]
    for workstream in part.workstreams:
        lines.append(workstream.name)
        n = workstream.narrative
        written = [t for t in (n.summary, n.progress_this_month) if t] if n else []
        lines += [f"• {text}" for text in written] or [f"• No update written for {month}."]
    return "\n".join(lines)


def _summary_cell(part: ThemePart) -> str:
    return statement_text(council_statement(part.figures)) + "\n\n" + _workstream_updates(part)


def _achievements_cell(part: ThemePart) -> str:
    lines = []
    for achievement in part.figures.achievements:
        lines.append(f"{_name(achievement.month)}:")
        lines += [f"• {x.title} ({x.ref})" for x in achievement.completed] or [
            "• No sub-action was completed."
        ]
        if note := achievement_note(achievement):
            lines.append(note)
    return "\n".join(lines)


def _milestones_cell(part: ThemePart) -> str:
    due = part.figures.milestones_due
    if not due:
        return "No milestones due."
    return "\n".join(f"• {m.line.title} ({m.line.ref}): {m.phrase}" for m in due)


def computed_cells(part: ThemePart) -> tuple[str, str]:
    """The achievements and milestones cells as the figures give them: where PMO's own
    wording starts from, and what a cell PMO left blank shows."""
    return _achievements_cell(part), _milestones_cell(part)


def _theme(part: ThemePart, report: ThemeSummaryReport) -> Section:
    achievements, milestones = computed_cells(part)
    if part.cell_texts is not None:
        achievements = part.cell_texts.achievements or achievements
        milestones = part.cell_texts.milestones_due or milestones
    row = (theme_cell(part, report), _summary_cell(part), achievements, milestones)
    table = Table(
        f"{part.name}: progress summary, {month_label(report.month)}",
        headers(report.month),
        (row,),
        long_rows=True,
    )
    blocks: list = [table, *status_blocks(part, report)]
    return Section(part.name, tuple(blocks))


def document_2022(report: ThemeSummaryReport, extras=None) -> Document:
    """The report as seed 000 lays it out; `extras` adds the assurance flags and the risk
    register when they were asked for (the 2022 summary had no charts)."""
    return council_document(report, extras, _theme)
