from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone

EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


def _date_field(label: str, example: str) -> forms.DateField:
    message = f"Enter the {label.lower()} as year-month-day, for example {example}"
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=f"For example, {example}. Leave blank for no limit.",
        error_messages={"invalid": message},
    )


class AuditExportForm(forms.Form):
    """The period of the audit CSV, as ?from=YYYY-MM-DD&to=YYYY-MM-DD (both optional)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so the fields are named here rather than declared.
        self.fields["from"] = _date_field("From date", "2022-10-01")
        self.fields["to"] = _date_field("To date", "2022-10-31")

    def clean(self):
        data = super().clean()
        for name in ("from", "to"):
            value = data.get(name)
            if value is not None and not EARLIEST <= value <= LATEST:
                self.add_error(name, f"Enter a date between {EARLIEST.year} and {LATEST.year}")
        start, end = data.get("from"), data.get("to")
        if start and end and start > end and not self.errors:
            self.add_error("to", "The to date must be the same as or after the from date")
        return data

    def period(self) -> tuple[datetime | None, datetime | None]:
        """[start, end) in the council's time zone: from the start of `from` to the end of `to`."""
        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(start, time.min, tzinfo=zone) if start else None,
            datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone) if end else None,
        )
