"""Cycles and reminders in the admin, for looking only: opening and closing a cycle go through
the services (and their checks) on the cycles pages."""

from django.contrib import admin

from .models import ReminderSent, UpdateCycle


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UpdateCycle)
class UpdateCycleAdmin(ReadOnlyAdmin):
    list_display = ["month", "plan", "deadline", "opened_by", "closed_at", "closed_by"]
    list_filter = ["plan"]
    list_select_related = ["plan", "opened_by", "closed_by"]
    date_hierarchy = "month"

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    """Deleting a row lets that reminder be sent again on the next run."""

    list_display = ["cycle", "user", "kind", "actions_outstanding", "sent_at"]
    list_filter = ["kind", "cycle__plan"]
    list_select_related = ["cycle__plan", "user"]
    search_fields = ["user__username", "user__email"]
