"""Evidence in the admin site: read-only. It is added through the action page, where every
file is checked, and it is a record, so nobody edits or deletes it here."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import Evidence


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "action", "original_name", "shows_success_measures", "added_by"]
    list_display += ["added_at"]
    list_filter = ["shows_success_measures", "action__plan"]
    list_select_related = ["action", "added_by"]
    search_fields = ["title", "action__ref", "original_name", "url", "sha256"]
    date_hierarchy = "added_at"
    fields = [
        "action",
        "progress_update",
        "title",
        "download",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "url",
        "shows_success_measures",
        "added_by",
        "added_at",
    ]
    readonly_fields = fields

    @admin.display(description="File")
    def download(self, evidence: Evidence) -> str:
        if not evidence.file:
            return "None (this evidence is a link)"
        url = reverse("evidence:download", args=[evidence.pk])
        return format_html('<a href="{}">Download {}</a>', url, evidence.original_name)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
