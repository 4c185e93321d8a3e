from django.contrib import admin

from .models import DataQualityWarning, ImportRun, TrackerUpload


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["filename", "plan", "imported_at", "imported_by"]
    list_filter = ["plan"]
    list_select_related = ["plan", "imported_by"]
    search_fields = ["filename", "sha256"]
    # A record of what happened: changing it afterwards would falsify the history.
    readonly_fields = [
        "plan",
        "filename",
        "sha256",
        "imported_at",
        "imported_by",
        "summary",
        "original",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("original__content")


@admin.register(TrackerUpload)
class TrackerUploadAdmin(admin.ModelAdmin):
    """Browser imports. State and refusal stay editable so an administrator can end an upload
    whose worker was killed mid-import, which would otherwise hold the plan."""

    list_display = ["__str__", "plan", "state", "uploaded_by", "uploaded_at"]
    list_filter = ["state", "plan"]
    readonly_fields = [
        "plan",
        "file",
        "uploaded_by",
        "uploaded_at",
        "rows_read",
        "rows_total",
        "preview",
        "previewed_after",
        "import_run",
        "decided_by",
        "decided_at",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("file", "plan", "uploaded_by")
            .defer("file__content")
        )


@admin.register(DataQualityWarning)
class DataQualityWarningAdmin(admin.ModelAdmin):
    list_display = ["ref", "category", "sheet", "row", "column", "message"]
    list_filter = ["category", "plan", "import_run"]
    list_select_related = ["import_run", "plan"]
    search_fields = ["ref", "message", "value"]
    raw_id_fields = ["import_run"]
