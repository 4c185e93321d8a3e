"""The change-control log: every request by month and decision, filtered, with counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.changes.selectors import change_log
from planwatch.changes.services import change_request_reject
from planwatch.plans.models import Action, Theme
from tests.plans.builders import plan_build

from .helpers import NOT_OWNED, OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db

SEPTEMBER = date(2022, 9, 1)
IMPORTED = 69  # the sample October tracker's "Change Control required: Yes" rows


@pytest.fixture
def decided(sample_plan, pmo, approver):
    """One approved OC request in September, one rejected PR request in October."""
    approved = change_approve(
        approver,
        change_raise(
            pmo, action_get(sample_plan, OWNED), "due_date", {"due_text": "Jan 23"}, month=SEPTEMBER
        ),
    )
    rejected = change_raise(pmo, action_get(sample_plan, NOT_OWNED), "close")
    change_request_reject(
        user=approver, change_request=rejected, note="Still needed", expected_version=1
    )
    return approved, rejected


def log_page(client, **params):
    response = client.get(reverse("changes:log"), params)
    assert response.status_code == 200
    return response


def test_log_counts_every_request_by_decision(sample_plan, decided):
    log = change_log(plan=sample_plan)

    assert log.total == IMPORTED + 2
    assert log.counts == [
        ("pending", "Pending decision", IMPORTED),
        ("approved", "Approved", 1),
        ("rejected", "Rejected", 1),
        ("withdrawn", "Withdrawn", 0),
    ]


def test_log_groups_requests_by_month_newest_first(sample_plan, decided):
    log = change_log(plan=sample_plan)

    assert [m.month for m in log.months] == [date(2022, 10, 1), SEPTEMBER]
    assert log.months[1].decision_counts == [("Approved", 1)]
    assert log.months[0].counts == {"pending": IMPORTED, "rejected": 1}


def test_log_filters_by_month(sample_plan, decided, pmo_client):
    response = log_page(pmo_client, month="2022-09")
    log = response.context["log"]

    assert log.total == log.shown == 1
    assert log.months[0].entries[0].request == decided[0]


def test_log_filters_by_decision_but_still_counts_every_decision(sample_plan, decided, pmo_client):
    response = log_page(pmo_client, decision="rejected")
    log = response.context["log"]
    html = response.content.decode()

    assert log.shown == 1
    assert log.total == IMPORTED + 2
    assert f'href="/changes/{decided[1].pk}/"' in html


def test_log_filters_by_theme_including_new_main_actions(sample_plan, decided, pmo):
    workstream = action_get(sample_plan, "OC.B1.0").workstream
    new_action = change_raise(
        pmo,
        None,
        ChangeKind.NEW_ACTION,
        {"ref": "OC.B9.0", "title": "New", "workstream": workstream.pk},
    )
    oc = Theme.objects.get(plan=sample_plan, code="OC")
    pr = Theme.objects.get(plan=sample_plan, code="PR")

    oc_requests = [
        e.request for m in change_log(plan=sample_plan, theme=oc).months for e in m.entries
    ]
    pr_requests = [
        e.request for m in change_log(plan=sample_plan, theme=pr).months for e in m.entries
    ]

    assert decided[0] in oc_requests and new_action in oc_requests
    assert decided[1] in pr_requests and new_action not in pr_requests
    assert all(r.action is None or r.action.theme == oc for r in oc_requests)


def test_log_page_shows_each_request_with_its_slippage_and_decision(
    sample_plan, decided, pmo_client
):
    html = log_page(pmo_client, month="2022-09").content.decode()

    assert "September 2022" in html
    assert 'href="/actions/OC.A1.3/"' in html
    assert "Change the due date</strong>: Jan 23" in html
    assert "2 months later than the baseline" in html
    assert "Approved</strong>" in html
    assert "Alex Price" in html


def test_an_unknown_filter_value_is_an_error_not_an_empty_log(sample_plan, pmo_client):
    response = log_page(pmo_client, decision="maybe")

    assert response.context["log"] is None
    assert "Choose a decision from the list" in response.content.decode()


def test_pmo_sees_the_new_action_button_and_viewers_do_not(sample_plan, client, role_users):
    client.force_login(role_users["pmo"])
    pmo_html = log_page(client).content.decode()
    client.force_login(role_users["viewer"])
    viewer_html = log_page(client).content.decode()

    assert "Ask for a new main action" in pmo_html
    assert "Ask for a new main action" not in viewer_html


def test_the_log_needs_a_role(sample_plan, client, django_user_model):
    client.force_login(django_user_model.objects.create(username="nobody"))

    assert client.get(reverse("changes:log")).status_code == 403


def test_log_query_count_does_not_grow_with_the_number_of_requests(db, pmo_client, role_users):
    def requests_for(plan, n):
        for action in Action.objects.filter(plan=plan).order_by("sort_key")[:n]:
            change_raise(role_users["pmo"], action, "close")
        change_approve(role_users["approver"], ChangeRequest.objects.filter(plan=plan).first())

    small, large = plan_build(name="Small"), plan_build(name="Large", main_actions=6)
    requests_for(small, 2)
    requests_for(large, 12)
    pmo_client.get(reverse("changes:log"), {"plan": "Small"})

    counts = []
    for name in ("Small", "Large"):
        with CaptureQueriesContext(connection) as context:
            assert log_page(pmo_client, plan=name).status_code == 200
        counts.append(len(context.captured_queries))

    assert ChangeRequest.objects.filter(plan=large, decision=Decision.PENDING).count() == 11
    assert counts[0] == counts[1]
