"""The plan's "Reference" texts per main action, kept exactly as written.

Which recommendations an action answers is read from these texts (domain.references) and
kept as links on plans.Recommendation; the text stays the record of what the council wrote.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Action


class ReferenceSource(models.TextChoices):
    WORKBOOK = "workbook", "Reference column of the tracker workbook"
    PLAN_DOCUMENT = "plan_document", "Delivery plan table of the Improvement Plan document"


class ActionReference(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="references")
    source = models.CharField(max_length=20, choices=ReferenceSource.choices)
    text = models.TextField(help_text="The Reference text exactly as written.")
    # Where it was read from: "tracker.xlsx, sheet 'Theme 1' row 4" or the seed row it matched.
    origin = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "source"], name="one_reference_per_action_and_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action.ref}: {self.text}"
