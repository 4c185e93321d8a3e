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
