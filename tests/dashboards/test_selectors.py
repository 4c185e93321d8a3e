"""Each chart's data table equals the counts a plain query finds in the sample plan."""

from datetime import date, timedelta

import pytest

from planwatch.dashboards import selectors
from planwatch.domain.charts import chart_table
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.plans.models import Action, Lifecycle, ProgressUpdate

pytestmark = pytest.mark.django_db

SEP, OCT = date(2022, 9, 1), date(2022, 10, 1)
MONTH_ENDS = {SEP: date(2022, 9, 30), OCT: date(2022, 10, 31)}
GROUPS = {
    "On track": ["on_track"],
    "Medium progress": ["medium_progress"],
    "Significant issues / slippage": ["significant_issues"],
    "Not due to start": ["not_due_to_start"],
    "Complete or closed": ["complete", "closed"],
    "New action added": ["new_action"],
}
COUNTED = ["submitted", "accepted"]
DEC_15 = date(2022, 12, 15)


def table_as_dict(chart) -> dict[tuple[str, str], str]:
    headers, rows = chart_table(chart)
    return {
        (row[0], header): cell
        for row in rows
        for header, cell in zip(headers[1:], row[1:], strict=True)
    }


def reporting_actions(plan):
    """Rows with none under them: sub-actions, main actions that have none (they carry their
    own status), and SD.A1.3's lettered parts in place of SD.A1.3."""
    parents = Action.objects.filter(plan=plan, parent__isnull=False).values("parent_id")
    return Action.objects.filter(plan=plan).exclude(pk__in=parents)


def updates(plan, month, theme=None):
    found = ProgressUpdate.objects.filter(
        action__in=reporting_actions(plan), month=month, state__in=COUNTED
    )
    return found.filter(action__theme=theme) if theme else found


def expected_status_table(plan, theme=None) -> dict[tuple[str, str], str]:
    expected = {}
    for month in (SEP, OCT):
        label = f"{month:%b %Y}"
        found = updates(plan, month, theme)
        named = []
        for group, statuses in GROUPS.items():
            expected[label, group] = str(found.filter(status__in=statuses).count())
            named += statuses
        expected[label, "Other"] = str(found.exclude(status__in=named).count())
    return expected


def test_the_sample_plan_has_september_and_october(sample_plan):
    assert selectors.plan_months(plan=sample_plan) == [SEP, OCT]


def test_status_distribution_table_matches_the_updates(sample_plan):
    chart = selectors.status_distribution_chart(plan=sample_plan, months=[SEP, OCT])

    table = table_as_dict(chart)
    assert table == expected_status_table(sample_plan)
    assert int(table["Oct 2022", "On track"]) > 0
    total_october = sum(int(table["Oct 2022", group]) for group in [*GROUPS, "Other"])
    assert total_october == updates(sample_plan, OCT).count() > 200


def test_status_distribution_for_one_theme_counts_that_theme_only(sample_plan):
    theme = sample_plan.themes.get(code="OC")

    chart = selectors.status_distribution_chart(plan=sample_plan, months=[SEP, OCT], theme=theme)

    assert table_as_dict(chart) == expected_status_table(sample_plan, theme)
    assert theme.name in chart.title


def test_status_distribution_by_theme_gives_each_theme_its_own_counts(sample_plan):
    charts = selectors.status_distribution_by_theme(plan=sample_plan, months=[SEP, OCT])

    themes = list(sample_plan.themes.all())
    assert len(charts) == len(themes) == 6
    for theme, chart in zip(themes, charts, strict=True):
        assert theme.name in chart.title
        assert table_as_dict(chart) == expected_status_table(sample_plan, theme)


def done_action_ids(plan, by_month):
    return ProgressUpdate.objects.filter(
        action__plan=plan, status__in=["complete", "closed"], month__lte=by_month, state__in=COUNTED
    ).values("action_id")


def test_overdue_table_matches_a_plain_count(sample_plan):
    chart = selectors.overdue_chart(plan=sample_plan, months=[SEP, OCT])

    expected = {}
    for month, end in MONTH_ENDS.items():
        overdue = (
            reporting_actions(sample_plan)
            .filter(lifecycle=Lifecycle.LIVE, due_latest__lt=end)
            .exclude(pk__in=done_action_ids(sample_plan, month))
            .count()
        )
        expected[f"{month:%b %Y}", "Overdue sub-actions"] = str(overdue)
    assert table_as_dict(chart) == expected
    assert int(expected["Oct 2022", "Overdue sub-actions"]) > 0


def test_an_action_completed_later_stops_being_overdue_from_that_month(sample_plan):
    action = Action.objects.filter(plan=sample_plan, is_main=False).first()
    action.set_due(parse_fuzzy_date("Aug 2022"))
    action.save()
    ProgressUpdate.objects.filter(action=action).delete()
    ProgressUpdate.objects.create(action=action, month=SEP, status="on_track")
    before = selectors.overdue_chart(plan=sample_plan, months=[SEP, OCT]).series[0].values

    ProgressUpdate.objects.create(action=action, month=OCT, status="complete")
    after = selectors.overdue_chart(plan=sample_plan, months=[SEP, OCT]).series[0].values

    assert after == (before[0], before[1] - 1)


