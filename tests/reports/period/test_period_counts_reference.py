"""The period report's milestone counts, read in one pass, equal the rule computed plainly:
per theme, milestones by status in the first and last month with data, plus the live ones
with no update for the month though in the plan by then (not first reported later).
Drafts and returned updates count nowhere."""

import random
from collections import Counter
from datetime import date

import pytest

from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, Lifecycle, ProgressUpdate, UpdateState
from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.data import table_group
from tests.plans.builders import plan_build

pytestmark = pytest.mark.django_db

MONTHS = [date(2022, m, 1) for m in (6, 7, 8, 9, 10)]
CHOICES = [Status.ON_TRACK, Status.MEDIUM_PROGRESS, Status.COMPLETE, Status.NEW_ACTION, None]


def _expected(plan, first: date, last: date) -> dict[str, tuple[Counter, Counter]]:
    actions = list(Action.objects.filter(plan=plan).select_related("theme"))
    parents = {a.parent_id for a in actions if a.parent_id}
    counted = {}
    for u in ProgressUpdate.objects.filter(action__plan=plan):
        if u.state in (UpdateState.SUBMITTED, UpdateState.ACCEPTED):
            counted[u.action_id, u.month] = u.status
    out: dict[str, tuple[Counter, Counter]] = {}
    for a in actions:
        if a.pk in parents:
            continue
        start, end = out.setdefault(a.theme.code, (Counter(), Counter()))
        for month, counts in ((first, start), (last, end)):
            status = counted.get((a.pk, month))
            if status is not None:
                counts[table_group(status)] += 1
            elif a.lifecycle == Lifecycle.LIVE:
                reported = [m for (pk, m) in counted if pk == a.pk]
                if not reported or min(reported) <= month:
                    counts["no_update"] += 1
    return out


@pytest.mark.parametrize("seed", range(3))
def test_milestone_counts_equal_the_plain_rule(seed):
    plan = plan_build(name=f"Counts {seed}", themes=2, main_actions=3, sub_actions=3, months=0)
    rng = random.Random(seed)
    for action in Action.objects.filter(plan=plan):
        if rng.random() < 0.2:
            action.lifecycle = Lifecycle.CLOSED
            action.save(update_fields=["lifecycle"])
        joined = rng.randrange(len(MONTHS))  # some join the plan later
        for month in MONTHS[joined:]:
            status = rng.choice(CHOICES)
            if status is not None:
                state = rng.choices(
                    [UpdateState.DRAFT, UpdateState.RETURNED, UpdateState.SUBMITTED], [3, 2, 15]
                )[0]
                ProgressUpdate.objects.create(
                    action=action, month=month, status=status, state=state
                )
    report = period_report_build(plan=plan, end_month=MONTHS[-1], months=3)
    first, last = report.coverage.first, report.coverage.last
    expected = _expected(plan, first, last)
    for theme in report.themes:
        start, end = expected[theme.code]
        assert {k: v for k, v in theme.milestones_start.items() if v} == dict(start)
        assert {k: v for k, v in theme.milestones_end.items() if v} == dict(end)
