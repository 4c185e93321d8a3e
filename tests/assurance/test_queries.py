"""The assurance selector costs the same number of queries however large the plan."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.assurance.selectors import assurance_flags
from planwatch.assurance.services import flag_dismiss
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, ProgressUpdate
from tests.assurance.conftest import OCTOBER


def _queries(plan) -> int:
    with CaptureQueriesContext(connection) as context:
        assurance_flags(plan=plan, month=OCTOBER)
    return len(context.captured_queries)


def _add_late_sub_actions(plan, count: int) -> None:
    parent = Action.objects.get(plan=plan, ref="OC.C1.0")
    for n in range(count):
        sub = Action.objects.create(
            plan=plan,
            theme=parent.theme,
            workstream=parent.workstream,
            parent=parent,
            ref=f"OC.C1.{50 + n}",
            sort_key=f"{parent.sort_key}~{n:03}",
            title=f"Extra milestone {n}",
            due_text="May 2022",
            due_kind="month",
            due_earliest=date(2022, 5, 1),
            due_latest=date(2022, 5, 31),
            baseline_due_text="May 2022",
            baseline_due_kind="month",
            baseline_due_earliest=date(2022, 5, 1),
            baseline_due_latest=date(2022, 5, 31),
        )
        for month in (date(2022, 9, 1), OCTOBER):
            ProgressUpdate.objects.create(
                action=sub, month=month, status=Status.ON_TRACK, commentary=f"Going fine {n}"
            )


def test_query_count_does_not_grow_with_the_plan(sample_plan, role_users):
    flag_dismiss(
        user=role_users["pmo"],
        action=Action.objects.get(plan=sample_plan, ref="OC.C1.1"),
        month=OCTOBER,
        kind="rating_disagrees",
        reason="Known",
    )
    before = _queries(sample_plan)

    _add_late_sub_actions(sample_plan, 25)
    result = assurance_flags(plan=sample_plan, month=OCTOBER)

    assert _queries(sample_plan) == before == 5
    assert result.open_count == 8 - 1 + 25  # the extra milestones are all late and On Track
