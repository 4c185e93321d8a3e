"""The council's corporate risk matrix, as the tracker's "Action Risk Score" legend gives it.

Each action risk is scored on impact and likelihood, both 1-4. Impact is "Higher of" three
dimensions: financial, reputation and service delivery. The score is impact x likelihood, so
1..16 (only 1, 2, 3, 4, 6, 8, 9, 12 and 16 can actually occur).

The definitions below are verbatim from the legend (seed 004), including its punctuation, so
they can be shown to officers as council wording.

Assumption: the legend gives no score bands. The default bands (1-4 Low, 5-9 Medium, 10-16
High) are ours, not the council's; they match the usual 4x4 corporate matrix and can be
changed by passing other ``Bands``.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar

from planwatch.domain.cell_text import as_text, without_markup

LEVELS = (1, 2, 3, 4)
MIN_SCORE = 1
MAX_SCORE = 16

K = TypeVar("K")


class RiskBand(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class ImpactLevel:
    level: int
    label: str
    financial: str
    reputation: str
    service_delivery: str


@dataclass(frozen=True)
class LikelihoodLevel:
    """A likelihood level. ``chance`` is the council's sentence; ``chance_percent`` is our
    reading of it as (lowest, highest) per cent, with the open ends of "less than 10%" and
    "more than 50%" read as 0 and 100."""

    level: int
    label: str
    definition: str
    chance: str
    chance_percent: tuple[int, int]


IMPACT_LEVELS: Mapping[int, ImpactLevel] = MappingProxyType(
    {
        1: ImpactLevel(
            1,
            "Very Low",
            "<5% of budget",
            "Local gossip/ reputation affected internally",
            "<25% Short term service disruption requiring intervention by a unit or project "
            "manager or equivalent",
        ),
        2: ImpactLevel(
            2,
            "Low",
            "5% to 10% budget",
            "Local newspaper coverage – reputation affected temporarily",
            "25%-49% Noticeable disruption to outputs requiring intervention by a relevant "
            "Director / Service Manager",
        ),
        3: ImpactLevel(
            3,
            "Medium",
            "11% to 20% of budget",
            "Local media and TV coverage - long term local reputation affected",
            "50%-80% Significant service or project disruption requiring intervention by "
            "Corporate Directors / Management Board",
        ),
        4: ImpactLevel(
            4,
            "High",
            ">20% of budget",
            "National media coverage – permanent impact on reputation",
            ">80% Serious service or programme failure directly affecting vulnerable groups, "
            "requiring intervention by Members.",
        ),
    }
)

LIKELIHOOD_LEVELS: Mapping[int, LikelihoodLevel] = MappingProxyType(
    {
        1: LikelihoodLevel(
            1,
            "Unlikely",
            "The event is not expected. There is no expectation that the event will occur, but "
            "it is possible that it might do so.",
            "The chance of the event occurring is less than 10%.",
            (0, 10),
        ),
        2: LikelihoodLevel(
            2,
            "Possible",
            "Little likelihood of the event occurring. It might happen in the next 18 months or "
            "recur occasionally.",
            "The chance of the event occurring is between a 10% to 24% likelihood.",
            (10, 24),
        ),
        3: LikelihoodLevel(
            3,
            "Probably / likely",
            "The event is more than likely to occur. It will probably happen in the next year "
            "but is not a persisting issue.",
            "The chance of the event occurring is between a 25% to 50% likelihood",
            (25, 50),
        ),
        4: LikelihoodLevel(
            4,
            "Almost certain",
            "It is reasonable to expect that the event will undoubtedly happen or recur, "
            "possibly frequently or at least within the next six months",
            "A more than 50% chance of the risk occurring",
            (50, 100),
        ),
    }
)


def _check_level(name: str, value: object) -> None:
    # bool is an int subclass, but True is not a risk level.
    if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
        raise ValueError(f"{name} must be a whole number from 1 to 4, not {value!r}")


@dataclass(frozen=True)
class Assessment:
    """One risk scored on the matrix; every level must be 1..4."""

    financial: int
    reputation: int
    service_delivery: int
    likelihood: int

    def __post_init__(self) -> None:
        for field in fields(self):
            _check_level(field.name, getattr(self, field.name))

    @property
    def impact(self) -> int:
        """The legend's "Impact - Higher of" the three dimensions."""
        return max(self.financial, self.reputation, self.service_delivery)

    @property
    def score(self) -> int:
        return self.impact * self.likelihood