def test_burnup_table_matches_plain_counts(sample_plan):
    chart = selectors.burnup_chart(plan=sample_plan, months=[SEP, OCT])

    expected = {}
    for month, end in MONTH_ENDS.items():
        subs = reporting_actions(sample_plan)
        label = f"{month:%b %Y}"
        done = subs.filter(pk__in=done_action_ids(sample_plan, month)).count()
        expected[label, "Completed or closed"] = str(done)
        expected[label, "Due by the baseline plan"] = str(
            subs.filter(baseline_due_latest__lte=end).count()
        )
    assert table_as_dict(chart) == expected
    assert chart.kind == "line"
    assert int(expected["Oct 2022", "Completed or closed"]) > 0


def test_burnup_counts_against_the_baseline_not_the_current_due_date(sample_plan):
    action = Action.objects.filter(
        plan=sample_plan, is_main=False, baseline_due_latest__lte=date(2022, 9, 30)
    ).first()
    before = selectors.burnup_chart(plan=sample_plan, months=[SEP]).series[1].values

    action.due_latest = date(2023, 6, 30)
    action.save()

    assert selectors.burnup_chart(plan=sample_plan, months=[SEP]).series[1].values == before


def test_slippage_rows_list_actions_due_later_than_baseline_furthest_first(sample_plan):
    assert selectors.slippage_rows(plan=sample_plan, today=DEC_15) == []
    near, far = Action.objects.filter(plan=sample_plan, baseline_due_latest__isnull=False)[:2]
    for action, months in ((near, 1), (far, 5)):
        action.due_text = f"{months} months later"
        action.due_latest = action.baseline_due_latest + timedelta(days=31 * months)
        action.rebaseline_count = months
        action.save()

    rows = selectors.slippage_rows(plan=sample_plan, today=DEC_15)

    assert [row.ref for row in rows] == [far.ref, near.ref]
    assert [row.months for row in rows] == [5, 1]
    assert rows[0].baseline_text == far.baseline_due_text
    assert rows[0].current_text == "5 months later"
    assert rows[0].rebaseline_count == 5


def recur(action: Action, baseline: str, due: str) -> Action:
    action.set_baseline_due(parse_fuzzy_date(baseline))
    action.set_due(parse_fuzzy_date(due))
    action.save()
    return action


def test_a_recurring_due_date_slips_by_its_latest_passed_deadline(sample_plan):
    action = Action.objects.filter(plan=sample_plan).order_by("sort_key").first()
    recur(action, "Aug 2022", "Aug 2022 and then quarterly")

    on_15_dec = selectors.slippage_rows(plan=sample_plan, today=DEC_15)
    on_15_sep = selectors.slippage_rows(plan=sample_plan, today=date(2022, 9, 15))

    assert [(row.ref, row.months) for row in on_15_dec] == [(action.ref, 3)]
    assert on_15_sep == []


def test_the_same_rhythm_as_the_baseline_never_slips(sample_plan):
    action = Action.objects.filter(plan=sample_plan).order_by("sort_key").first()
    recur(action, "Aug 2022 and then quarterly", "Aug 2022 and then quarterly")

    assert selectors.slippage_rows(plan=sample_plan, today=date(2023, 6, 15)) == []


def test_a_recurring_sub_action_is_overdue_from_its_first_deadline(sample_plan):
    # A live sub-action not yet due in September and never completed.
    action = (
        Action.objects.filter(plan=sample_plan, is_main=False, lifecycle=Lifecycle.LIVE)
        .filter(due_latest__gt=date(2022, 9, 30))
        .exclude(updates__status__in=["complete", "closed"])
        .order_by("sort_key")
        .first()
    )
    months = [date(2022, 8, 1), SEP]
    before = selectors.overdue_chart(plan=sample_plan, months=months).series[0].values
    action.set_due(parse_fuzzy_date("Aug 2022 and then quarterly"))
    action.save()

    after = selectors.overdue_chart(plan=sample_plan, months=months).series[0].values
    # 31 Aug is still in time at the end of August; by the end of September it has passed.
    assert (after[0] - before[0], after[1] - before[1]) == (0, 1)


def test_draft_updates_are_not_counted(sample_plan):
    action = Action.objects.filter(plan=sample_plan, is_main=False).first()
    ProgressUpdate.objects.create(
        action=action, month=date(2022, 11, 1), status="complete", state="draft"
    )

    assert selectors.plan_months(plan=sample_plan) == [SEP, OCT]
    chart = selectors.status_distribution_chart(plan=sample_plan, months=[date(2022, 11, 1)])
    assert all(value == 0 for series in chart.series for value in series.values)
