from datetime import date

import pytest

OCTOBER = date(2022, 10, 1)
SEPTEMBER = date(2022, 9, 1)


@pytest.fixture
def october_report(sample_plan):
    from planwatch.reports.theme_summary.build import theme_summary_build

    return theme_summary_build(plan=sample_plan, month=OCTOBER)
