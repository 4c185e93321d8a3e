"""The corporate risk matrix is edited here (with its history); the register is read here.

Risks, reviews and main-action scores are written on the register's pages, where the
permission check and the optimistic lock live, so the admin only shows them.
"""

from django.contrib import admin

from planwatch.plans.admin import PlanRecordAdmin

from .models import ActionRiskScore, ImpactLevel, LikelihoodLevel, Risk, RiskBands, RiskReview


class MatrixAdmin(PlanRecordAdmin):
    """Four fixed levels and one set of bands: wording and ranges change, rows do not."""

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ImpactLevel)
class ImpactLevelAdmin(MatrixAdmin):
    list_display = ["level", "label", "financial", "reputation", "service_delivery"]
    readonly_fields = ["level"]


@admin.register(LikelihoodLevel)
class LikelihoodLevelAdmin(MatrixAdmin):
    list_display = ["level", "label", "chance", "chance_from", "chance_to"]
    readonly_fields = ["level"]


@admin.register(RiskBands)
class RiskBandsAdmin(MatrixAdmin):
    """Saving runs the pure module's Bands check: 1..16, in order, no gaps or overlaps."""

    list_display = ["__str__"]
    fieldsets = [
        ("Low", {"fields": [("low_from", "low_to")]}),
        ("Medium", {"fields": [("medium_from", "medium_to")]}),
        ("High", {"fields": [("high_from", "high_to")]}),
        (None, {"fields": ["note"]}),
    ]


class ReadOnlyAdmin(PlanRecordAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Risk)
class RiskAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "plan", "owner", "status", "review_date"]
    list_filter = ["plan", "status"]
    search_fields = ["reference", "title", "description"]


@admin.register(RiskReview)
class RiskReviewAdmin(ReadOnlyAdmin):
    list_display = ["risk", "month", "residual_impact", "residual_likelihood", "reviewed_by"]
    list_select_related = ["risk", "reviewed_by"]
    date_hierarchy = "month"


@admin.register(ActionRiskScore)
class ActionRiskScoreAdmin(ReadOnlyAdmin):
    list_display = ["action", "financial", "reputation", "service_delivery", "likelihood"]
    list_select_related = ["action"]
