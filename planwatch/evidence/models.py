"""Evidence behind a status: files (PDF, Office documents, images) and links.

Closed means "complete with evidence that the measures of success were fulfilled", so an
action cannot be Closed until it has at least one piece of evidence of success.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Action, ProgressUpdate


class Evidence(models.Model):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="evidence")
    progress_update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
    )
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=300, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    shows_success_measures = models.BooleanField(
        default=False, help_text="Evidence that the action's measures of success were met."
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-added_at"]
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(file="") | ~models.Q(url="")),
                name="evidence_is_a_file_or_a_link",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action.ref}: {self.title}"
