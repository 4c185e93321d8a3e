"""Theme charters: what each theme of the plan document sets out to achieve, in its words.

The plan document (seed 002) gives every theme objectives, workstreams with aims, key
milestones, key deliverables and evidence-of-success measures. The text is kept exactly as
written; a key milestone also names the tracker actions that deliver it, so its status is
read live from them (planwatch.domain.milestone_status). Every record carries a version for
optimistic locking and a history, so edits are audited.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Action, Theme, Workstream


class ThemeCharter(models.Model):
    theme = models.OneToOneField(Theme, on_delete=models.PROTECT, related_name="charter")
    objectives = models.TextField(
        blank=True, help_text="One objective a line, as the plan document words them."
    )
    # The plan introduces its measures with a sentence of its own ("When we have made
    # progress towards ..., there will be evidence of:"), kept as written.
    success_intro = models.TextField("Evidence of success introduction", blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["theme"]

    def __str__(self) -> str:
        return f"Charter of {self.theme}"

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]


class CharterItem(models.Model):
    """A line of a charter, in the order the plan document gives it."""

    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
        ordering = ["charter", "order", "pk"]


class CharterWorkstream(CharterItem):
    charter = models.ForeignKey(ThemeCharter, on_delete=models.CASCADE, related_name="workstreams")
    # The tracker's workstream when one matches; the plan's name is kept either way.
    workstream = models.ForeignKey(
        Workstream, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=300)
    aim = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta(CharterItem.Meta):
        verbose_name = "charter workstream"

    def __str__(self) -> str:
        return self.name


class KeyMilestone(CharterItem):
    charter = models.ForeignKey(ThemeCharter, on_delete=models.CASCADE, related_name="milestones")
    text = models.TextField()
    due_text = models.CharField("Due", max_length=200, blank=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="key_milestones")
    # The linked refs as text too, so the history shows who linked what and when.
    linked_refs = models.CharField("Delivered by", max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta(CharterItem.Meta):
        verbose_name = "key milestone"

    def __str__(self) -> str:
        return self.text


class KeyDeliverable(CharterItem):
    charter = models.ForeignKey(ThemeCharter, on_delete=models.CASCADE, related_name="deliverables")
    text = models.TextField()
    # The plan nests some deliverables ("Strategies:" then each strategy): 1 is nested.
    level = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta(CharterItem.Meta):
        verbose_name = "key deliverable"

    def __str__(self) -> str:
        return self.text


class SuccessMeasure(CharterItem):
    """One "Evidence of Success" line of the plan document."""

    charter = models.ForeignKey(ThemeCharter, on_delete=models.CASCADE, related_name="measures")
    text = models.TextField()
    history = HistoricalRecords()

    class Meta(CharterItem.Meta):
        verbose_name = "evidence of success measure"

    def __str__(self) -> str:
        return self.text
