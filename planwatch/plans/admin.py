"""The plan's records in the admin site, where PMO officers correct what the pages cannot.

Change control holds here too:
- nothing is ever deleted: an action leaves the plan by an approved change (its lifecycle);
- what a pending change request is about is read-only until Leadership Team decides
  (changes/admin.py extends the action's page with that, as change control sits above here);
- saves name the version the officer opened, so of two officers editing one record the
  second gets a form error showing what the first saved, never a silent overwrite;
- history can be read (simple-history) but not reverted, which would bypass all of the above.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.slippage import slippage_on

from .concurrency import EditConflict, save_versioned
from .models import Action, Plan, ProgressUpdate, Recommendation, Theme, Workstream


class PlanRecordAdmin(SimpleHistoryAdmin):
    """History to read; no deleting and no reverting."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Records are not reverted from their history.")
        return super().history_form_view(request, object_id, version_id, extra_context)


class VersionedForm(forms.ModelForm):
    """Carries the version the officer opened; a save from an older version is refused."""

    read_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["read_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            return data
        read = data.get("read_version")
        current = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if current is None or read == current.version:
            return data
        # The instance was loaded for this request, so it holds what the other officer saved;
        # where this form differs from it is what the officer must look at again.
        differences = format_html_join(
            "",
            "<li>{}: now ‘{}’; your form has ‘{}’</li>",
            (
                (
                    self.fields[name].label or name,
                    self.initial.get(name) or "",
                    data.get(name) or "",
                )
                for name in self.changed_data
                if name != "read_version" and name in self.fields
            ),
        )
        # Their version is now the one this form is based on: saving again keeps this form.
        self.data = self.data.copy()
        self.data[self.add_prefix("read_version")] = current.version
        raise forms.ValidationError(
            format_html(
                "Someone else saved this {} while you were editing it. Where your form differs "
                "from what they saved:<ul>{}</ul>Check these; saving again keeps what your "
                "form says.",
                current._meta.verbose_name,
                differences or format_html("<li>{}</li>", "nothing: save again to confirm"),
            ),
            code="edit_conflict",
        )


class VersionedAdmin(PlanRecordAdmin):
    """Saves changes with one conditional UPDATE naming the version the officer opened."""

    form = VersionedForm
    change_reason = "Edited in the admin"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Lost a race after validating: validated again, the form now shows the conflict.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changed_model_fields(self, obj, form) -> list[str]:
        names = {f.name for f in obj._meta.concrete_fields}
        return [name for name in form.changed_data if name in names]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        fields = self.changed_model_fields(obj, form)
        if fields:
            save_versioned(
                obj,
                expected_version=form.cleaned_data["read_version"],
                fields=fields,
                user=request.user,
                reason=self.change_reason,
            )


@admin.register(Plan)
class PlanAdmin(PlanRecordAdmin):
    list_display = ["name", "organisation", "phase", "created_at"]
    search_fields = ["name", "organisation"]


@admin.register(Theme)
class ThemeAdmin(PlanRecordAdmin):
    list_display = ["code", "name", "plan", "order"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["code", "name"]


@admin.register(Workstream)
class WorkstreamAdmin(PlanRecordAdmin):
    list_display = ["name", "theme", "order"]
    list_filter = ["theme__plan", "theme"]
    list_select_related = ["theme"]
    search_fields = ["name", "theme__code", "theme__name"]


class ProgressUpdateInline(admin.TabularInline):
    """Shown for reference; each update is edited on its own page, where saves are versioned."""

    model = ProgressUpdate
    extra = 0
    fields = ["month", "status", "status_text", "commentary", "change_control"]
    readonly_fields = fields
    ordering = ["-month"]
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


DATE_PARTS = {
    "due_text": ("due_kind", "due_earliest", "due_latest", "due_note", "due_every_months"),
    "start_text": ("start_kind", "start_earliest", "start_latest", "start_note"),
}


@admin.register(Action)
class ActionAdmin(VersionedAdmin):
    list_display = ["ref", "title", "latest_status", "latest_month", "risk_level", "due_text"]
    list_display += ["lifecycle"]
    list_filter = ["plan", "theme", "latest_status", "risk_level", "is_main", "lifecycle"]
    list_select_related = ["plan", "theme"]
    search_fields = ["ref", "title", "director_lead", "update_owner"]
    ordering = ["plan", "sort_key"]
    # Hundreds of actions: a drop-down of all of them per foreign key would be unusable.
    raw_id_fields = ["parent", "workstream"]
    fieldsets = [
        (None, {"fields": ["plan", "ref", "is_main", "theme", "workstream", "parent", "title"]}),
        ("Owners", {"fields": ["director_lead", "cabinet_member", "other_leads", "update_owner"]}),
        ("Dates", {"fields": ["start_text", "start_reading", "due_text", "due_reading"]}),
        (
            "Change control",
            {
                "description": "Set only by approved change requests.",
                "fields": [
                    "baseline_due",
                    "slippage",
                    "rebaseline_count",
                    "lifecycle",
                    "duplicate_of",
                    "version",
                ],
            },
        ),
        ("Risk", {"fields": ["risk_level", "risk_text", "risk_description"]}),
        (
            "From the workbook",
            {
                "fields": [
                    "latest_status",
                    "latest_month",
                    "source_sheet",
                    "source_row",
                    "source_cells",
                ]
            },
        ),
    ]
    # Who an action is, and what only change control or an import sets.
    always_read_only = [
        "plan",
        "ref",
        "is_main",
        "start_reading",
        "due_reading",
        "baseline_due",
        "slippage",
        "rebaseline_count",
        "lifecycle",
        "duplicate_of",
        "version",
        "latest_status",
        "latest_month",
        "source_sheet",
        "source_row",
        "source_cells",
    ]
    inlines = [ProgressUpdateInline]

    def has_add_permission(self, request) -> bool:
        # A new action is an approved change request (or a row of an imported tracker).
        return False

    def changed_model_fields(self, obj, form) -> list[str]:
        fields = super().changed_model_fields(obj, form)
        # A date is kept as written beside its reading: a new text means a new reading.
        for text, parts in DATE_PARTS.items():
            if text in fields:
                setter = obj.set_due if text == "due_text" else obj.set_start
                setter(parse_fuzzy_date(getattr(obj, text)))
                fields += parts
        return fields

    @admin.display(description="Start read as")
    def start_reading(self, action: Action) -> str:
        return action.start.describe()

    @admin.display(description="Due read as")
    def due_reading(self, action: Action) -> str:
        return action.due.describe()

    @admin.display(description="Baseline due")
    def baseline_due(self, action: Action) -> str:
        baseline = action.baseline_due
        return f"{baseline.text or 'blank'} (read as {baseline.describe()})"

    @admin.display(description="Slippage (months)")
    def slippage(self, action: Action):
        months = slippage_on(action.baseline_due, action.due, timezone.localdate())
        return "cannot be measured" if months is None else months


@admin.register(Recommendation)
class RecommendationAdmin(PlanRecordAdmin):
    list_display = ["__str__", "plan", "source", "kind", "number"]
    list_filter = ["plan", "source", "kind"]
    list_select_related = ["plan"]
    search_fields = ["number", "text"]
    autocomplete_fields = ["actions"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(VersionedAdmin):
    list_display = ["action", "month", "status", "author_initials", "change_control"]
    list_filter = ["month", "status", "change_control", "action__plan"]
    list_select_related = ["action"]
    search_fields = ["action__ref", "commentary", "status_text"]
    raw_id_fields = ["action"]
    date_hierarchy = "month"
    readonly_fields = ["version"]
