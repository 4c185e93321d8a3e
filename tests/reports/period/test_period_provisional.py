"""A Cabinet or Commissioners report whose last month is still being reported on says so."""

from datetime import date

import pytest

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.output import period_report_document, period_report_json
from planwatch.reports.rendering.html import document_html

pytestmark = pytest.mark.django_db
OCTOBER = date(2022, 10, 1)


def test_a_quarter_whose_last_month_awaits_review_is_marked_provisional(sample_plan):
    report = period_report_build(plan=sample_plan, end_month=OCTOBER, months=3)

    assert report.status_note.startswith("Oct 2022 provisional: ")
    assert report.status_note in document_html(period_report_document(report))
    assert period_report_json(report)["month_standing"]["provisional"] is True


def test_a_quarter_whose_last_month_is_all_accepted_carries_no_warning(sample_plan):
    ProgressUpdate.objects.filter(action__plan=sample_plan).update(state=UpdateState.ACCEPTED)

    report = period_report_build(plan=sample_plan, end_month=OCTOBER, months=3)

    assert report.status_note == ""
    assert period_report_json(report)["month_standing"]["provisional"] is False
