"""The stored corporate risk matrix, read into the pure module's objects.

Everything that scores or bands a risk goes through `Matrix`, read from the database by
`matrix_get`, so scoring always uses what the administrator set.
"""

from dataclasses import dataclass

from planwatch.domain import risk_matrix
from planwatch.domain.risk_matrix import Assessment, Bands, RiskBand

from .models import ImpactLevel, LikelihoodLevel, RiskBands

# GOV.UK tag colours for the bands (red / amber / green, as the council's summaries say).
BAND_TAG = {RiskBand.LOW: "green", RiskBand.MEDIUM: "orange", RiskBand.HIGH: "red"}
BAND_LABEL = {RiskBand.LOW: "Low", RiskBand.MEDIUM: "Medium", RiskBand.HIGH: "High"}


@dataclass(frozen=True)
class Scored:
    """A score through the matrix, with its band, for pages and reports."""

    impact: int
    likelihood: int
    score: int
    band: RiskBand

    @property
    def band_label(self) -> str:
        return BAND_LABEL[self.band]

    @property
    def tag_colour(self) -> str:
        return BAND_TAG[self.band]


@dataclass(frozen=True)
class Matrix:
    impact: dict[int, risk_matrix.ImpactLevel]
    likelihood: dict[int, risk_matrix.LikelihoodLevel]
    bands: Bands

    def scored(self, assessment: Assessment | None) -> Scored | None:
        if assessment is None:
            return None
        return Scored(
            impact=assessment.impact,
            likelihood=assessment.likelihood,
            score=assessment.score,
            band=risk_matrix.band(assessment.score, self.bands),
        )

    def band_of(self, impact: int, likelihood: int) -> RiskBand:
        return risk_matrix.band(impact * likelihood, self.bands)

    @property
    def band_rows(self) -> list[tuple[str, str, int, int]]:
        """(label, tag colour, from, to) of each band, low to high."""
        return [
            (BAND_LABEL[band], BAND_TAG[band], start, end)
            for band, (start, end) in zip(
                RiskBand, (self.bands.low, self.bands.medium, self.bands.high), strict=True
            )
        ]


def matrix_get() -> Matrix:
    """The matrix as stored (three queries). Missing rows fall back to the legend's wording."""
    impact = dict(risk_matrix.IMPACT_LEVELS)
    for row in ImpactLevel.objects.all():
        impact[row.level] = risk_matrix.ImpactLevel(
            row.level, row.label, row.financial, row.reputation, row.service_delivery
        )
    likelihood = dict(risk_matrix.LIKELIHOOD_LEVELS)
    for row in LikelihoodLevel.objects.all():
        likelihood[row.level] = risk_matrix.LikelihoodLevel(
            row.level, row.label, row.definition, row.chance, (row.chance_from, row.chance_to)
        )
    stored = RiskBands.objects.order_by("pk").first()
    bands = stored.as_bands() if stored is not None else risk_matrix.DEFAULT_BANDS
    return Matrix(impact=impact, likelihood=likelihood, bands=bands)
