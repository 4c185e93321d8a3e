"""Forms check only the shape of what was typed; the cycle's rules live in the services."""

from datetime import date

from django import forms

from planwatch.changes.models import ChangeKind
from planwatch.domain.statuses import STATUS_DEFINITIONS

from .services import UPDATE_STATUSES, ChangeProposal

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y"]


class CycleOpenForm(forms.Form):
    month = forms.ChoiceField(label="Month", help_text="The month the updates report on")
    deadline = forms.DateField(
        label="Deadline",
        input_formats=DATE_FORMATS,
        help_text="The last day owners can submit on time, for example 14/11/2022",
        error_messages={
            "required": "Enter the deadline",
            "invalid": "Enter the deadline as a date, for example 14/11/2022",
        },
    )

    def __init__(self, *args, months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months]
        self.fields["month"].error_messages.update(
            required="Choose a month", invalid_choice="Choose a month from the list"
        )

    def clean_month(self) -> date:
        year, month = self.cleaned_data["month"].split("-")
        return date(int(year), int(month), 1)


# The kinds an owner can ask for with an update, and the proposed value each needs.
CHANGE_KINDS = (
    ChangeKind.DUE_DATE,
    ChangeKind.START_DATE,
    ChangeKind.REWORDING,
    ChangeKind.CLOSE,
    ChangeKind.BUSINESS_AS_USUAL,
    ChangeKind.DUPLICATE,
)
PROPOSED_KEY = {
    ChangeKind.DUE_DATE: "due_text",
    ChangeKind.START_DATE: "start_text",
    ChangeKind.REWORDING: "title",
    ChangeKind.DUPLICATE: "duplicate_of",
}
VALUE_MISSING = {
    ChangeKind.DUE_DATE: "Enter the new due date, for example Jan 2023",
    ChangeKind.START_DATE: "Enter the new start date, for example Dec 2022",
    ChangeKind.REWORDING: "Enter the new wording of the action",
    ChangeKind.DUPLICATE: "Enter the ref of the action this duplicates, for example OC.A2.1",
}


class UpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[(s.value, STATUS_DEFINITIONS[s].label) for s in UPDATE_STATUSES],
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    commentary = forms.CharField(
        label="Evidence of status rating",
        required=False,
        max_length=10000,
        widget=forms.Textarea,
        help_text="What has happened since last month, and why the status is what it is. "
        "Your initials and today's date are added when you submit.",
    )
    no_change = forms.BooleanField(
        label="No change since last month",
        required=False,
        help_text="Only with the same status as last month: last month's commentary is carried "
        "forward with “No change” noted, after anything you write above.",
    )
    change_kind = forms.ChoiceField(
        label="Change requested",
        required=False,
        choices=[("", "No change control needed"), *((k.value, k.label) for k in CHANGE_KINDS)],
        error_messages={"invalid_choice": "Choose a kind of change from the list"},
    )
    change_value = forms.CharField(
        label="Proposed value",
        required=False,
        max_length=1000,
        help_text="The new date (for example Jan 2023), the new wording, or the ref of the "
        "action this duplicates. Leave blank to close or move to business as usual.",
    )
    change_reason = forms.CharField(
        label="Reason for the change",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    @property
    def status_choices(self) -> list[tuple[str, str, str]]:
        """(value, label, the council's definition) for the radios' hints."""
        return [
            (s.value, STATUS_DEFINITIONS[s].label, STATUS_DEFINITIONS[s].definition)
            for s in UPDATE_STATUSES
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("change_kind")
        value = (data.get("change_value") or "").strip()
        reason = (data.get("change_reason") or "").strip()
        if not kind:
            if value or reason:
                self.add_error(
                    "change_kind",
                    "Choose the change you are asking for, or clear the proposed value and reason",
                )
            return data
        if kind in VALUE_MISSING and not value:
            self.add_error("change_value", VALUE_MISSING[ChangeKind(kind)])
        if kind not in VALUE_MISSING and value:
            self.add_error("change_value", "Leave the proposed value blank for this kind of change")
        if not reason:
            self.add_error("change_reason", "Enter the reason for the change")
        return data

    def change_proposal(self) -> ChangeProposal | None:
        kind = self.cleaned_data["change_kind"]
        if not kind:
            return None
        value = self.cleaned_data["change_value"].strip()
        key = PROPOSED_KEY.get(ChangeKind(kind))
        if key == "duplicate_of":
            value = value.upper()
        return ChangeProposal(
            kind=kind,
            proposed={key: value} if key else {},
            reason=self.cleaned_data["change_reason"].strip(),
        )

    @property
    def has_change(self) -> bool:
        """Whether to show the change-control section open."""
        names = ("change_kind", "change_value", "change_reason")
        return self.is_bound and any(self.data.get(name) for name in names)


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="Note to the owner",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when you return the update: say what needs to change.",
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class OwnerFilterForm(forms.Form):
    owner = forms.ChoiceField(label="Show updates owed by", required=False)

    def __init__(self, *args, roles: list, everyone_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {str(role.pk): role for role in roles}
        self.fields["owner"].choices = [("", everyone_label), *((str(r.pk), r.name) for r in roles)]
        self.fields["owner"].error_messages["invalid_choice"] = "Choose an owner from the list"

    def owner_role(self):
        return self.roles.get(self.cleaned_data.get("owner") or "") if self.is_valid() else None
