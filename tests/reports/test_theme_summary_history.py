"""The summary reads only the months it needs (M-2..M, and earlier completions only of the
milestones that completed in M-1 or M), yet its figures are those of the rule over every
month up to M: checked against a plain computation of the first Complete/Closed month."""

import random
from dataclasses import replace
from datetime import date

import pytest
from django.db.models import Min, Q

from planwatch.domain.counting import DONE_STATUSES as DONE
from planwatch.domain.counting import add_months
from planwatch.domain.statuses import Status
from planwatch.domain.theme_summary import Group, theme_figures
from planwatch.plans.models import Action, ProgressUpdate, UpdateState
from planwatch.reports.theme_summary.build import theme_summary_build
from planwatch.reports.theme_summary.selectors import theme_records
from tests.plans.builders import plan_build

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db

HISTORY = [add_months(OCTOBER, -n) for n in range(7, -1, -1)]  # March .. October 2022
CHOICES = [Status.ON_TRACK, Status.MEDIUM_PROGRESS, Status.COMPLETE, Status.CLOSED, None]


def _update(action, month: date, status: Status, state=UpdateState.SUBMITTED) -> None:
    ProgressUpdate.objects.create(
        action=action, month=month, status=status, state=state, commentary=f"{month:%b}"
    )


def _exact_first_completed(plan, month: date) -> dict[str, date | None]:
    """The rule as written: the first month up to M with a counted Complete/Closed update."""
    counted = Q(updates__month__lte=month) & ~Q(updates__state=UpdateState.DRAFT)
    rows = Action.objects.filter(plan=plan).annotate(
        first=Min("updates__month", filter=counted & Q(updates__status__in=DONE))
    )
    return {a.ref: a.first for a in rows}


def _figures(plan, month: date, *, exact: bool):
    first = _exact_first_completed(plan, month) if exact else {}
    out = []
    for theme in theme_records(plan=plan, month=month):
        milestones = theme.milestones
        if exact:
            milestones = tuple(replace(r, first_completed=first[r.ref]) for r in milestones)
        out.append(
            theme_figures(month=month, main_actions=theme.main_actions, milestones=milestones)
        )
    return out


@pytest.mark.parametrize("seed", range(4))
def test_figures_equal_those_from_every_month_of_history(seed):
    plan = plan_build(name=f"History {seed}", themes=2, main_actions=3, sub_actions=5, months=0)
    rng = random.Random(seed)
    for action in Action.objects.filter(plan=plan):
        for month in HISTORY:
            status = rng.choice(CHOICES)
            if status is not None:
                draft = rng.random() < 0.1
                _update(action, month, status, UpdateState.DRAFT if draft else "submitted")
    for month in (OCTOBER, add_months(OCTOBER, -1), add_months(OCTOBER, -3)):
        assert _figures(plan, month, exact=False) == _figures(plan, month, exact=True)


def _one_sub_action_plan(history: dict[date, Status], drafts: dict[date, Status] | None = None):
    plan = plan_build(name="One", main_actions=1, sub_actions=1, months=0)
    sub = Action.objects.get(plan=plan, is_main=False)
    for month, status in history.items():
        _update(sub, month, status)
    for month, status in (drafts or {}).items():
        _update(sub, month, status, UpdateState.DRAFT)
    return plan


def _groups(plan) -> dict[Group, int]:
    figures = theme_summary_build(plan=plan, month=OCTOBER).themes[0].figures
    return {group: n for group, n in figures.groups if n}


def test_complete_again_after_an_earlier_completion_is_completed_earlier():
    june, july, aug, sep = (add_months(OCTOBER, n) for n in (-4, -3, -2, -1))
    plan = _one_sub_action_plan(
        {
            june: Status.COMPLETE,
            july: Status.ON_TRACK,
            aug: Status.ON_TRACK,
            sep: Status.ON_TRACK,
            OCTOBER: Status.COMPLETE,
        }
    )
    assert _groups(plan) == {Group.COMPLETED_EARLIER: 1}


def test_a_september_completion_after_an_earlier_one_is_not_an_achievement():
    july, aug, sep = (add_months(OCTOBER, n) for n in (-3, -2, -1))
    plan = _one_sub_action_plan(
        {july: Status.CLOSED, aug: Status.ON_TRACK, sep: Status.COMPLETE, OCTOBER: Status.ON_TRACK}
    )
    september = theme_summary_build(plan=plan, month=OCTOBER).themes[0].figures.achievements[1]
    assert september.completed == ()
    assert september.complete_month_not_known == 0


def test_a_draft_completion_before_the_window_does_not_count():
    july, aug, sep = (add_months(OCTOBER, n) for n in (-3, -2, -1))
    plan = _one_sub_action_plan(
        {aug: Status.ON_TRACK, sep: Status.ON_TRACK, OCTOBER: Status.COMPLETE},
        drafts={july: Status.COMPLETE},
    )
    assert _groups(plan) == {Group.COMPLETED_THIS_MONTH: 1}
