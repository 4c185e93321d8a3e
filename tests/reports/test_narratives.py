"""PMO's Focus 1 narratives: saved per workstream and month with history, shown word for word,
refused to everyone else; the edit page validates and changes nothing on bad input."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.models import Workstream
from planwatch.reports.errors import ReportError
from planwatch.reports.models import WorkstreamNarrative
from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json
from planwatch.reports.theme_summary.services import MAX_LENGTH, workstream_narrative_save

from .conftest import OCTOBER, SEPTEMBER

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(sample_plan):
    return Workstream.objects.get(
        theme__plan=sample_plan, name="Establishing Organisational Culture"
    )


def _url(plan, code="OC", month="2022-10"):
    return reverse("reports:narratives_edit", args=[code]) + f"?plan={plan.name}&month={month}"


def test_service_saves_with_history_and_the_report_shows_it(sample_plan, culture, role_users):
    pmo = role_users["pmo"]
    workstream_narrative_save(
        user=pmo, workstream=culture, month=OCTOBER, summary="One Team Framework agreed."
    )
    workstream_narrative_save(
        user=pmo,
        workstream=culture,
        month=OCTOBER,
        summary="One Team Framework agreed.",
        next_steps="Launch events.",
    )
    narrative = WorkstreamNarrative.objects.get(workstream=culture, month=OCTOBER)
    assert narrative.next_steps == "Launch events." and narrative.updated_by == pmo
    assert narrative.history.count() == 2
    assert narrative.history.first().history_user == pmo

    data = theme_summary_json(theme_summary_build(plan=sample_plan, month=OCTOBER))
    workstreams = {w["name"]: w["narrative"] for w in data["themes"][0]["workstreams"]}
    assert workstreams["Establishing Organisational Culture"]["summary"] == (
        "One Team Framework agreed."
    )
    assert workstreams["Officer Learning and Development"] is None
    september = theme_summary_build(plan=sample_plan, month=SEPTEMBER)
    assert september.themes[0].workstreams[0].narrative is None  # per month


def test_unchanged_or_empty_narrative_writes_nothing(culture, role_users):
    pmo = role_users["pmo"]
    assert workstream_narrative_save(user=pmo, workstream=culture, month=OCTOBER) is None
    assert not WorkstreamNarrative.objects.exists()
    workstream_narrative_save(user=pmo, workstream=culture, month=OCTOBER, summary="A")
    assert (
        workstream_narrative_save(user=pmo, workstream=culture, month=OCTOBER, summary="A ") is None
    )
    assert WorkstreamNarrative.history.count() == 1


@pytest.mark.parametrize("role", ["viewer", "owner", "approver"])
def test_service_refuses_anyone_but_pmo(culture, role_users, role):
    with pytest.raises(PermissionDenied):
        workstream_narrative_save(
            user=role_users[role], workstream=culture, month=OCTOBER, summary="x"
        )
    assert not WorkstreamNarrative.objects.exists()


def test_service_refuses_a_day_that_is_not_a_month_or_text_too_long(culture, role_users):
    with pytest.raises(ReportError):
        workstream_narrative_save(
            user=role_users["pmo"], workstream=culture, month=OCTOBER.replace(day=2), summary="x"
        )
    with pytest.raises(ReportError):
        workstream_narrative_save(
            user=role_users["pmo"],
            workstream=culture,
            month=OCTOBER,
            summary="x" * (MAX_LENGTH + 1),
        )
    assert not WorkstreamNarrative.objects.exists()


def test_edit_page_lists_the_themes_workstreams_and_saves(pmo_client, sample_plan, culture):
    page = pmo_client.get(_url(sample_plan))
    assert page.status_code == 200
    body = page.content.decode()
    for name in ("Establishing Organisational Culture", "Chief Executive Recruitment"):
        assert name in body
    prefix = f"ws{culture.pk}-"
    response = pmo_client.post(
        _url(sample_plan),
        {prefix + "summary": "Framework agreed.", prefix + "issues_raised": "None."},
    )
    assert response.status_code == 302
    assert "month=2022-10" in response.url
    narrative = WorkstreamNarrative.objects.get(workstream=culture, month=OCTOBER)
    assert (narrative.summary, narrative.issues_raised) == ("Framework agreed.", "None.")
    summary_page = pmo_client.get(response.url)
    assert "Framework agreed." in summary_page.content.decode()
    assert "Saved 1 workstream narrative" in summary_page.content.decode()


def test_edit_page_shows_errors_and_saves_nothing_when_too_long(pmo_client, sample_plan, culture):
    prefix = f"ws{culture.pk}-"
    other = Workstream.objects.get(theme__plan=sample_plan, name="Employee Engagement")
    response = pmo_client.post(
        _url(sample_plan),
        {prefix + "summary": "x" * (MAX_LENGTH + 1), f"ws{other.pk}-summary": "fine"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body and "govuk-error-message" in body
    assert not WorkstreamNarrative.objects.exists()


def test_edit_page_with_a_bad_month_says_so(pmo_client, sample_plan):
    response = pmo_client.get(_url(sample_plan, month="October"))
    assert response.status_code == 400
    assert "is not a month" in response.content.decode()
    response = pmo_client.post(_url(sample_plan, month="2022-13"), {})
    assert response.status_code == 400
    assert not WorkstreamNarrative.objects.exists()


def test_edit_page_for_an_unknown_theme_is_not_found(pmo_client, sample_plan):
    assert pmo_client.get(_url(sample_plan, code="ZZ")).status_code == 404


def test_edit_page_refuses_a_viewer_and_changes_nothing(client, sample_plan, culture, role_users):
    client.force_login(role_users["viewer"])
    response = client.post(_url(sample_plan), {f"ws{culture.pk}-summary": "x"})
    assert response.status_code == 403
    assert not WorkstreamNarrative.objects.exists()


def test_an_unwritten_narrative_starts_from_the_months_commentary(accepted_sample, culture):
    from planwatch.plans.models import ProgressUpdate
    from planwatch.reports.theme_summary.prefill import narrative_drafts

    written = ProgressUpdate.objects.filter(action__workstream=culture, month=OCTOBER).exclude(
        commentary=""
    )
    draft = narrative_drafts(theme=culture.theme, month=OCTOBER)[culture.pk]
    cells = "\n".join((draft.summary, draft.progress_this_month, draft.issues_raised))
    # Every update with commentary is in the draft, under its own ref.
    for ref in written.values_list("action__ref", flat=True):
        assert f"{ref}: " in cells or f"{ref} (" in cells


def test_the_edit_page_shows_the_draft_until_pmo_saves(pmo_client, accepted_sample, culture):
    sample_plan = accepted_sample
    from django.utils.html import escape

    from planwatch.reports.theme_summary.prefill import narrative_drafts

    draft = narrative_drafts(theme=culture.theme, month=OCTOBER)[culture.pk]
    body = pmo_client.get(_url(sample_plan)).content.decode()
    assert "Not saved yet: started from October 2022" in body
    first_line = (draft.progress_this_month or draft.summary).splitlines()[0]
    assert escape(first_line) in body
    # A draft is not the PMO's word: nothing is in the report until it is saved.
    assert not WorkstreamNarrative.objects.exists()


def test_commentary_the_pmo_has_not_accepted_starts_no_draft(sample_plan, culture):
    from planwatch.reports.theme_summary.prefill import narrative_drafts

    # The sample's updates arrive submitted: nothing the PMO has reviewed yet.
    assert narrative_drafts(theme=culture.theme, month=OCTOBER) == {}
