"""A PMO decision that a rating-check flag needs no action this month, and why.

Flags themselves are never stored: they are worked out from the plan each time, so they
follow every update and change. Only the human judgement about one is kept, with its own
audit trail, because dismissing a question about an optimistic rating is itself an
assurance decision someone must be able to review.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.domain.rating_checks import FlagKind
from planwatch.plans.models import Action, Plan

KIND_LABELS = {
    FlagKind.RATING_DISAGREES: "Rating rosier than the dates",
    FlagKind.STARTED_BUT_NOT_DUE_TO_START: "Started but rated Not due to start",
    FlagKind.DUE_PASSED_NO_UPDATE: "Due date passed, no update",
    FlagKind.COMMENTARY_COPIED: "Same commentary 3+ months",
    FlagKind.REBASELINED_REPEATEDLY: "Re-baselined 2+ times",
    FlagKind.CLOSED_WITHOUT_EVIDENCE: "Closed without evidence",
}
KIND_CHOICES = [(kind.value, KIND_LABELS[kind]) for kind in FlagKind]


class FlagDismissal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="flag_dismissals")
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="flag_dismissals")
    month = models.DateField(help_text="First day of the report month the flag was raised for.")
    kind = models.CharField(max_length=40, choices=KIND_CHOICES)
    reason = models.TextField()
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flag_dismissals"
    )
    dismissed_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "month", "action__sort_key", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "month", "kind"], name="one_dismissal_per_flag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action.ref} {self.month:%b %Y} {self.get_kind_display()}"
