"""Forms for the reports pages: which month, and PMO's workstream narratives."""

from django import forms

from planwatch.plans.models import ReportLayout
from planwatch.reports.errors import ReportError
from planwatch.reports.models import ThemeRag
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
    # Blank: the plan's default layout (Plan.report_layout).
    layout = forms.ChoiceField(
        label="Layout",
        required=False,
        choices=[("", "The plan's default"), *ReportLayout.choices],
        error_messages={"invalid_choice": "Choose a layout from the list"},
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


class PlanLayoutForm(forms.Form):
    layout = forms.ChoiceField(
        label="Default layout of the Theme Progress Summary",
        choices=ReportLayout.choices,
        error_messages={
            "required": "Choose a layout",
            "invalid_choice": "Choose a layout from the list",
        },
    )


def _count(label: str, hint: str, least: int = 1) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=hint,
        min_value=least,
        max_value=99,
        error_messages={
            "required": f"Enter {label.lower()}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be {least} or more",
            "max_value": f"{label} must be 99 or fewer",
        },
    )


class ThresholdsForm(forms.Form):
    """The counts behind the Theme Status Key's words (`domain.theme_status.ThemeThresholds`)."""

    priority_issues_for_amber = _count(
        "Issues in high and medium risk areas that make a theme Amber",
        "The key's “some medium delivery issues”: sub-actions rated Medium progress or "
        "Significant issues under high- or medium-risk main actions",
    )
    priority_issues_for_red = _count(
        "Issues in high and medium risk areas that make a theme Red",
        "The key's “a number of medium/significant delivery issues”",
    )
    priority_significant_for_red = _count(
        "Significant issues in high and medium risk areas that alone make a theme Red",
        "Sub-actions rated Significant issues",
    )
    low_risk_issues_tolerated = _count(
        "Issues in green risk areas a Green theme may still have",
        "The key's “a small number of sub-actions with amber/red progress”; one more makes "
        "the theme Amber",
        least=0,
    )
    low_risk_significant_for_red = _count(
        "Significant issues in green risk areas that make a theme Red",
        "The key's “a number of significant delivery issues”",
    )


class ThemeStatusForm(forms.Form):
    rag = forms.ChoiceField(
        label="Status the report shows",
        required=False,
        choices=[
            ("", "The computed status"),
            *ThemeRag.choices,
        ],
        error_messages={"invalid_choice": "Choose Green, Amber, Red or the computed status"},
    )
    reason = forms.CharField(
        label="Why",
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown in the report beside the computed status and its reasons",
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    def clean(self):
        data = super().clean()
        if data.get("rag") and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why the theme's status is not the computed one")
        return data


class CellTextsForm(forms.Form):
    achievements = forms.CharField(
        label="Achievements this period",
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Leave blank to show the computed list of completed sub-actions",
        error_messages={"max_length": "The cell must be 10,000 characters or fewer"},
    )
    milestones_due = forms.CharField(
        label="Milestones due (rolling 3 months)",
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Leave blank to show the computed list of milestones due",
        error_messages={"max_length": "The cell must be 10,000 characters or fewer"},
    )
