"""Forms for the register, its reviews and main-action scores.

Every level is a GOV.UK radio whose hint is the matrix's own definition for that level, so
whoever scores a risk reads the council's wording as they choose. The forms only collect
input; what a valid risk is lives in the services (RiskError lands beside its field).
"""

import re
from datetime import date

from django import forms

from planwatch.domain.months import month_parse, month_value
from planwatch.domain.refs import parse_ref

from .level_radios import LevelRadiosMixin, level_field
from .matrix import Matrix
from .models import RiskStatus


def _refs_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _refs_clean(text: str) -> list[str]:
    refs = [part.strip().upper() for part in re.split(r"[,;\s]+", text or "") if part.strip()]
    for ref in refs:
        if parse_ref(ref) is None:
            raise forms.ValidationError(f"'{ref}' is not an action reference like OC.A1.0")
    return list(dict.fromkeys(refs))


class RiskForm(LevelRadiosMixin, forms.Form):
    level_dimensions = {
        "inherent_financial": "financial",
        "inherent_reputation": "reputation",
        "inherent_service_delivery": "service_delivery",
        "inherent_likelihood": "likelihood",
        "residual_impact": "impact",
        "residual_likelihood": "likelihood",
        "target_impact": "impact",
        "target_likelihood": "likelihood",
    }

    reference = forms.CharField(
        label="Reference",
        max_length=20,
        help_text="For example R01",
        error_messages={"required": "Enter the risk's reference, for example R01"},
    )
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the risk's title"}
    )
    description = forms.CharField(
        label="Description",
        help_text="The risk as the register words it.",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    cause = forms.CharField(
        label="Cause", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    effect = forms.CharField(
        label="Effect", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.CharField(label="Risk owner", required=False, max_length=300)
    category = forms.CharField(label="Category", required=False, max_length=100)
    themes = forms.MultipleChoiceField(
        label="Themes affected", required=False, widget=forms.CheckboxSelectMultiple
    )
    action_refs = _refs_field(
        "Linked actions", "Action references separated by commas, for example OC.A1.0, CO.C1.0"
    )
    inherent_financial = level_field("Financial impact", required=False)
    inherent_reputation = level_field("Reputation impact", required=False)
    inherent_service_delivery = level_field("Service delivery impact", required=False)
    inherent_likelihood = level_field("Likelihood", required=False)
    controls = forms.CharField(
        label="Controls and mitigations",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    mitigating_action_refs = _refs_field(
        "Plan actions that mitigate it", "Action references separated by commas"
    )
    residual_impact = level_field("Residual impact", required=False)
    residual_likelihood = level_field("Residual likelihood", required=False)
    target_impact = level_field("Target impact", required=False)
    target_likelihood = level_field("Target likelihood", required=False)
    review_date = forms.DateField(
        label="Next review date",
        help_text="For example 30/11/2022",
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"],
        error_messages={"invalid": "Enter the review date as day/month/year, like 30/11/2022"},
    )
    status = forms.ChoiceField(label="Status", choices=RiskStatus.choices, initial=RiskStatus.OPEN)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, matrix: Matrix, themes, **kwargs):
        super().__init__(*args, matrix=matrix, **kwargs)
        self.fields["themes"].choices = [(t.code, f"{t.code} {t.name}") for t in themes]

    def clean_action_refs(self) -> list[str]:
        return _refs_clean(self.cleaned_data["action_refs"])

    def clean_mitigating_action_refs(self) -> list[str]:
        return _refs_clean(self.cleaned_data["mitigating_action_refs"])

    @property
    def sections(self) -> list[tuple[str, str, list[str]]]:
        """(heading, hint, level fields) of the three scorings, for the template."""
        return [
            (
                "Inherent risk",
                "Before controls. Impact is the higher of the three dimensions.",
                [
                    "inherent_financial",
                    "inherent_reputation",
                    "inherent_service_delivery",
                    "inherent_likelihood",
                ],
            ),
            (
                "Residual risk",
                "With the controls in place now.",
                ["residual_impact", "residual_likelihood"],
            ),
            (
                "Target risk",
                "Where the plan means to bring it.",
                ["target_impact", "target_likelihood"],
            ),
        ]

    @staticmethod
    def initial_of(data) -> dict:
        """Form initial values from a RiskData."""
        initial = {
            name: getattr(data, name)
            for name in (
                "reference",
                "title",
                "description",
                "cause",
                "effect",
                "owner",
                "category",
                "inherent_financial",
                "inherent_reputation",
                "inherent_service_delivery",
                "inherent_likelihood",
                "controls",
                "residual_impact",
                "residual_likelihood",
                "target_impact",
                "target_likelihood",
                "status",
            )
        }
        initial["themes"] = data.theme_codes
        initial["action_refs"] = ", ".join(data.action_refs)
        initial["mitigating_action_refs"] = ", ".join(data.mitigating_action_refs)
        initial["review_date"] = data.review_date.strftime("%d/%m/%Y") if data.review_date else ""
        return initial

    def data_kwargs(self) -> dict:
        cleaned = dict(self.cleaned_data)
        cleaned.pop("version", None)
        cleaned["theme_codes"] = cleaned.pop("themes")
        return cleaned


class ReviewForm(LevelRadiosMixin, forms.Form):
    level_dimensions = {"residual_impact": "impact", "residual_likelihood": "likelihood"}

    month = forms.CharField(
        label="Month reviewed",
        help_text="Year and month, for example 2022-10",
        max_length=7,
        error_messages={"required": "Enter the month reviewed, for example 2022-10"},
    )
    residual_impact = level_field("Residual impact", required=True)
    residual_likelihood = level_field("Residual likelihood", required=True)
    note = forms.CharField(
        label="Review note",
        help_text="What changed, and why the score is what it is.",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_month(self) -> date:
        month = month_parse(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError("Enter the month as year and month, like 2022-10")
        return month


class ActionScoreForm(LevelRadiosMixin, forms.Form):
    level_dimensions = {
        "financial": "financial",
        "reputation": "reputation",
        "service_delivery": "service_delivery",
        "likelihood": "likelihood",
    }

    financial = level_field("Financial impact", required=True)
    reputation = level_field("Reputation impact", required=True)
    service_delivery = level_field("Service delivery impact", required=True)
    likelihood = level_field("Likelihood", required=True)
    note = forms.CharField(
        label="Note",
        help_text="Why these levels.",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RegisterFilterForm(forms.Form):
    theme = forms.ChoiceField(label="Theme", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *RiskStatus.choices]
    )
    month = forms.ChoiceField(label="Residual score as at", required=False)
    impact = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "")] + [(str(i), i) for i in range(1, 5)],
    )
    likelihood = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "")] + [(str(i), i) for i in range(1, 5)],
    )

    def __init__(self, *args, themes, months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "All themes")] + [
            (t.code, f"{t.code} {t.name}") for t in themes
        ]
        self.fields["month"].choices = month_choices(months)

    def clean_month(self) -> date | None:
        return month_parse(self.cleaned_data["month"])

    def selector_kwargs(self) -> dict:
        data = self.cleaned_data
        impact, likelihood = data.get("impact"), data.get("likelihood")
        return {
            "theme": data.get("theme") or "",
            "status": data.get("status") or "",
            "month": data.get("month"),
            "cell": (impact, likelihood) if impact and likelihood else None,
        }

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


def month_choices(months: list[date]) -> list[tuple[str, str]]:
    return [("", "Now (current scores)")] + [(month_value(m), f"{m:%B %Y}") for m in months]


class HeatmapForm(forms.Form):
    month = forms.ChoiceField(label="Show residual risk as at", required=False)

    def __init__(self, *args, months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = month_choices(months)

    def clean_month(self) -> date | None:
        return month_parse(self.cleaned_data["month"])
