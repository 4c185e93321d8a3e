"""The Theme Progress Summary in the council's 2023 layout (seeds 003 and 001): one landscape
table per theme, Theme | Summary | Achievements this period | Key Milestones. The Summary holds
each workstream's "Focus 1" narrative (Summary, Progress this month, Next steps, Issues
raised), then "Focus 2 Exceptions": each amber or red action with its rating, its date change
("Due in May 23. Change control to December 23") and its progress commentary."""

from planwatch.domain.counting import DONE_STATUSES
from planwatch.domain.theme_summary import MONTH_NAMES, MilestoneDue, month_label
from planwatch.domain.theme_summary_prose import achievement_note
from planwatch.reports.rendering.document import Document, Section, Table
from planwatch.reports.theme_summary.build import ThemePart, ThemeSummaryReport
from planwatch.reports.theme_summary.council_parts import (
    council_document,
    status_blocks,
    theme_cell,
)

HEADERS = ("Theme", "Summary", "Achievements this period", "Key Milestones")


def _focus1(part: ThemePart) -> list[str]:
    month = month_label(part.figures.month)
    lines: list[str] = []
    for workstream in part.workstreams:
        lines.append(f"Focus 1: {workstream.name}")
        n = workstream.narrative
        if n is None:
            lines.append(f"• No narrative written for {month}.")
            continue
        for label, text in (
            ("Summary", n.summary),
            ("Progress this month", n.progress_this_month),
            ("Next steps", n.next_steps),
            ("Issues raised", n.issues_raised or "no issues raised"),
        ):
            if text:
                lines.append(f"• {label}: {text}")
    return lines


def _focus2(part: ThemePart) -> list[str]:
    exceptions = part.figures.exceptions
    if not exceptions:
        return ["Focus 2 Exceptions: none this month."]
    lines = ["Focus 2 Exceptions"]
    for e in exceptions:
        lines.append(f"• {e.line.ref} {e.line.title} - {e.rating} rated")
        due = f"Due {e.baseline_due_text}" if e.baseline_due_text else "No due date"
        lines.append(f"  {due}. {part.due_after_change.get(e.line.ref) or e.due_text}")
        lines.append(f"  Progress commentary: {e.commentary or 'none given.'}")
    return lines


def _summary_cell(part: ThemePart) -> str:
    return "\n".join([*_focus1(part), "", *_focus2(part)])


def _achievements_cell(part: ThemePart) -> str:
    lines = []
    for achievement in part.figures.achievements:
        if not achievement.completed and not achievement.complete_month_not_known:
            continue
        lines.append(MONTH_NAMES[achievement.month.month - 1])
        lines += [f"• {x.title} ({x.ref})" for x in achievement.completed]
        if note := achievement_note(achievement):
            lines.append(note)
    return "\n".join(lines) or "No sub-action was completed this period."


def _milestone(m: MilestoneDue) -> str:
    # The seed's "Corporate Induction Revised. Complete" and "Workforce Strategy approved- Due
    # for approval in September": done, or when it is due.
    state = "Complete" if m.status in DONE_STATUSES else f"Due {m.due_text or 'date not set'}"
    return f"• {m.line.title} ({m.line.ref}). {state}"


def _milestones_cell(part: ThemePart) -> str:
    due = part.figures.milestones_due
    return "\n".join(_milestone(m) for m in due) if due else "No key milestones due."


def _theme(part: ThemePart, report: ThemeSummaryReport) -> Section:
    row = (
        theme_cell(part, report),
        _summary_cell(part),
        _achievements_cell(part),
        _milestones_cell(part),
    )
    caption = f"{part.name}: progress summary, {month_label(report.month)}"
    table = Table(caption, HEADERS, (row,), long_rows=True)
    return Section(part.name, (table, *status_blocks(part, report)))


def document_2023(report: ThemeSummaryReport, extras=None) -> Document:
    return council_document(report, extras, _theme)
