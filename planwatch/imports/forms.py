from django import forms

from .uploads import max_upload_bytes


class TrackerUploadForm(forms.Form):
    file = forms.FileField(
        label="Tracker workbook",
        error_messages={
            "required": "Choose the tracker workbook to import",
            "empty": "The chosen file is empty",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        limit = max_upload_bytes() / (1024 * 1024)
        self.fields["file"].help_text = (
            f"The Excel workbook (.xlsx) or a CSV file, up to {limit:.0f} MB. Nothing is "
            "written until you have seen the preview and confirmed it."
        )
