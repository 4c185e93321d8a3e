"""Forms for the reports pages: which month, and PMO's workstream narratives."""

from django import forms

from planwatch.reports.errors import ReportError
from planwatch.reports.theme_summary.build import report_month
from planwatch.reports.theme_summary.services import MAX_LENGTH

FORMATS = {"html": "web page", "docx": "Word", "pdf": "PDF", "json": "JSON"}


class MonthForm(forms.Form):
    month = forms.CharField(
        label="Month",
        help_text="Year and month, for example 2022-10",
        max_length=7,
        error_messages={"required": "Enter the month of the report, for example 2022-10"},
    )
    format = forms.CharField(required=False)
    assurance = forms.BooleanField(
        label="Include the assurance flags",
        required=False,
        help_text="Ratings that disagree with the council's status definitions, per theme",
    )
    risks = forms.BooleanField(
        label="Include the risk register and heatmap",
        required=False,
    )

    def clean_month(self):
        try:
            return report_month(self.cleaned_data["month"])
        except ReportError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_format(self):
        value = self.cleaned_data.get("format") or "html"
        if value not in FORMATS:
            raise forms.ValidationError(
                "Choose a download as Word (docx), PDF (pdf) or JSON (json)"
            )
        return value


def _area(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"{label} must be {MAX_LENGTH:,} characters or fewer"},
    )


class NarrativeForm(forms.Form):
    """One workstream's Focus 1 narrative; prefixed with the workstream's id on the page."""

    summary = _area("Summary")
    progress_this_month = _area("Progress this month")
    next_steps = _area("Next steps")
    issues_raised = _area("Issues raised")
