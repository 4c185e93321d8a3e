from django.contrib import admin

from .models import Action, Plan, ProgressUpdate, Recommendation, Theme, Workstream


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "phase", "created_at"]
    search_fields = ["name", "organisation"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "plan", "order"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["code", "name"]


@admin.register(Workstream)
class WorkstreamAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "order"]
    list_filter = ["theme__plan", "theme"]
    list_select_related = ["theme"]
    search_fields = ["name", "theme__code", "theme__name"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["month", "status", "status_text", "commentary", "change_control"]
    ordering = ["-month"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "latest_status", "latest_month", "risk_level", "due_text"]
    list_filter = ["plan", "theme", "latest_status", "risk_level", "is_main"]
    list_select_related = ["plan", "theme"]
    search_fields = ["ref", "title", "director_lead", "update_owner"]
    ordering = ["plan", "sort_key"]
    # Hundreds of actions: a drop-down of all of them per foreign key would be unusable.
    raw_id_fields = ["parent", "workstream"]
    readonly_fields = [
        "latest_status",
        "latest_month",
        "source_sheet",
        "source_row",
        "source_cells",
    ]
    inlines = [ProgressUpdateInline]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "source", "kind", "number"]
    list_filter = ["plan", "source", "kind"]
    list_select_related = ["plan"]
    search_fields = ["number", "text"]
    autocomplete_fields = ["actions"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["action", "month", "status", "author_initials", "change_control"]
    list_filter = ["month", "status", "change_control", "action__plan"]
    list_select_related = ["action"]
    search_fields = ["action__ref", "commentary", "status_text"]
    raw_id_fields = ["action"]
    date_hierarchy = "month"
