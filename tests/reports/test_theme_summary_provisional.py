"""A month still being reported on is marked Provisional in every output of the summary, with
"N of M updates in"; a month with no updates at all shows no theme colour."""

import io
from datetime import date

import pytest
from docx import Document as open_word

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.html import document_html, document_standalone_html
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.document import document_for as theme_summary_document
from planwatch.updates.models import UpdateCycle

pytestmark = pytest.mark.django_db
OCTOBER, NOVEMBER = date(2022, 10, 1), date(2022, 11, 1)


def _october_updates(plan):
    return ProgressUpdate.objects.filter(action__plan=plan, month=OCTOBER)


def test_imported_updates_await_pmo_review_so_october_reads_provisional(sample_plan):
    report = theme_summary_build(plan=sample_plan, month=OCTOBER)
    owed = report.standing.owed

    assert report.standing.label == (
        f"Provisional: {owed} of {owed} updates in, {owed} awaiting PMO review"
    )


def test_october_with_every_update_accepted_and_no_open_cycle_is_final(sample_plan):
    _october_updates(sample_plan).update(state=UpdateState.ACCEPTED)

    report = theme_summary_build(plan=sample_plan, month=OCTOBER)

    assert not report.standing.provisional
    assert report.standing.label == f"Final: all {report.standing.owed} updates in and accepted"
    assert theme_summary_document(report).status_note == ""


def test_updates_awaiting_review_make_october_provisional_in_every_output(sample_plan):
    _october_updates(sample_plan).update(state=UpdateState.ACCEPTED)
    milestones = _october_updates(sample_plan).filter(action__sub_actions__isnull=True)
    waiting = [u.pk for u in milestones.order_by("pk")[:5]]
    ProgressUpdate.objects.filter(pk__in=waiting).update(state=UpdateState.SUBMITTED)

    report = theme_summary_build(plan=sample_plan, month=OCTOBER)
    document = theme_summary_document(report)
    owed = report.standing.owed
    words = f"Provisional: {owed} of {owed} updates in, 5 awaiting PMO review"

    assert report.standing.label == words
    assert theme_summary_json(report)["month_standing"]["provisional"] is True
    assert words in document_html(document)
    assert words in document_standalone_html(document)  # the PDF's source, every page's foot
    word = open_word(io.BytesIO(document_docx(document)))
    assert words in "\n".join(p.text for p in word.paragraphs)
    assert words in word.sections[0].footer.paragraphs[0].text


def test_an_open_cycle_with_no_updates_in_shows_no_theme_colour(sample_plan, pmo):
    UpdateCycle.objects.create(plan=sample_plan, month=NOVEMBER, deadline=date(2022, 11, 20),
                               opened_by=pmo)  # fmt: skip

    report = theme_summary_build(plan=sample_plan, month=NOVEMBER)
    html = document_html(theme_summary_document(report))

    assert report.standing.label == f"No updates in yet: 0 of {report.standing.owed} updates in"
    assert report.standing.owed > 0
    for colour in ("Green", "Amber", "Red"):
        assert f'govuk-tag--{colour.lower()}">{colour}</strong>' not in html
    assert "No updates yet" in html