def score(assessment: Assessment) -> int:
    """Impact x likelihood, 1..16."""
    return assessment.score


@dataclass(frozen=True)
class Bands:
    """Inclusive score ranges for each band; together they must run 1..16 without gaps or
    overlaps, in the order Low, Medium, High, each holding at least one score.

    The defaults are an assumption (see the module docstring): the council gives none."""

    low: tuple[int, int] = (1, 4)
    medium: tuple[int, int] = (5, 9)
    high: tuple[int, int] = (10, 16)

    def __post_init__(self) -> None:
        expected_start = MIN_SCORE
        for name, (start, end) in self._ranges():
            if start > end:
                raise ValueError(f"{name} band {start}-{end} is empty: its start is after its end")
            if start != expected_start:
                problem = "leaves a gap" if start > expected_start else "overlaps"
                raise ValueError(
                    f"{name} band must start at {expected_start}, not {start}: bands must be "
                    f"contiguous ({problem})"
                )
            expected_start = end + 1
        if expected_start != MAX_SCORE + 1:
            raise ValueError(
                f"high band must end at {MAX_SCORE}, not {expected_start - 1}: bands must cover "
                f"scores {MIN_SCORE} to {MAX_SCORE}"
            )

    def _ranges(self) -> tuple[tuple[str, tuple[int, int]], ...]:
        return (("low", self.low), ("medium", self.medium), ("high", self.high))

    def band_of(self, value: int) -> RiskBand:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"score must be a whole number from 1 to 16, not {value!r}")
        for name, (start, end) in self._ranges():
            if start <= value <= end:
                return RiskBand(name)
        raise ValueError(f"score must be from {MIN_SCORE} to {MAX_SCORE}, not {value}")


DEFAULT_BANDS = Bands()


def band(score: int, bands: Bands = DEFAULT_BANDS) -> RiskBand:
    """The band a score (1..16) falls in."""
    return bands.band_of(score)


# The tracker writes "High Risk" / "Medium Risk" / "Low Risk"; the summaries call the same
# ratings red / amber / green.
_RISK_WORDS: Mapping[str, RiskBand] = MappingProxyType(
    {
        "high": RiskBand.HIGH,
        "red": RiskBand.HIGH,
        "medium": RiskBand.MEDIUM,
        "amber": RiskBand.MEDIUM,
        "low": RiskBand.LOW,
        "green": RiskBand.LOW,
    }
)


def level_of_main_action_risk(text: object) -> RiskBand | None:
    """The band of a "Main Action Risk" cell ("High Risk", "medium", "Amber risk"), or None
    when the cell rates nothing ("N/A", blank, or words we do not recognise)."""
    words = re.sub(r"[^a-z]+", " ", without_markup(as_text(text)).lower()).split()
    if words and words[-1] == "risk":
        words = words[:-1]
    if len(words) != 1:
        return None
    return _RISK_WORDS.get(words[0])


Cell = tuple[int, int]


def heatmap(assessments: Iterable[tuple[K, Assessment]]) -> dict[Cell, list[K]]:
    """The keys in each (impact, likelihood) cell of the 4x4 matrix, in input order.

    Every one of the 16 cells is present, empty or not, ordered by impact then likelihood."""
    cells: dict[Cell, list[K]] = {(i, lk): [] for i in LEVELS for lk in LEVELS}
    for key, assessment in assessments:
        cells[(assessment.impact, assessment.likelihood)].append(key)
    return cells
