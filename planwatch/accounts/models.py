"""Owner roles named in the plan, and the people who hold them.

Accounts sits below the plan register (docs/architecture.md): the plan's tables are named by
string here, never imported, so permissions can be checked from any layer above.

The plan names owners by role ("Director – Law & Governance"). One person may hold several
roles, a role may be held by several people, and a holder may delegate (an officer who
writes the Director's updates) by adding a delegate holder.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class OwnerRole(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="owner_roles")
    key = models.CharField(max_length=300, help_text="The name with case, dashes and '&' ignored.")
    name = models.CharField(max_length=300)
    holders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="OwnerRoleHolder", related_name="owner_roles"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="owner_role_unique_per_plan")
        ]

    def __str__(self) -> str:
        return self.name


class OwnerRoleHolder(models.Model):
    owner_role = models.ForeignKey(OwnerRole, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    is_delegate = models.BooleanField(
        default=False, help_text="Acts for the role's holder, e.g. an officer writing updates."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner_role", "user"], name="one_holding_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} holds {self.owner_role}" + (" (delegate)" if self.is_delegate else "")


class OwnerCapacity(models.TextChoices):
    DIRECTOR_LEAD = "director_lead", "Director lead"
    CABINET_MEMBER = "cabinet_member", "Cabinet member"
    OTHER_LEAD = "other_lead", "Other lead"
    UPDATE_OWNER = "update_owner", "Update owner"


# Cabinet members are accountable but do not write officers' updates.
UPDATING_CAPACITIES = (
    OwnerCapacity.DIRECTOR_LEAD,
    OwnerCapacity.OTHER_LEAD,
    OwnerCapacity.UPDATE_OWNER,
)


class ActionOwner(models.Model):
    """An owner role named on an action, read from its owner cells."""

    action = models.ForeignKey("plans.Action", on_delete=models.CASCADE, related_name="owners")
    owner_role = models.ForeignKey(OwnerRole, on_delete=models.CASCADE, related_name="actions")
    capacity = models.CharField(max_length=20, choices=OwnerCapacity.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "owner_role", "capacity"], name="action_owner_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action.ref}: {self.owner_role} ({self.get_capacity_display()})"
