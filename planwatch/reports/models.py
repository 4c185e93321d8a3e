"""The narrative parts of the monthly Theme Progress Summary, written by PMO (Focus 1)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Workstream


class WorkstreamNarrative(models.Model):
    """One workstream's Focus 1 narrative for one month, as the summaries set it out."""

    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="narratives")
    month = models.DateField(help_text="First day of the reporting month.")
    summary = models.TextField(blank=True)
    progress_this_month = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    issues_raised = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    TEXT_FIELDS = ("summary", "progress_this_month", "next_steps", "issues_raised")

    class Meta:
        ordering = ["workstream", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["workstream", "month"], name="one_narrative_per_workstream_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.workstream} {self.month:%b %Y}"

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in self.TEXT_FIELDS)
