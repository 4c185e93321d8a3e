"""Regression: an update returned to its owner leaves the Cabinet table and its chart in step.

The table counted every update but drafts, the chart only submitted and accepted ones, so
returning one update dropped the chart by one while the table stood still.
"""

from datetime import date

import pytest

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.charts import period_charts

pytestmark = pytest.mark.django_db

OCT = date(2022, 10, 1)


def _table_and_chart_for_october(plan) -> tuple[dict[str, int], int]:
    report = period_report_build(plan=plan, end_month=OCT, months=3)
    groups: dict[str, int] = {}
    for theme in report.themes:
        for key, n in theme.milestones_end.items():
            groups[key] = groups.get(key, 0) + n
    status_chart = period_charts(plan=plan, report=report)[0]
    october = status_chart.x_labels.index("Oct 2022")
    charted = sum(int(series.values[october] or 0) for series in status_chart.series)
    return groups, charted


def _rated(groups: dict[str, int]) -> int:
    return sum(n for key, n in groups.items() if key != "no_update")


def test_the_cabinet_table_and_its_chart_count_the_same_updates(sample_plan):
    groups, charted = _table_and_chart_for_october(sample_plan)

    assert charted == _rated(groups) > 0


def test_with_one_update_returned_the_cabinet_table_and_its_chart_agree(sample_plan):
    before, charted_before = _table_and_chart_for_october(sample_plan)
    update = ProgressUpdate.objects.filter(
        action__plan=sample_plan, month=OCT, action__is_main=False
    ).first()
    update.state = UpdateState.RETURNED
    update.save(update_fields=["state"])

    after, charted_after = _table_and_chart_for_october(sample_plan)

    assert charted_after == charted_before - 1
    assert _rated(after) == _rated(before) - 1 == charted_after
    assert after["no_update"] == before["no_update"] + 1
