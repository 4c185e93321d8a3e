"""The plan register: Plan > Theme > Workstream > Action, with monthly ProgressUpdates.

Every value is kept as the council wrote it (the `*_text` fields and `source_cells`) beside
what planwatch reads it as, so nothing a user brought is ever lost or silently "fixed".
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.domain.fuzzy_dates import DateKind, FuzzyDate
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status

from .history import EffectiveMonthHistory


class ReportLayout(models.TextChoices):
    """How the Theme Progress Summary is laid out: the council's own documents, or planwatch's
    analysis with charts. The figures are the same in each; only the page differs."""

    COUNCIL_2022 = "2022", "Council 2022 (statement, achievements and milestones due)"
    COUNCIL_2023 = "2023", "Council 2023 (Focus 1 narratives and Focus 2 exceptions)"
    ANALYSIS = "analysis", "Analysis (overview, charts and a section per theme)"


class Plan(models.Model):
    name = models.CharField(max_length=200, unique=True)
    organisation = models.CharField(max_length=200, blank=True)
    phase = models.CharField(max_length=200, blank=True)
    report_layout = models.CharField(
        "Theme Progress Summary layout",
        max_length=16,
        choices=ReportLayout.choices,
        default=ReportLayout.COUNCIL_2022,
        help_text="The layout a summary takes unless one is chosen for it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="themes")
    code = models.CharField(max_length=8)
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="theme_code_unique_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Workstream(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="workstreams")
    name = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["theme", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "name"], name="workstream_name_unique_per_theme"
            )
        ]

    def __str__(self) -> str:
        return self.name


class RiskLevel(models.TextChoices):
    HIGH = "high", "High Risk"
    MEDIUM = "medium", "Medium Risk"
    LOW = "low", "Low Risk"
    UNRATED = "unrated", "Not yet risk rated"
    NOT_APPLICABLE = "not_applicable", "N/A (sub-action)"


class Lifecycle(models.TextChoices):
    """Where an action stands; leaving the plan is always an approved change, never a delete."""

    LIVE = "live", "In the plan"
    CLOSED = "closed", "Closed by change control"
    BUSINESS_AS_USUAL = "business_as_usual", "Moved to business as usual"
    DUPLICATE = "duplicate", "Duplicate of another action"


class Action(models.Model):
    """A main action (part 0 of its ref) or one of its sub-actions (milestones)."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="actions")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="actions")
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="actions")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="sub_actions"
    )
    ref = models.CharField(max_length=20)
    is_main = models.BooleanField(default=False)
    sort_key = models.CharField(max_length=40, db_index=True)
    title = models.TextField()

    director_lead = models.CharField(max_length=300, blank=True)
    cabinet_member = models.CharField(max_length=300, blank=True)
    other_leads = models.TextField(blank=True)
    update_owner = models.CharField(max_length=300, blank=True)

    start_text = models.CharField(max_length=300, blank=True)
    start_kind = models.CharField(max_length=20, default=DateKind.BLANK)
    start_earliest = models.DateField(null=True, blank=True)
    start_latest = models.DateField(null=True, blank=True)
    start_note = models.CharField(max_length=300, blank=True)
    due_text = models.CharField(max_length=300, blank=True)
    due_kind = models.CharField(max_length=20, default=DateKind.BLANK)
    due_earliest = models.DateField(null=True, blank=True)
    due_latest = models.DateField(null=True, blank=True, db_index=True)
    due_note = models.CharField(max_length=300, blank=True)
    # A recurring due date's months between deadlines; its first deadline is due_latest.
    due_every_months = models.PositiveSmallIntegerField(null=True, blank=True)
    # The due date as first imported or first approved; slippage is measured against it.
    baseline_due_text = models.CharField(max_length=300, blank=True)
    baseline_due_kind = models.CharField(max_length=20, default=DateKind.BLANK)
    baseline_due_earliest = models.DateField(null=True, blank=True)
    baseline_due_latest = models.DateField(null=True, blank=True)
    baseline_due_every_months = models.PositiveSmallIntegerField(null=True, blank=True)
    rebaseline_count = models.PositiveIntegerField(default=0)

    lifecycle = models.CharField(max_length=20, choices=Lifecycle.choices, default=Lifecycle.LIVE)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    # Optimistic locking: a save names the version it read and fails if someone saved since.
    version = models.PositiveIntegerField(default=1)

    risk_level = models.CharField(
        max_length=20, choices=RiskLevel.choices, default=RiskLevel.NOT_APPLICABLE
    )
    risk_text = models.CharField(max_length=100, blank=True)
    risk_description = models.TextField(blank=True)

    # Denormalised from the newest ProgressUpdate so list pages filter without a join per row.
    latest_status = models.CharField(max_length=30, default=Status.NO_STATUS, db_index=True)
    latest_month = models.DateField(null=True, blank=True)

    source_sheet = models.CharField(max_length=100, blank=True)
    source_row = models.PositiveIntegerField(null=True, blank=True)
    # [[column header, value as written], ...] in the workbook's column order: a list, because
    # PostgreSQL's jsonb does not keep the order of an object's keys.
    source_cells = models.JSONField(default=list, blank=True)
    history = HistoricalRecords(
        excluded_fields=["latest_status", "latest_month", "sort_key"],
        bases=[EffectiveMonthHistory],
    )

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "ref"], name="action_ref_unique_per_plan")
        ]
        indexes = [models.Index(fields=["plan", "theme", "sort_key"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"

    @property
    def start(self) -> FuzzyDate:
        return FuzzyDate(
            self.start_text,
            DateKind(self.start_kind),
            self.start_earliest,
            self.start_latest,
            self.start_note,
        )

    @property
    def due(self) -> FuzzyDate:
        return FuzzyDate(
            self.due_text,
            DateKind(self.due_kind),
            self.due_earliest,
            self.due_latest,
            self.due_note,
            self.due_every_months,
        )

    def set_start(self, value: FuzzyDate) -> None:
        self.start_text, self.start_kind = value.text, value.kind
        self.start_earliest, self.start_latest, self.start_note = (
            value.earliest,
            value.latest,
            value.note[:300],
        )

    def set_due(self, value: FuzzyDate) -> None:
        self.due_text, self.due_kind = value.text, value.kind
        self.due_earliest, self.due_latest, self.due_note = (
            value.earliest,
            value.latest,
            value.note[:300],
        )
        self.due_every_months = value.every_months

    @property
    def baseline_due(self) -> FuzzyDate:
        return FuzzyDate(
            self.baseline_due_text,
            DateKind(self.baseline_due_kind),
            self.baseline_due_earliest,
            self.baseline_due_latest,
            every_months=self.baseline_due_every_months,
        )

    def set_baseline_due(self, value: FuzzyDate) -> None:
        self.baseline_due_text, self.baseline_due_kind = value.text, value.kind
        self.baseline_due_earliest, self.baseline_due_latest = value.earliest, value.latest
        self.baseline_due_every_months = value.every_months

    @property
    def latest_status_definition(self):
        return STATUS_DEFINITIONS[Status(self.latest_status)]


class Recommendation(models.Model):
    """A recommendation of an external review that the plan's actions answer."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="recommendations")
    source = models.CharField(max_length=100, help_text='e.g. "Grant Thornton", "CIPFA"')
    kind = models.CharField(max_length=100, blank=True, help_text='e.g. "Statutory"')
    number = models.CharField(max_length=20)
    text = models.TextField(blank=True)
    # What the catalogue says about where this recommendation comes from, or its doubts.
    note = models.TextField(blank=True)
    # False when only a Reference text cites it: the reviews' own list did not include it.
    catalogued = models.BooleanField(default=False)
    actions = models.ManyToManyField(Action, related_name="recommendations", blank=True)

    class Meta:
        ordering = ["plan", "source", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source", "kind", "number"], name="recommendation_unique"
            )
        ]

    def __str__(self) -> str:
        return " ".join(part for part in (self.source, self.kind, "Rec", self.number) if part)


class UpdateState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned by PMO"
    ACCEPTED = "accepted", "Accepted by PMO"


class ProgressUpdate(models.Model):
    """One action's status and evidence commentary for one month."""

    # No index of its own: one_update_per_action_month's index starts with the action.
    action = models.ForeignKey(
        Action, on_delete=models.PROTECT, related_name="updates", db_index=False
    )
    month = models.DateField(help_text="First day of the reporting month.")
    status = models.CharField(max_length=30, default=Status.NO_STATUS)
    status_text = models.TextField(blank=True, help_text="The status exactly as written.")
    commentary = models.TextField(blank=True)
    author_initials = models.CharField(max_length=20, blank=True)
    author_date_text = models.CharField(max_length=40, blank=True)
    change_control = models.BooleanField(default=False)
    change_control_text = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where this update came from.")
    # An imported workbook's updates arrive as submitted, for PMO to review like any other.
    state = models.CharField(
        max_length=20, choices=UpdateState.choices, default=UpdateState.SUBMITTED
    )
    no_change = models.BooleanField(default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates_submitted",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["action", "month"]
        constraints = [
            models.UniqueConstraint(fields=["action", "month"], name="one_update_per_action_month")
        ]
        # The reports ask, per month, for the counted updates' status and action, and per
        # action for its counted updates of a status before or after a month (first rated
        # Complete, joined the plan later). With state, status and action in the index both
        # are answered from it alone, without reading the table's rows.
        indexes = [
            models.Index(
                fields=["month", "state", "status", "action"], name="update_month_counted"
            ),
            models.Index(
                fields=["action", "state", "status", "month"], name="update_action_counted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.ref} {self.month:%b %Y}: {self.status_text or self.status}"

    @property
    def status_definition(self):
        return STATUS_DEFINITIONS[Status(self.status)]
