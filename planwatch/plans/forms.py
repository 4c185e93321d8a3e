from django import forms

from planwatch.domain.statuses import STATUS_DEFINITIONS, Status

from .models import RiskLevel, Theme

ANY = ("", "Any")


class ActionFilterForm(forms.Form):
    """The action list's filters; every one optional, and a value we do not know is an error."""

    q = forms.CharField(label="Reference or title contains", max_length=100, required=False)
    owner = forms.CharField(
        label="Owner contains",
        max_length=100,
        required=False,
        help_text="Director lead, cabinet member, other leads or update owner",
    )
    theme = forms.ChoiceField(label="Theme", required=False)
    status = forms.ChoiceField(
        label="Latest status",
        required=False,
        choices=[ANY, *((s.value, STATUS_DEFINITIONS[s].label) for s in Status)],
    )
    risk_level = forms.ChoiceField(
        label="Risk level", required=False, choices=[ANY, *RiskLevel.choices]
    )
    overdue = forms.BooleanField(
        label="Only overdue actions",
        required=False,
        help_text="Due date passed and not complete, closed, N/A or a duplicate",
    )

    def __init__(self, *args, themes: list[Theme], **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {theme.code: theme for theme in themes}
        self.fields["theme"].choices = [ANY, *((t.code, str(t)) for t in themes)]
        # Django's own wording names no field; a PMO needs to know which filter to fix.
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = (
                    f"Choose a {field.label.lower()} from the list"
                )

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()

    def clean_owner(self) -> str:
        return self.cleaned_data["owner"].strip()

    def selector_kwargs(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "theme": self.themes.get(data["theme"]),
            "status": data["status"],
            "risk_level": data["risk_level"],
            "owner": data["owner"],
            "overdue": data["overdue"],
            "q": data["q"],
        }

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
