"""Which layout lays out a Theme Progress Summary: the one asked for, else the plan's own."""

from planwatch.plans.models import Plan, ReportLayout
from planwatch.reports.errors import ReportError
from planwatch.reports.theme_summary.build import ThemeSummaryReport
from planwatch.reports.theme_summary.document import document_for
from planwatch.reports.theme_summary.layout_2022 import document_2022
from planwatch.reports.theme_summary.layout_2023 import document_2023

_DOCUMENTS = {
    ReportLayout.COUNCIL_2022: document_2022,
    ReportLayout.COUNCIL_2023: document_2023,
    ReportLayout.ANALYSIS: document_for,
}
LAYOUT_NAMES = tuple(layout.value for layout in ReportLayout)


def layout_for(plan: Plan, asked: str | None = None) -> ReportLayout:
    """`asked` ("2022", "2023", "analysis"), or the plan's default when none is asked for."""
    value = asked or plan.report_layout
    try:
        return ReportLayout(value)
    except ValueError:
        names = ", ".join(LAYOUT_NAMES)
        raise ReportError(f"'{value}' is not a report layout: choose one of {names}") from None


def layout_document(report: ThemeSummaryReport, extras, layout: ReportLayout):
    return _DOCUMENTS[layout](report, extras)
