"""Change requests in the admin site: read-only.

Requests are raised, completed and decided on their pages, where the permission checks,
the frozen-field rule and the optimistic lock live; here they can only be looked up.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from planwatch.plans.admin import PlanRecordAdmin

from .models import ChangeRequest


@admin.register(ChangeRequest)
class ChangeRequestAdmin(PlanRecordAdmin):
    list_display = ["pk", "action", "kind", "month", "decision", "raised_by", "decided_by"]
    list_filter = ["decision", "kind", "month", "plan"]
    list_select_related = ["action", "raised_by", "decided_by"]
    search_fields = ["action__ref", "reason", "decision_note"]
    date_hierarchy = "month"
    readonly_fields = ["page", *(f.name for f in ChangeRequest._meta.fields)]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Page")
    def page(self, change_request: ChangeRequest) -> str:
        url = reverse("changes:detail", args=[change_request.pk])
        return format_html('<a href="{}">Open request #{}</a>', url, change_request.pk)
