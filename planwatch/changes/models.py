"""Change control: proposed changes to the plan, decided by Leadership Team (approvers).

While a request is pending, the fields it would change are frozen. An approved request is
applied in the same transaction as the decision, and the action keeps the chain.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.plans.models import Action, Plan, ProgressUpdate


class ChangeKind(models.TextChoices):
    DUE_DATE = "due_date", "Change the due date"
    START_DATE = "start_date", "Change the start date"
    REWORDING = "rewording", "Reword the action"
    NEW_ACTION = "new_action", "Add a new main action"
    NEW_SUB_ACTION = "new_sub_action", "Add a new sub-action"
    CLOSE = "close", "Close the action"
    BUSINESS_AS_USUAL = "business_as_usual", "Transfer to business as usual"
    DUPLICATE = "duplicate", "Mark as a duplicate of another action"
    OWNER_CHANGE = "owner_change", "Change the owners"
    # From an imported "Change Control required: Yes": PMO says what is being asked for.
    TO_BE_COMPLETED = "to_be_completed", "To be completed by PMO"


# The Action fields each kind of change touches, frozen while a request is pending.
FIELDS_TOUCHED = {
    ChangeKind.DUE_DATE: ("due",),
    ChangeKind.START_DATE: ("start",),
    ChangeKind.REWORDING: ("title",),
    ChangeKind.NEW_ACTION: (),
    ChangeKind.NEW_SUB_ACTION: (),
    ChangeKind.CLOSE: ("lifecycle",),
    ChangeKind.BUSINESS_AS_USUAL: ("lifecycle",),
    ChangeKind.DUPLICATE: ("lifecycle",),
    ChangeKind.OWNER_CHANGE: ("director_lead", "cabinet_member", "other_leads", "update_owner"),
    ChangeKind.TO_BE_COMPLETED: (),
}


class Decision(models.TextChoices):
    PENDING = "pending", "Pending decision"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ChangeRequest(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="change_requests")
    action = models.ForeignKey(
        Action,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_requests",
        help_text="The action changed; for a new sub-action, its main action.",
    )
    kind = models.CharField(max_length=30, choices=ChangeKind.choices)
    month = models.DateField(help_text="The reporting month the request was raised in.")
    reason = models.TextField()
    # e.g. {"due_text": "Jan 2023"}, {"title": "…"}, {"ref": "OC.B1.7", "title": "…"},
    # {"duplicate_of": "OC.A2.1"}, {"director_lead": "…"}; validated by changes.services.
    proposed = models.JSONField(default=dict, blank=True)
    # For a request raised by the tracker's change-control flag: the new dates its commentary
    # names (domain.commentary_dates), e.g. [{"field": "due", "text": "December 2022",
    # "phrase": "Change control to amend delivery date to December 2022"}]; [] when it names
    # none. A proposal for PMO and the approver to confirm or edit, never applied as read.
    commentary_dates = models.JSONField(default=list, blank=True)
    decision = models.CharField(
        max_length=20, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_requests_raised",
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_requests_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    decision_meeting = models.CharField(
        max_length=300,
        blank=True,
        help_text="The Leadership Team meeting that decided it, with its minute reference.",
    )
    # What approval changed, old and new, so the chain of changes can be shown and audited.
    applied = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=300, blank=True)
    progress_update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_requests",
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "-raised_at", "-id"]
        indexes = [models.Index(fields=["plan", "month", "decision"])]

    def __str__(self) -> str:
        target = self.action.ref if self.action_id else self.proposed.get("ref", "new action")
        return f"{target}: {self.get_kind_display()} ({self.get_decision_display()})"

    @property
    def fields_touched(self) -> tuple[str, ...]:
        return FIELDS_TOUCHED[ChangeKind(self.kind)]
