from django.contrib import admin

from .models import DataQualityWarning, ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["filename", "plan", "imported_at", "imported_by"]
    list_filter = ["plan"]
    list_select_related = ["plan", "imported_by"]
    search_fields = ["filename", "sha256"]
    # A record of what happened: changing it afterwards would falsify the history.
    readonly_fields = ["plan", "filename", "sha256", "imported_at", "imported_by", "summary"]


@admin.register(DataQualityWarning)
class DataQualityWarningAdmin(admin.ModelAdmin):
    list_display = ["ref", "category", "sheet", "row", "column", "message"]
    list_filter = ["category", "plan", "import_run"]
    list_select_related = ["import_run", "plan"]
    search_fields = ["ref", "message", "value"]
    raw_id_fields = ["import_run"]
