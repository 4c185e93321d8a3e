"""Text the council typed into the tracker, as safe HTML: its bold, italic and line breaks
drawn (`domain.emphasis`), every character escaped. Pages and report files share it, so a
due date of "<b>Sep-22</b>" reads the same, bold, on both."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from planwatch.domain.emphasis import Run, emphasis_runs


def workbook_html(text: str) -> SafeString:
    return mark_safe("".join(_run_html(run) for run in emphasis_runs(text or "")))


def _run_html(run: Run) -> str:
    out = "<br>".join(escape(line) for line in run.text.split("\n"))
    if run.italic:
        out = f"<em>{out}</em>"
    if run.bold:
        out = f"<strong>{out}</strong>"
    return out
