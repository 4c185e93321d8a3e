"""Building the summary costs the same number of queries however big the plan."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.reports.theme_summary.build import theme_summary_build
from planwatch.reports.theme_summary.services import workstream_narrative_save
from tests.plans.builders import plan_build

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db


def _queries(plan) -> int:
    with CaptureQueriesContext(connection) as context:
        report = theme_summary_build(plan=plan, month=OCTOBER)
    assert report.themes
    return len(context.captured_queries)


def test_query_count_is_the_same_for_a_small_and_a_large_plan(role_users):
    small = plan_build(name="Small")
    large = plan_build(
        name="Large", themes=3, workstreams=3, main_actions=4, sub_actions=4, months=3
    )
    for plan in (small, large):
        workstream = plan.themes.first().workstreams.first()
        workstream_narrative_save(
            user=role_users["pmo"], workstream=workstream, month=OCTOBER, summary="Going well"
        )
    assert _queries(small) == _queries(large)


def test_query_count_of_the_sample_plan_equals_a_built_plan(sample_plan):
    built = plan_build(name="Built", themes=2, main_actions=3, sub_actions=2, months=3)
    assert _queries(sample_plan) == _queries(built)
