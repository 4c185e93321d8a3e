"""What the council's two layouts (2022, 2023) share: the Theme cell with its status written
out, the status's reasons under each table, the Theme Status Key at the end, and the document
around the theme tables."""

from collections.abc import Callable

from planwatch.domain.theme_status import THEME_STATUS_KEY
from planwatch.domain.theme_summary import month_label
from planwatch.reports.rendering.document import Bullets, Cell, Document, Paragraph, Section
from planwatch.reports.theme_summary.build import ThemePart, ThemeSummaryReport
from planwatch.reports.theme_summary.document import extra_sections, summary_document


def theme_cell(part: ThemePart, report: ThemeSummaryReport) -> Cell:
    # The status is written as well as shaded: colour alone would say nothing to a screen
    # reader or on a black-and-white print.
    if not report.standing.has_updates:
        return Cell(f"{part.name}\nNo updates yet", "grey")
    return Cell(f"{part.name}\nTheme status: {part.rag.capitalize()}", part.rag)


def status_blocks(part: ThemePart, report: ThemeSummaryReport) -> list:
    """Why the theme has its status: the Theme Status Key's reasons, and PMO's own where it
    set the status itself."""
    if not report.standing.has_updates:
        return []
    label = f"Why the theme is {part.rag.capitalize()}:"
    return [Paragraph("", label=label), Bullets(part.status_reasons)]


def council_document(
    report: ThemeSummaryReport,
    extras,
    theme_section: Callable[[ThemePart, ThemeSummaryReport], Section],
) -> Document:
    sections = []
    if not report.has_updates:
        month = month_label(report.month)
        note = (
            f"No updates are recorded for {month}: every sub-action is counted as having no "
            "status for the month."
        )
        sections.append(Section(f"No updates for {month}", (Paragraph(note),)))
    sections += [theme_section(part, report) for part in report.themes]
    sections += extra_sections(extras, report.themes)
    sections.append(
        Section("Theme Status Key", tuple(Paragraph(text) for _, text in THEME_STATUS_KEY))
    )
    return summary_document(report, sections)
