"""Reads of the risk register: the register, one risk with its reviews, the heatmap, main
actions' scores. Each costs a fixed number of queries however big the register is.

"As at a month" means each risk's newest review snapshot in or before that month; a risk
closed before the month began, or never reviewed by then, is not in the picture for it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from planwatch.domain import risk_matrix
from planwatch.plans.models import Action, Plan, RiskLevel

from .matrix import Matrix, Scored, matrix_get
from .models import ActionRiskScore, Risk, RiskReview, RiskStatus

UP, DOWN, SAME = "up", "down", "same"


@dataclass(frozen=True)
class Trend:
    """How the residual score moved between two review snapshots."""

    direction: str  # "up", "down" or "same"
    score: int
    previous_score: int
    month: date
    previous_month: date

    @property
    def label(self) -> str:
        words = {UP: "Up", DOWN: "Down", SAME: "Same"}[self.direction]
        return f"{words} ({self.previous_score} to {self.score} since {self.previous_month:%b %Y})"


def trend_between(review: RiskReview | None, previous: RiskReview | None) -> Trend | None:
    if review is None or previous is None:
        return None
    score, before = review.assessment.score, previous.assessment.score
    direction = UP if score > before else DOWN if score < before else SAME
    return Trend(direction, score, before, review.month, previous.month)


@dataclass
class RiskRow:
    risk: Risk
    inherent: Scored | None
    residual: Scored | None
    target: Scored | None
    review: RiskReview | None  # the snapshot the residual is read from, when as at a month
    latest_review: RiskReview | None
    trend: Trend | None
    review_overdue: bool

    @property
    def cell(self) -> tuple[int, int] | None:
        return None if self.residual is None else (self.residual.impact, self.residual.likelihood)


def _risks(plan: Plan, *, theme: str = "", status: str = ""):
    risks = (
        Risk.objects.filter(plan=plan)
        .prefetch_related(
            "themes",
            Prefetch("reviews", queryset=RiskReview.objects.order_by("-month")),
        )
        .order_by("reference", "pk")
    )
    if theme:
        risks = risks.filter(themes__code=theme).distinct()
    if status:
        risks = risks.filter(status=status)
    return risks


def _reviews_until(risk: Risk, month: date | None) -> list[RiskReview]:
    """The risk's snapshots newest first, from `month` back (all of them when None)."""
    reviews = list(risk.reviews.all())
    return reviews if month is None else [r for r in reviews if r.month <= month]


def _in_picture(risk: Risk, month: date | None) -> bool:
    """As at a month: the risks not closed before it that had been reviewed by then, and
    those never reviewed at all, shown as not scored (a register of unscored risks is not an
    empty one). A risk first reviewed later is taken to have joined the register later."""
    if month is None:
        return True
    if risk.closed_on is not None and risk.closed_on < month:
        return False
    return bool(_reviews_until(risk, month)) or not risk.reviews.all()


def _row(risk: Risk, matrix: Matrix, *, month: date | None, today: date | None) -> RiskRow:
    reviews = _reviews_until(risk, month)
    review = reviews[0] if reviews else None
    previous = reviews[1] if len(reviews) > 1 else None
    if month is None:
        residual = matrix.scored(risk.residual_assessment)
    else:
        residual = matrix.scored(review.assessment) if review else None
    overdue = (
        today is not None
        and risk.status == RiskStatus.OPEN
        and risk.review_date is not None
        and risk.review_date < today
    )
    return RiskRow(
        risk=risk,
        inherent=matrix.scored(risk.inherent_assessment),
        residual=residual,
        target=matrix.scored(risk.target_assessment),
        review=review if month is not None else None,
        latest_review=review,
        trend=trend_between(review, previous),
        review_overdue=overdue,
    )


def register_list(
    *,
    plan: Plan,
    theme: str = "",
    status: str = "",
    cell: tuple[int, int] | None = None,
    month: date | None = None,
    today: date | None = None,
) -> list[RiskRow]:
    """The register's rows. With `month`, residual scores are as at that month; with `cell`
    (impact, likelihood), only the risks whose residual score sits in that heatmap cell."""
    matrix = matrix_get()
    rows = [
        _row(risk, matrix, month=month, today=today)
        for risk in _risks(plan, theme=theme, status=status)
        if _in_picture(risk, month)
    ]
    if cell is not None:
        rows = [row for row in rows if row.cell == cell]
    return rows


def risk_row(*, risk: Risk, today: date | None = None) -> RiskRow:
    """One risk's row as the register shows it (uses risk_get's prefetch)."""
    return _row(risk, matrix_get(), month=None, today=today)


def risk_get(*, pk: int) -> Risk:
    return (
        Risk.objects.select_related("plan")
        .prefetch_related(
            "themes",
            Prefetch("actions", queryset=Action.objects.order_by("sort_key")),
            Prefetch("mitigating_actions", queryset=Action.objects.order_by("sort_key")),
            Prefetch(
                "reviews",
                queryset=RiskReview.objects.select_related("reviewed_by").order_by("-month"),
            ),
        )
        .get(pk=pk)
    )


