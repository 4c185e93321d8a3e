"""The Theme Progress Summary as files: the same bytes for a download, the command line and a
published edition. The JSON is built once and the layout only when a format needs it, once,
however many formats are asked for."""

from functools import cache

from planwatch.plans.models import ReportLayout
from planwatch.reports.rendering.files import report_bytes
from planwatch.reports.theme_summary.build import ThemeSummaryReport, theme_summary_json
from planwatch.reports.theme_summary.extras import ThemeSummaryExtras, theme_summary_extras_json
from planwatch.reports.theme_summary.layouts import layout_document


def theme_summary_files(
    report: ThemeSummaryReport,
    extras: ThemeSummaryExtras,
    formats: tuple[str, ...],
    layout: ReportLayout,
) -> dict[str, bytes]:
    """Each format's bytes; `layout` shapes the HTML, Word and PDF, never the JSON."""
    data = cache(lambda: {**theme_summary_json(report), **theme_summary_extras_json(extras)})
    document = cache(lambda: layout_document(report, extras, layout))
    return {fmt: report_bytes(fmt, data=data, document=document) for fmt in formats}
