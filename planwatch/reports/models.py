"""What the reports keep: the narrative parts of the monthly Theme Progress Summary, written by
PMO (Focus 1), and the editions published, frozen."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Plan, Theme, Workstream


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


class ThemeRag(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class ThemeStatusOverride(models.Model):
    """PMO's own status for a theme in one month, with the reason it gives; the computed
    status and its reasons stay beside it in every output. Removing it restores the computed
    one; the history keeps both."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="status_overrides")
    month = models.DateField(help_text="First day of the reporting month.")
    rag = models.CharField(max_length=5, choices=ThemeRag.choices)
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["theme", "month"], name="one_override_per_theme_month")
        ]

    def __str__(self) -> str:
        return f"{self.theme} {self.month:%b %Y}: {self.rag}"


class ThemeCellText(models.Model):
    """PMO's own wording of a theme's "Achievements this period" and "Milestones due" cells
    in the 2022 layout for one month. A blank cell shows the computed list; the figures,
    counts and exception lists beside them are never edited."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="cell_texts")
    month = models.DateField(help_text="First day of the reporting month.")
    achievements = models.TextField(blank=True)
    milestones_due = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    history = HistoricalRecords()

    TEXT_FIELDS = ("achievements", "milestones_due")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["theme", "month"], name="one_cell_text_per_theme_month")
        ]

    def __str__(self) -> str:
        return f"{self.theme} {self.month:%b %Y}: cells"


class ThemeStatusThresholds(models.Model):
    """A plan's readings of the Theme Status Key's prose ("some", "a number of", "a small
    number"): the counts `domain.theme_status.ThemeThresholds` turns into rules. Without a row
    the defaults there apply."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="theme_thresholds")
    priority_issues_for_amber = models.PositiveSmallIntegerField(default=1)
    priority_issues_for_red = models.PositiveSmallIntegerField(default=2)
    priority_significant_for_red = models.PositiveSmallIntegerField(default=1)
    low_risk_issues_tolerated = models.PositiveSmallIntegerField(default=2)
    low_risk_significant_for_red = models.PositiveSmallIntegerField(default=3)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    FIELDS = (
        "priority_issues_for_amber",
        "priority_issues_for_red",
        "priority_significant_for_red",
        "low_risk_issues_tolerated",
        "low_risk_significant_for_red",
    )

    def __str__(self) -> str:
        return f"Theme status thresholds of {self.plan}"


class EditionKind(models.TextChoices):
    THEME_SUMMARY = "theme_summary", "Theme Progress Summary"
    CABINET = "cabinet", "Cabinet quarterly progress report"
    COMMISSIONERS = "commissioners", "Commissioners' six-monthly progress report"


class PublishedEditionError(Exception):
    """A published edition was asked to change: it never does (publish a correction)."""


class _FrozenQuerySet(models.QuerySet):
    """Bulk writes refused too, not only an instance's save and delete."""

    def update(self, **kwargs):
        raise PublishedEditionError("a published edition never changes: publish a correction")

    def delete(self):
        raise PublishedEditionError("a published edition is never deleted")


class _Frozen(models.Model):
    """Written once, then never changed or deleted: by an instance or in bulk."""

    objects = _FrozenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PublishedEditionError("a published edition never changes: publish a correction")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PublishedEditionError("a published edition is never deleted")


class ReportEdition(_Frozen):
    """A report as published: every output frozen with its checksum, the data it was built
    from, who published it, when, and the meeting it went to. It never changes; a
    correction is a new edition of the same report, with its reason."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="report_editions")
    kind = models.CharField(max_length=20, choices=EditionKind.choices)
    month = models.DateField(help_text="The report's month; a period report's last month.")
    number = models.PositiveIntegerField(help_text="1 for the first edition, 2 for a correction…")
    title = models.CharField(max_length=300)
    meeting = models.CharField(max_length=300, help_text="The meeting it went to.")
    layout = models.CharField(
        max_length=16,
        blank=True,
        help_text="The Theme Progress Summary's layout (2022, 2023, analysis); blank for the "
        "period reports, which have one.",
    )
    reason = models.TextField(blank=True, help_text="Why a correction was published.")
    data = models.JSONField(help_text="The figures the outputs were built from (the JSON report).")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "kind", "-month", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "month", "number"], name="one_edition_number_per_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}, edition {self.number}"


class EditionFile(_Frozen):
    """One output of an edition, as published, with the SHA-256 a reader can check it by."""

    edition = models.ForeignKey(ReportEdition, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(max_length=10)  # html, docx, pdf, json
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["edition", "format"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "format"], name="one_file_per_format")
        ]

    def __str__(self) -> str:
        return f"{self.edition} ({self.format})"


class PublicEdition(models.Model):
    """A published edition the PMO has put on the public pages, at a stable address that
    needs no sign-in. The edition itself stays frozen; this says only whether, since when and
    until when anyone may read it. Withdrawing keeps the row, so the address says when the
    edition was withdrawn and why, rather than vanishing."""

    edition = models.OneToOneField(ReportEdition, on_delete=models.PROTECT, related_name="public")
    made_public_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_public_at = models.DateTimeField(auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-made_public_at"]

    def __str__(self) -> str:
        return f"{self.edition} (public)"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
