"""The monthly update cycle: PMO opens a month with a deadline, owners report, PMO closes it."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Plan


class UpdateCycle(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="cycles")
    month = models.DateField(help_text="First day of the reporting month.")
    deadline = models.DateField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cycles_opened"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cycles_closed",
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "month"], name="one_cycle_per_plan_month")
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.month:%B %Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ReminderKind(models.TextChoices):
    BEFORE_DEADLINE = "before", "Before the deadline"
    AFTER_DEADLINE = "after", "After the deadline"


class ReminderSent(models.Model):
    """One reminder e-mail; the unique constraint is what makes reminders idempotent."""

    cycle = models.ForeignKey(UpdateCycle, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    actions_outstanding = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "user", "kind"], name="one_reminder_each")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} reminder to {self.user} for {self.cycle}"
