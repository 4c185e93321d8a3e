"""Change requests in the admin site: read-only; and change control on the action's page.

Requests are raised, completed and decided on their pages, where the permission checks,
the frozen-field rule and the optimistic lock live; here they can only be looked up.
The action's admin page is the register's, extended here: what a pending request is about
stays read-only until Leadership Team decides, and the requests are listed.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from planwatch.plans.admin import ActionAdmin, PlanRecordAdmin
from planwatch.plans.models import Action

from . import selectors
from .models import ChangeRequest

PENDING = "pending_change_requests"


def _with_pending_first(fieldsets):
    return [
        (name, {**options, "fields": [PENDING, *options["fields"]]})
        if name == "Change control"
        else (name, options)
        for name, options in fieldsets
    ]


admin.site.unregister(Action)


@admin.register(Action)
class ChangeControlledActionAdmin(ActionAdmin):
    fieldsets = _with_pending_first(ActionAdmin.fieldsets)
    always_read_only = [PENDING, *ActionAdmin.always_read_only]

    def get_readonly_fields(self, request, obj=None):
        frozen = selectors.frozen_model_fields(action=obj) if obj is not None else set()
        return [*self.always_read_only, *sorted(frozen - set(self.always_read_only))]

    @admin.display(description="Pending change requests")
    def pending_change_requests(self, action: Action) -> str:
        pending = selectors.pending_for_action(action=action)
        if not pending:
            return "None"
        return format_html(
            "<ul>{}</ul><p>What these are about is read-only until they are decided.</p>",
            format_html_join(
                "",
                '<li><a href="{}">#{} {}</a></li>',
                (
                    (reverse("changes:detail", args=[r.pk]), r.pk, r.get_kind_display())
                    for r in pending
                ),
            ),
        )


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
