"""Monthly review: one snapshot per risk per month, trend against the snapshot before, and
the newest month's review is the risk's current residual score."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from planwatch.plans.concurrency import EditConflict
from planwatch.risks import services
from planwatch.risks.errors import RiskError
from planwatch.risks.matrix import matrix_get
from planwatch.risks.models import Risk, RiskReview
from planwatch.risks.selectors import heatmap_counts, register_list, risk_get, risk_review_history

from .helpers import NOVEMBER, OCTOBER, SEPTEMBER, review, risk_add

pytestmark = pytest.mark.django_db


def test_a_month_has_one_snapshot_and_reviewing_it_again_replaces_it(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, OCTOBER.replace(day=17), 3, 3, "First look")
    review(pmo, risk, OCTOBER, 2, 3, "After LT")

    snapshot = RiskReview.objects.get()
    assert (snapshot.month, snapshot.residual_impact, snapshot.note) == (OCTOBER, 2, "After LT")
    assert snapshot.history.count() == 2  # the replaced snapshot stays in the audit trail


def test_the_database_refuses_a_second_snapshot_for_a_month(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, OCTOBER, 2, 2)

    with pytest.raises(IntegrityError), transaction.atomic():
        RiskReview.objects.create(
            risk=risk, month=OCTOBER, residual_impact=1, residual_likelihood=1, reviewed_by=pmo
        )


def test_a_review_arriving_while_another_officer_reviews_the_month_is_a_conflict(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, OCTOBER, 2, 2)

    with pytest.raises(EditConflict):
        services.risk_review_record(
            user=pmo,
            risk=risk,
            month=OCTOBER,
            residual_impact=4,
            residual_likelihood=4,
            note="",
            expected_version=None,
        )
    assert RiskReview.objects.get().residual_impact == 2


@pytest.mark.parametrize(
    "before, after, direction",
    [((2, 2), (3, 2), "up"), ((3, 3), (2, 2), "down"), ((2, 3), (3, 2), "same")],
)
def test_trend_compares_with_the_snapshot_before(pmo, plan, before, after, direction):
    risk = risk_add(pmo, plan)
    review(pmo, risk, SEPTEMBER, *before)
    review(pmo, risk, OCTOBER, *after)

    row = register_list(plan=plan)[0]

    assert row.trend.direction == direction
    assert (row.trend.previous_month, row.trend.month) == (SEPTEMBER, OCTOBER)
    assert (row.trend.previous_score, row.trend.score) == (
        before[0] * before[1],
        after[0] * after[1],
    )


def test_a_first_review_has_no_trend_yet(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, OCTOBER, 2, 2)

    assert register_list(plan=plan)[0].trend is None


def test_history_lists_every_snapshot_newest_first_with_its_move(pmo, plan):
    risk = risk_add(pmo, plan)
    for month, levels in ((SEPTEMBER, (2, 2)), (OCTOBER, (3, 2)), (NOVEMBER, (3, 2))):
        review(pmo, risk, month, *levels)

    history = risk_review_history(risk=risk_get(pk=risk.pk), matrix=matrix_get())

    assert [(h.review.month, h.residual.score) for h in history] == [
        (NOVEMBER, 6),
        (OCTOBER, 6),
        (SEPTEMBER, 4),
    ]
    assert [h.trend.direction if h.trend else None for h in history] == ["same", "up", None]


def test_the_newest_review_sets_the_current_residual_but_a_late_older_one_does_not(pmo, plan):
    risk = risk_add(pmo, plan, residual_impact=4, residual_likelihood=4)
    review(pmo, risk, OCTOBER, 2, 3)
    assert (Risk.objects.get().residual_impact, Risk.objects.get().residual_likelihood) == (2, 3)

    review(pmo, risk, SEPTEMBER, 1, 1)  # catching up on a month missed

    assert (Risk.objects.get().residual_impact, Risk.objects.get().residual_likelihood) == (2, 3)


def test_as_at_a_month_the_register_reads_the_snapshot_of_that_month_or_before(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, SEPTEMBER, 2, 2)
    review(pmo, risk, NOVEMBER, 4, 4)

    (row,) = register_list(plan=plan, month=OCTOBER)

    assert (row.residual.score, row.review.month) == (4, SEPTEMBER)
    assert register_list(plan=plan, month=SEPTEMBER.replace(month=8)) == []


def test_as_at_a_month_a_risk_never_reviewed_is_listed_as_not_scored(pmo, plan):
    risk_add(pmo, plan)

    (row,) = register_list(plan=plan, month=OCTOBER)
    heatmap = heatmap_counts(plan=plan, month=OCTOBER)

    assert row.residual is None
    assert [r.reference for r in heatmap.unscored] == [row.risk.reference]


@pytest.mark.parametrize("levels", [(0, 2), (2, 5)])
def test_a_review_needs_levels_from_1_to_4(pmo, plan, levels):
    risk = risk_add(pmo, plan)

    with pytest.raises(RiskError, match="1 to 4"):
        review(pmo, risk, OCTOBER, *levels)
    assert not RiskReview.objects.exists()


def test_only_pmo_reviews(role_users, pmo, plan):
    risk = risk_add(pmo, plan)

    with pytest.raises(PermissionDenied):
        review(role_users["viewer"], risk, OCTOBER, 2, 2)
