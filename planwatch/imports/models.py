"""What each tracker import brought in, and every data-quality warning it raised."""

from django.conf import settings
from django.db import models

from planwatch.plans.models import Plan


class ImportRun(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="import_runs")
    filename = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    summary = models.JSONField(default=dict)
    original = models.ForeignKey(
        "TrackerFile", on_delete=models.PROTECT, null=True, blank=True, related_name="runs"
    )

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.imported_at:%d %b %Y %H:%M})"


class DataQualityWarning(models.Model):
    """Something in the workbook planwatch kept but could not take at face value."""

    import_run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="warnings")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="data_warnings")
    sheet = models.CharField(max_length=100, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=200, blank=True)
    ref = models.CharField(max_length=20, blank=True, db_index=True)
    category = models.CharField(max_length=40)
    message = models.TextField()
    value = models.TextField(blank=True)

    class Meta:
        ordering = ["import_run", "sheet", "row", "id"]

    def __str__(self) -> str:
        return f"{self.sheet}!{self.row} {self.column}: {self.message}"


class TrackerFile(models.Model):
    """A workbook exactly as it was uploaded, kept in the database beside the import it fed.

    In the database rather than on disk so the web server and the worker need share nothing
    but the database, a backup holds the file with its import, and a rolled-back import
    leaves no orphan file behind.
    """

    name = models.CharField(max_length=300)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    stored_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class UploadState(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    READING = "reading", "Reading the file"
    READY = "ready", "Preview ready"
    APPLYING = "applying", "Importing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Refused"
    CANCELLED = "cancelled", "Cancelled"


# While an upload is in one of these states it holds the plan: a second PMO is refused.
OPEN_UPLOAD_STATES = (
    UploadState.QUEUED,
    UploadState.READING,
    UploadState.READY,
    UploadState.APPLYING,
)


class TrackerUpload(models.Model):
    """A workbook uploaded from the browser: read and previewed first, imported on confirm."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="tracker_uploads")
    file = models.ForeignKey(TrackerFile, on_delete=models.PROTECT, related_name="uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=20, choices=UploadState, default=UploadState.QUEUED)
    rows_read = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    preview = models.JSONField(default=dict, blank=True)
    refusal = models.TextField(blank=True)
    # The plan's latest import when the preview was made: a confirm after another import
    # would apply a diff nobody has seen, so it is refused.
    previewed_after = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    import_run = models.OneToOneField(
        ImportRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="upload"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            # The database, not a check-then-write, decides which of two PMOs goes first.
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(state__in=OPEN_UPLOAD_STATES),
                name="one_open_tracker_upload_per_plan",
            )
        ]

    def __str__(self) -> str:
        return f"{self.file.name} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_UPLOAD_STATES

    @property
    def is_working(self) -> bool:
        return self.state in {UploadState.QUEUED, UploadState.READING, UploadState.APPLYING}