@dataclass
class ReviewRow:
    review: RiskReview
    residual: Scored
    trend: Trend | None


def risk_review_history(*, risk: Risk, matrix: Matrix) -> list[ReviewRow]:
    """Each snapshot newest first, with its move from the one before (uses the prefetch)."""
    reviews = list(risk.reviews.all())
    return [
        ReviewRow(
            review,
            matrix.scored(review.assessment),
            trend_between(review, reviews[i + 1] if i + 1 < len(reviews) else None),
        )
        for i, review in enumerate(reviews)
    ]


def review_months(*, plan: Plan) -> list[date]:
    """The months any risk of the plan was reviewed in, newest first."""
    return list(
        RiskReview.objects.filter(risk__plan=plan)
        .order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )


# --- Heatmap -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskRef:
    pk: int
    reference: str
    title: str


@dataclass
class HeatCell:
    impact: int
    likelihood: int
    score: int
    band: risk_matrix.RiskBand
    risks: list[RiskRef] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.risks)


@dataclass
class Heatmap:
    """Residual risk on the 4x4 matrix: open risks now, or as at `month` from the snapshots.

    `rows` run impact 4 down to 1, each likelihood 1 to 4, as the matrix is drawn."""

    month: date | None
    rows: list[list[HeatCell]]
    unscored: list[RiskRef]
    matrix: Matrix

    @property
    def cells(self) -> list[HeatCell]:
        return [cell for row in self.rows for cell in row]

    @property
    def counts(self) -> dict[tuple[int, int], int]:
        return {(cell.impact, cell.likelihood): cell.count for cell in self.cells}

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)

    def table(self) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """The data-table alternative: a row per impact level, a column per likelihood."""
        headers = ("Impact", *(f"{lk} {self.matrix.likelihood[lk].label}" for lk in (1, 2, 3, 4)))
        rows = tuple(
            (
                f"{row[0].impact} {self.matrix.impact[row[0].impact].label}",
                *(str(cell.count) for cell in row),
            )
            for row in self.rows
        )
        return headers, rows


def heatmap_counts(*, plan: Plan, month: date | None = None) -> Heatmap:
    """The 4x4 counts of residual risk, with the risks in each cell, for pages and reports.

    Now: the open risks by their current residual score. As at `month`: every risk by its
    newest review snapshot in or before that month. Risks with no residual score are listed
    in `unscored` rather than guessed into a cell."""
    matrix = matrix_get()
    rows = register_list(plan=plan, status="" if month else RiskStatus.OPEN, month=month)
    scored = [(row.risk, row.residual) for row in rows if row.residual is not None]
    placed = risk_matrix.heatmap(
        (
            RiskRef(risk.pk, risk.reference, risk.title),
            risk_matrix.Assessment(s.impact, s.impact, s.impact, s.likelihood),
        )
        for risk, s in scored
    )
    grid = [
        [
            HeatCell(i, lk, i * lk, matrix.band_of(i, lk), placed[(i, lk)])
            for lk in risk_matrix.LEVELS
        ]
        for i in reversed(risk_matrix.LEVELS)
    ]
    unscored = [
        RiskRef(row.risk.pk, row.risk.reference, row.risk.title)
        for row in rows
        if row.residual is None
    ]
    return Heatmap(month=month, rows=grid, unscored=unscored, matrix=matrix)


# --- Main actions --------------------------------------------------------------------------


@dataclass
class ActionRisk:
    """A main action's risk: the tracker's imported level, and the matrix score once given."""

    action: Action
    scored: Scored | None
    record: ActionRiskScore | None

    @property
    def imported_label(self) -> str:
        return RiskLevel(self.action.risk_level).label

    @property
    def imported_band(self) -> risk_matrix.RiskBand | None:
        # RiskLevel's high/medium/low share their values with the matrix's bands.
        values = {band.value for band in risk_matrix.RiskBand}
        level = self.action.risk_level
        return risk_matrix.RiskBand(level) if level in values else None

    @property
    def agrees(self) -> bool | None:
        """Does the matrix band match the imported level? None until scored or if unrated."""
        if self.scored is None or self.imported_band is None:
            return None
        return self.scored.band == self.imported_band


def action_risks(*, actions: Iterable[Action], matrix: Matrix | None = None) -> list[ActionRisk]:
    """For other apps too: each main action's imported level beside its matrix score (one
    query, plus the matrix's three unless given)."""
    actions = list(actions)
    matrix = matrix or matrix_get()
    records = {
        record.action_id: record
        for record in ActionRiskScore.objects.filter(action__in=[a.pk for a in actions])
    }
    return [
        ActionRisk(
            action,
            matrix.scored(records[action.pk].assessment) if action.pk in records else None,
            records.get(action.pk),
        )
        for action in actions
    ]


def main_action_risk_list(*, plan: Plan, theme: str = "") -> list[ActionRisk]:
    actions = Action.objects.filter(plan=plan, is_main=True).select_related("theme")
    if theme:
        actions = actions.filter(theme__code=theme)
    return action_risks(actions=actions.order_by("sort_key"))
