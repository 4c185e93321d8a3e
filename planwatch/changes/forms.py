"""Forms for change control: propose a change, decide it, withdraw it, filter the log.

The forms only collect and tidy input; what a valid change is lives in the services, whose
ChangeRequestError lands beside the field it is about (`add_service_error`).
"""

from dataclasses import dataclass
from datetime import date

from django import forms

from planwatch.domain.months import month_parse, month_value
from planwatch.domain.refs import parse_ref
from planwatch.plans.models import Action, Theme, Workstream

from .errors import ChangeRequestError
from .models import ChangeKind, Decision
from .proposals import OWNER_FIELDS

# For each kind: proposal key -> the form field that collects it.
KIND_FIELDS: dict[ChangeKind, dict[str, str]] = {
    ChangeKind.DUE_DATE: {"due_text": "due_text"},
    ChangeKind.START_DATE: {"start_text": "start_text"},
    ChangeKind.REWORDING: {"title": "new_title"},
    ChangeKind.NEW_SUB_ACTION: {
        "ref": "sub_ref",
        "title": "sub_title",
        "due_text": "sub_due_text",
    },
    ChangeKind.NEW_ACTION: {
        "ref": "main_ref",
        "title": "main_title",
        "workstream": "workstream",
        "due_text": "main_due_text",
        "director_lead": "main_director_lead",
    },
    ChangeKind.CLOSE: {},
    ChangeKind.BUSINESS_AS_USUAL: {},
    ChangeKind.DUPLICATE: {"duplicate_of": "duplicate_of"},
    ChangeKind.OWNER_CHANGE: {name: name for name in OWNER_FIELDS},
    ChangeKind.TO_BE_COMPLETED: {},
}
KIND_HINTS = {
    ChangeKind.CLOSE: "The action leaves the plan: it is no longer needed.",
    ChangeKind.BUSINESS_AS_USUAL: "The work carries on as normal service, outside the plan.",
    ChangeKind.DUPLICATE: "Another action carries the same work; this one leaves the plan.",
}
DATE_HINT = "As the council writes it, for example ‘December 2022’, ‘Spring 2023’ or ‘31/12/2022’."


def _text(label: str, *, help_text: str = "", max_length: int = 300, area: bool = False):
    widget = forms.Textarea(attrs={"rows": 3}) if area else forms.TextInput
    return forms.CharField(
        label=label, help_text=help_text, max_length=max_length, required=False, widget=widget
    )


@dataclass
class KindOption:
    """One radio of the kind question, with the fields revealed when it is chosen."""

    value: str
    label: str
    hint: str
    fields: list
    checked: bool


