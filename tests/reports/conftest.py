from datetime import date

import pytest

OCTOBER = date(2022, 10, 1)
SEPTEMBER = date(2022, 9, 1)


@pytest.fixture
def october_report(sample_plan):
    from planwatch.reports.theme_summary.build import theme_summary_build

    return theme_summary_build(plan=sample_plan, month=OCTOBER)


@pytest.fixture
def accepted_sample(sample_plan, role_users):
    """The sample with its imported September and October updates accepted, as the demo has
    them: the months the council had reviewed and reported in 2022."""
    from planwatch.updates.imported_review import imported_updates_accept

    imported_updates_accept(user=role_users["pmo"], plan=sample_plan, through=OCTOBER)
    return sample_plan
