"""The action list: filters narrow it, bad filters explain themselves, pages keep the filters."""

import re
from datetime import date

import pytest
from django.urls import reverse

from planwatch.domain.deadlines import is_late_on
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, RiskLevel
from planwatch.plans.selectors import NOT_OVERDUE_STATUSES, action_list

pytestmark = pytest.mark.django_db
URL = reverse("plans:action_list")
END_OF_OCTOBER = date(2022, 10, 31)


def listed_refs(response) -> list[str]:
    return [action.ref for action in response.context["page"].object_list]


def test_unfiltered_list_shows_every_action_fifty_to_a_page(sample_plan, pmo_client):
    response = pmo_client.get(URL)

    assert response.context["page"].paginator.count == 295
    assert len(listed_refs(response)) == 50
    assert "295 actions" in response.content.decode()


def test_status_filter_lists_only_actions_whose_latest_status_matches(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"status": "complete"})

    page = response.context["page"]
    assert page.paginator.count == Action.objects.filter(latest_status=Status.COMPLETE).count()
    assert page.paginator.count > 50
    assert {a.latest_status for a in page.object_list} == {Status.COMPLETE}


def test_theme_filter_lists_only_that_themes_actions(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"theme": "DM"})

    refs = listed_refs(response)
    assert refs
    assert all(ref.startswith("DM.") for ref in refs)


def test_risk_filter_lists_main_actions_at_that_risk_level(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"risk_level": "high"})

    assert listed_refs(response) == ["CO.C1.0"]


def test_owner_filter_searches_every_owner_column_ignoring_case(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"owner": "head of hr"})

    actions = response.context["page"].object_list
    assert actions
    for action in actions:
        owners = " ".join(
            [action.director_lead, action.cabinet_member, action.other_leads, action.update_owner]
        )
        assert "head of hr" in owners.lower()


def test_search_matches_ref_or_title(sample_plan, pmo_client):
    assert listed_refs(pmo_client.get(URL, {"q": "oc.a1"})) == [
        "OC.A1.0",
        "OC.A1.1",
        "OC.A1.2",
        "OC.A1.3",
    ]
    by_title = listed_refs(pmo_client.get(URL, {"q": "desired organisational culture"}))
    assert "OC.A1.3" in by_title


def test_overdue_filter_uses_todays_date_from_the_view(sample_plan, pmo_client, monkeypatch):
    monkeypatch.setattr("planwatch.plans.views.timezone.localdate", lambda: END_OF_OCTOBER)

    refs = listed_refs(pmo_client.get(URL, {"overdue": "on"}))

    assert "OC.D4.0" in refs  # due Jul-22, significant issues
    assert "OC.A1.3" not in refs  # due Autumn 2022, which runs to November
    assert len(refs) == 15


def test_overdue_means_due_before_today_and_not_finished(sample_plan):
    overdue = action_list(plan=sample_plan, today=END_OF_OCTOBER, overdue=True)

    assert overdue.exists()
    for action in overdue:
        assert action.due_latest < END_OF_OCTOBER
        assert action.latest_status not in NOT_OVERDUE_STATUSES
    finished_but_late = Action.objects.filter(
        due_latest__lt=END_OF_OCTOBER, latest_status=Status.COMPLETE
    )
    assert finished_but_late.exists()
    assert not overdue.filter(pk__in=finished_but_late).exists()


@pytest.mark.parametrize("today", [date(2022, 8, 31), date(2022, 9, 1), date(2022, 12, 15)])
def test_the_overdue_filter_agrees_with_the_deadline_rule_for_recurring_dates_too(
    sample_plan, today
):
    recurring = Action.objects.filter(plan=sample_plan).exclude(
        latest_status__in=NOT_OVERDUE_STATUSES
    )[0]
    recurring.set_due(parse_fuzzy_date("Aug 2022 and then quarterly"))
    recurring.save()

    listed = set(action_list(plan=sample_plan, today=today, overdue=True))
    late = {
        action
        for action in Action.objects.filter(plan=sample_plan)
        if is_late_on(action.due, today) and action.latest_status not in NOT_OVERDUE_STATUSES
    }

    assert listed == late
    assert (recurring in listed) is (today > date(2022, 8, 31))


def test_overdue_depends_on_the_day_it_is_asked(sample_plan):
    assert not action_list(plan=sample_plan, today=date(2021, 1, 1), overdue=True).exists()


def test_filters_combine(sample_plan, pmo_client):
    refs = listed_refs(pmo_client.get(URL, {"theme": "OC", "status": "medium_progress"}))

    assert refs
    for action in Action.objects.filter(ref__in=refs):
        assert (action.theme.code, action.latest_status) == ("OC", Status.MEDIUM_PROGRESS)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "sort-of-ok"}, "Choose a latest status from the list"),
        ({"theme": "ZZ"}, "Choose a theme from the list"),
        ({"risk_level": "extreme"}, "Choose a risk level from the list"),
        ({"q": "x" * 101}, "Ensure this value has at most 100 characters"),
    ],
)
def test_bad_filter_value_shows_an_error_summary_not_a_crash(
    sample_plan, pmo_client, params, message
):
    response = pmo_client.get(URL, params)
    html = response.content.decode()

    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert message in html
    assert response.context["page"] is None
    assert "<title>Error:" in html


def test_error_summary_links_to_the_field_at_fault(sample_plan, pmo_client):
    html = pmo_client.get(URL, {"status": "nope"}).content.decode()

    assert re.search(r'<a href="#id_status"', html)
    assert 'id="id_status-error"' in html


def test_a_page_number_past_the_end_shows_the_last_page(sample_plan, pmo_client):
    response = pmo_client.get(URL, {"page": "999"})

    assert response.context["page"].number == 6


def test_pagination_links_keep_the_filters(sample_plan, pmo_client):
    html = pmo_client.get(URL, {"status": "complete"}).content.decode()

    assert "govuk-pagination" in html
    assert 'href="?status=complete&amp;page=2"' in html


def test_no_matches_says_so(sample_plan, pmo_client):
    html = pmo_client.get(URL, {"q": "no such action anywhere"}).content.decode()

    assert "0 actions match these filters" in html
    assert "No actions match" in html


def test_filter_form_shows_the_chosen_values_again(sample_plan, pmo_client):
    html = pmo_client.get(
        URL, {"status": "complete", "risk_level": RiskLevel.LOW, "overdue": "on", "q": "board"}
    ).content.decode()

    assert '<option value="complete" selected>' in html
    assert '<option value="low" selected>' in html
    assert re.search(r'id="id_overdue"[^>]*checked', html)
    assert 'value="board"' in html


def test_list_rows_show_status_tags_in_their_colours(sample_plan, pmo_client):
    html = pmo_client.get(URL, {"status": "medium_progress"}).content.decode()

    assert '<strong class="govuk-tag govuk-tag--yellow">Medium progress</strong>' in html
