"""Forms for the assurance page: which month to check, and dismissing one flag."""

from datetime import date

from django import forms

from planwatch.domain.months import month_parse, month_value
from planwatch.domain.rating_checks import FlagKind

from .services import REASON_MAX


class MonthForm(forms.Form):
    month = forms.ChoiceField(label="Report month")

    def __init__(self, data, *, months: list[date]):
        super().__init__(data)
        self.fields["month"].choices = [(month_value(m), f"{m:%B %Y}") for m in months]
        self.fields["month"].error_messages["invalid_choice"] = (
            "Choose a month that has monthly updates"
        )

    def chosen(self) -> date:
        return month_parse(self.cleaned_data["month"])  # type: ignore[return-value]


class DismissForm(forms.Form):
    ref = forms.CharField(max_length=20)
    month = forms.CharField(max_length=7)
    kind = forms.ChoiceField(choices=[(kind.value, kind.value) for kind in FlagKind])
    reason = forms.CharField(
        label="Why does this flag need no action?",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter why this flag needs no action"},
    )

    def clean_month(self) -> date:
        month = month_parse(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError("The month must be given as YYYY-MM")
        return month

    def add_service_error(self, error) -> None:
        self.add_error("reason" if error.field == "reason" else None, error.message)