class ChangeProposalForm(forms.Form):
    """What change, why, and (when raising) for which reporting month."""

    kind = forms.ChoiceField(
        label="What change is needed?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of change"},
    )
    due_text = _text("New due date", help_text=DATE_HINT)
    start_text = _text("New start date", help_text=DATE_HINT)
    new_title = _text("New wording of the action", max_length=5000, area=True)
    sub_ref = _text("Reference of the new sub-action", max_length=20)
    sub_title = _text("What the sub-action is", max_length=5000, area=True)
    sub_due_text = _text("Due date (optional)", help_text=DATE_HINT)
    main_ref = _text(
        "Reference of the new main action", max_length=20, help_text="Ending in .0, like OC.B3.0"
    )
    main_title = _text("What the action is", max_length=5000, area=True)
    workstream = forms.ChoiceField(label="Workstream", required=False)
    main_due_text = _text("Due date (optional)", help_text=DATE_HINT)
    main_director_lead = _text("Director lead (optional)")
    duplicate_of = _text(
        "Reference of the action it duplicates", max_length=20, help_text="For example OC.A2.1"
    )
    director_lead = _text("Director lead")
    cabinet_member = _text("Cabinet member")
    other_leads = _text("Other leads", max_length=2000, area=True)
    update_owner = _text("Update owner", help_text="Leave blank if the director lead reports.")
    reason = forms.CharField(
        label="Why is the change needed?",
        help_text="Leadership Team reads this when deciding.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        error_messages={"required": "Say why the change is needed"},
    )
    month = forms.CharField(
        label="Reporting month",
        help_text="The month this change is raised in, as year and month, for example 2022-10.",
        max_length=7,
        error_messages={"required": "Enter the reporting month, for example 2022-10"},
    )

    def __init__(
        self,
        *args,
        kinds: list[ChangeKind],
        action: Action | None = None,
        workstreams: list[Workstream] = (),
        with_month: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in self.kinds]
        if len(self.kinds) == 1:
            self.fields["kind"].initial = self.kinds[0].value
        self.fields["workstream"].choices = [("", "Choose a workstream")] + [
            (str(ws.pk), f"{ws.theme.code} – {ws.name}") for ws in workstreams
        ]
        if not with_month:
            del self.fields["month"]
        if action is not None:
            fields = self.fields
            fields["due_text"].help_text = f"Now ‘{action.due_text or 'blank'}’. {DATE_HINT}"
            fields["start_text"].help_text = f"Now ‘{action.start_text or 'blank'}’. {DATE_HINT}"
            ref = parse_ref(action.ref)
            if ref is not None:
                fields["sub_ref"].help_text = (
                    f"Under {ref.main_ref}: the next unused number, like "
                    f"{ref.main_ref.removesuffix('.0')}.N"
                )
            for name in OWNER_FIELDS:
                fields[name].initial = getattr(action, name)
            fields["new_title"].initial = action.title

    def clean_month(self) -> date:
        month = month_parse(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError("Enter the reporting month as year and month, like 2022-10")
        return month

    @property
    def chosen_kind(self) -> ChangeKind | None:
        value = self.cleaned_data.get("kind") if hasattr(self, "cleaned_data") else None
        return ChangeKind(value) if value else None

    def proposed(self) -> dict:
        """The proposal for the chosen kind, from only that kind's fields."""
        kind = self.chosen_kind
        values = {key: self.cleaned_data.get(name, "") for key, name in KIND_FIELDS[kind].items()}
        if kind is ChangeKind.OWNER_CHANGE:
            # Every owner cell as the form shows it: blanking one is a change too.
            return values
        return {key: value for key, value in values.items() if value}

    def add_service_error(self, error: ChangeRequestError) -> None:
        kind = self.chosen_kind
        name = KIND_FIELDS.get(kind, {}).get(error.field) if kind else None
        if name is None and error.field in self.fields:
            name = error.field
        self.add_error(name, error.message)

    def kind_options(self) -> list[KindOption]:
        chosen = str(self["kind"].value() or "")
        return [
            KindOption(
                kind.value,
                kind.label,
                KIND_HINTS.get(kind, ""),
                [self[name] for name in KIND_FIELDS[kind].values()],
                chosen == kind.value,
            )
            for kind in self.kinds
        ]


class CompleteForm(ChangeProposalForm):
    """PMO completing an imported request: no month (it keeps the import's), and a version."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, with_month=False, **kwargs)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Leadership Team's decision",
        widget=forms.RadioSelect,
        choices=[
            (Decision.APPROVED.value, "Approve: change the plan now"),
            (Decision.REJECTED.value, "Reject: leave the plan as it is"),
        ],
        error_messages={"required": "Choose approve or reject"},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when rejecting: the person who asked reads it.",
    )
    meeting = forms.CharField(
        label="Meeting and minute reference",
        required=False,
        max_length=300,
        help_text="The Leadership Team meeting that decided it, for example "
        "Leadership Team 8 Nov 2022, minute 4.2",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.REJECTED and not data.get("note", "").strip():
            self.add_error("note", "Say why the change is rejected")
        return data

    def add_service_error(self, error: ChangeRequestError) -> None:
        self.add_error(error.field if error.field in self.fields else None, error.message)


class WithdrawForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="Why withdraw it? (optional)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


ANY = ("", "Any")


class ChangeLogFilterForm(forms.Form):
    month = forms.ChoiceField(label="Month", required=False)
    decision = forms.ChoiceField(label="Decision", required=False, choices=[ANY, *Decision.choices])
    theme = forms.ChoiceField(label="Theme", required=False)

    def __init__(self, *args, months: list[date], themes: list[Theme], **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {theme.code: theme for theme in themes}
        self.fields["month"].choices = [ANY, *((month_value(m), f"{m:%B %Y}") for m in months)]
        self.fields["theme"].choices = [ANY, *((t.code, str(t)) for t in themes)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = f"Choose a {field.label.lower()} from the list"

    def selector_kwargs(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "month": month_parse(data["month"]) if data["month"] else None,
            "decision": data["decision"],
            "theme": self.themes.get(data["theme"]),
        }

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
