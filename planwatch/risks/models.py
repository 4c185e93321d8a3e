"""The corporate risk matrix (as data the admin can edit), the plan's risk register with its
monthly review snapshots, and main actions scored through the matrix.

Scores are never stored: they are worked out from the levels through the stored matrix
(`selectors.matrix_get`), so when an administrator changes the bands every page follows.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from planwatch.domain import risk_matrix
from planwatch.plans.history import EffectiveMonthHistory
from planwatch.plans.models import Action, Plan, Theme

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]
SCORE_VALIDATORS = [MinValueValidator(risk_matrix.MIN_SCORE), MaxValueValidator(16)]


def level_field(label: str, *, null: bool = True) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, null=null, blank=null, validators=LEVEL_VALIDATORS
    )


# --- The matrix ------------------------------------------------------------------------------


class ImpactLevel(models.Model):
    """One impact level; impact is the higher of the three dimensions."""

    level = models.PositiveSmallIntegerField(unique=True, validators=LEVEL_VALIDATORS)
    label = models.CharField(max_length=50)
    financial = models.TextField()
    reputation = models.TextField()
    service_delivery = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["level"]

    def __str__(self) -> str:
        return f"Impact {self.level} ({self.label})"


class LikelihoodLevel(models.Model):
    level = models.PositiveSmallIntegerField(unique=True, validators=LEVEL_VALIDATORS)
    label = models.CharField(max_length=50)
    definition = models.TextField()
    chance = models.TextField(help_text="The chance of the event, as the council words it.")
    chance_from = models.PositiveSmallIntegerField(help_text="Lowest chance, per cent.")
    chance_to = models.PositiveSmallIntegerField(help_text="Highest chance, per cent.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["level"]

    def __str__(self) -> str:
        return f"Likelihood {self.level} ({self.label})"


class RiskBands(models.Model):
    """The score ranges of Low, Medium and High; one row. They must cover 1..16 in order."""

    low_from = models.PositiveSmallIntegerField(default=1, validators=SCORE_VALIDATORS)
    low_to = models.PositiveSmallIntegerField(default=4, validators=SCORE_VALIDATORS)
    medium_from = models.PositiveSmallIntegerField(default=5, validators=SCORE_VALIDATORS)
    medium_to = models.PositiveSmallIntegerField(default=9, validators=SCORE_VALIDATORS)
    high_from = models.PositiveSmallIntegerField(default=10, validators=SCORE_VALIDATORS)
    high_to = models.PositiveSmallIntegerField(default=16, validators=SCORE_VALIDATORS)
    note = models.TextField(
        blank=True, help_text="Where these bands come from (the council's legend gives none)."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "risk bands"
        verbose_name_plural = "risk bands"

    def __str__(self) -> str:
        return (
            f"Low {self.low_from}-{self.low_to}, Medium {self.medium_from}-{self.medium_to}, "
            f"High {self.high_from}-{self.high_to}"
        )

    def as_bands(self) -> risk_matrix.Bands:
        return risk_matrix.Bands(
            low=(self.low_from, self.low_to),
            medium=(self.medium_from, self.medium_to),
            high=(self.high_from, self.high_to),
        )

    def clean(self) -> None:
        try:
            self.as_bands()
        except (ValueError, TypeError) as error:
            raise ValidationError(str(error)) from None


# --- The register ----------------------------------------------------------------------------


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Risk(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(max_length=20, help_text='For example "R01".')
    title = models.CharField(max_length=300)
    description = models.TextField(
        blank=True, help_text="The risk as the register words it, kept whole."
    )
    cause = models.TextField(blank=True)
    effect = models.TextField(blank=True)
    owner = models.CharField(max_length=300, blank=True)
    category = models.CharField(max_length=100, blank=True)
    themes = models.ManyToManyField(Theme, related_name="risks", blank=True)
    actions = models.ManyToManyField(Action, related_name="risks", blank=True)

    inherent_financial = level_field("inherent financial impact")
    inherent_reputation = level_field("inherent reputation impact")
    inherent_service_delivery = level_field("inherent service delivery impact")
    inherent_likelihood = level_field("inherent likelihood")

    controls = models.TextField(blank=True, help_text="Controls and mitigations in place.")
    mitigating_actions = models.ManyToManyField(Action, related_name="mitigated_risks", blank=True)

    residual_impact = level_field("residual impact")
    residual_likelihood = level_field("residual likelihood")
    target_impact = level_field("target impact")
    target_likelihood = level_field("target likelihood")

    # The links above written out ("Themes: OC; Actions: CO.C1.0; ..."), so the audit trail,
    # which records fields, shows when they changed.
    links_text = models.TextField("linked themes and actions", blank=True)

    review_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    # The day it was closed, so a heatmap "as at" a month before then still counts it.
    closed_on = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "reference"], name="risk_reference_unique_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def inherent_assessment(self) -> risk_matrix.Assessment | None:
        levels = (
            self.inherent_financial,
            self.inherent_reputation,
            self.inherent_service_delivery,
            self.inherent_likelihood,
        )
        if None in levels:
            return None
        return risk_matrix.Assessment(*levels)

    @property
    def residual_assessment(self) -> risk_matrix.Assessment | None:
        return single_impact_assessment(self.residual_impact, self.residual_likelihood)

    @property
    def target_assessment(self) -> risk_matrix.Assessment | None:
        return single_impact_assessment(self.target_impact, self.target_likelihood)


def single_impact_assessment(
    impact: int | None, likelihood: int | None
) -> risk_matrix.Assessment | None:
    """Residual and target risk are judged as one impact level, so all three dimensions are it."""
    if impact is None or likelihood is None:
        return None
    return risk_matrix.Assessment(impact, impact, impact, likelihood)


class RiskReview(models.Model):
    """A risk's residual score as reviewed in one month: the register's monthly snapshot."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="reviews")
    month = models.DateField(help_text="First day of the month reviewed.")
    residual_impact = level_field("residual impact", null=False)
    residual_likelihood = level_field("residual likelihood", null=False)
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="risk_reviews"
    )
    reviewed_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["risk", "month"], name="one_review_per_risk_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed {self.month:%B %Y}"

    @property
    def assessment(self) -> risk_matrix.Assessment:
        return risk_matrix.Assessment(
            self.residual_impact,
            self.residual_impact,
            self.residual_impact,
            self.residual_likelihood,
        )


class ActionRiskScore(models.Model):
    """A main action's risk scored through the matrix; until there is one, the tracker's
    imported level (Action.risk_level) stands."""

    action = models.OneToOneField(Action, on_delete=models.PROTECT, related_name="risk_score")
    financial = level_field("financial impact", null=False)
    reputation = level_field("reputation impact", null=False)
    service_delivery = level_field("service delivery impact", null=False)
    likelihood = level_field("likelihood", null=False)
    note = models.TextField(blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_risk_scores"
    )
    scored_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    # Each version carries the month it took effect in, so a past month's report reads the
    # score as it stood then (`plans.history`).
    history = HistoricalRecords(bases=[EffectiveMonthHistory])

    class Meta:
        ordering = ["action__sort_key"]

    def __str__(self) -> str:
        return f"{self.action.ref} risk score"

    @property
    def assessment(self) -> risk_matrix.Assessment:
        return risk_matrix.Assessment(
            self.financial, self.reputation, self.service_delivery, self.likelihood
        )
