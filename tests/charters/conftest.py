"""Fixtures for theme charter tests: the sample plan with the demo charters loaded."""

import pytest

from planwatch.charters.demo import demo_load


@pytest.fixture
def charters_plan(sample_plan):
    demo_load(plan=sample_plan)
    return sample_plan
