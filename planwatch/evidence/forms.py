from django import forms
from django.conf import settings

from planwatch.plans.models import Action, ProgressUpdate

from .validation import LINK_MAX_LENGTH, human_size


class UpdateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ProgressUpdate) -> str:
        return f"{obj.month:%B %Y}"


class EvidenceForm(forms.Form):
    """A file or a link, never both; what the file may be is checked by the service."""

    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="What this evidence is, for example “Culture strategy approved by Cabinet”",
        error_messages={"required": "Enter a title for the evidence"},
    )
    file = forms.FileField(
        label="Upload a file",
        required=False,
        error_messages={"empty": "The file you chose is empty"},
    )
    url = forms.CharField(
        label="Or give a link",
        max_length=LINK_MAX_LENGTH,
        required=False,
        help_text="A web address starting https://, for example a SharePoint document",
    )
    progress_update = UpdateChoiceField(
        label="Which monthly update is this evidence for? (optional)",
        queryset=ProgressUpdate.objects.none(),
        required=False,
        empty_label="Not for a particular month",
        error_messages={"invalid_choice": "Choose a month from the list"},
    )
    shows_success_measures = forms.BooleanField(
        label="This shows the action’s measures of success were met",
        required=False,
        help_text="An action can only be rated Closed once it has evidence like this",
    )

    def __init__(self, *args, action: Action, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["progress_update"].queryset = action.updates.order_by("-month")
        limit = human_size(settings.PLANWATCH_EVIDENCE_MAX_BYTES)
        self.fields["file"].help_text = (
            f"A PDF, Word, Excel, PowerPoint or OpenDocument file, an image (PNG, JPEG, GIF "
            f"or WebP) or a text or CSV file, up to {limit}"
        )

    def clean_url(self) -> str:
        return self.cleaned_data["url"].strip()

    def clean(self):
        data = super().clean()
        has_file, has_link = bool(data.get("file")), bool(data.get("url"))
        if "file" in self.errors or "url" in self.errors:
            return data
        if has_file and has_link:
            self.add_error("url", "Upload a file or give a link, not both")
        elif not has_file and not has_link:
            self.add_error("file", "Upload a file or give a link")
        return data
