"""The action page's change control: baseline against current, slippage, pending, the chain."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planwatch.changes.services import change_request_reject

from .helpers import OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db


def change_control(client, ref: str = OWNED) -> str:
    response = client.get(reverse("plans:action_detail", args=[ref]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="change-control"')
    return html[start : html.index("<h2", start + 1)]


def test_an_unchanged_action_shows_its_baseline_and_no_slippage(sample_plan, pmo_client):
    html = change_control(pmo_client)

    assert "Baseline due" in html and "Current due" in html
    assert html.count("As written: <strong>Autumn 2022</strong>") == 2
    assert "None: due as first planned" in html
    assert "0 times" in html
    assert "No changes to OC.A1.3 have been approved" in html


def test_the_page_shows_the_whole_chain_of_approved_changes(sample_plan, pmo, approver, pmo_client):
    action = action_get(sample_plan, OWNED)
    first = change_approve(
        approver, change_raise(pmo, action, "due_date", {"due_text": "Dec 2022"}), note="OK"
    )
    second = change_approve(approver, change_raise(pmo, action, "due_date", {"due_text": "Feb 23"}))
    reworded = change_approve(
        approver, change_raise(pmo, action, "rewording", {"title": "Agree the culture"})
    )

    html = change_control(pmo_client)

    assert "As written: <strong>Autumn 2022</strong>" in html  # the baseline stays
    assert "As written: <strong>Feb 23</strong>" in html
    assert "3 months later than the baseline" in html
    assert "2 times" in html
    assert (
        html.index(f"#{first.pk}<") < html.index(f"#{second.pk}<") < html.index(f"#{reworded.pk}<")
    )
    assert "from Autumn 2022 to Dec 2022" in html
    assert "from Dec 2022 to Feb 23" in html
    assert "to Agree the culture" in html
    assert "by Alex Price" in html
    assert "Raised by Pat Morgan" in html


def test_the_page_lists_pending_and_closed_requests(sample_plan, pmo, approver, pmo_client):
    action = action_get(sample_plan, OWNED)
    pending = change_raise(pmo, action, "due_date", {"due_text": "Jan 2023"})
    rejected = change_raise(pmo, action, "close")
    change_request_reject(
        user=approver, change_request=rejected, note="Still needed", expected_version=1
    )

    html = change_control(pmo_client)

    assert f'href="/changes/{pending.pk}/">#{pending.pk} Change the due date' in html
    assert "PMO to complete" in html  # the imported "Change Control required: Yes"
    assert "Rejected and withdrawn requests" in html
    assert "Still needed" in html


def test_a_new_sub_action_shows_the_request_that_added_it(sample_plan, pmo, approver, pmo_client):
    main = action_get(sample_plan, "OC.B1.0")
    request = change_approve(
        approver,
        change_raise(pmo, main, "new_sub_action", {"ref": "OC.B1.8", "title": "Train managers"}),
    )

    html = change_control(pmo_client, "OC.B1.8")

    assert f"#{request.pk}</a> Add a new sub-action" in html
    assert "New action</strong>: OC.B1.8" in html


def test_a_duplicate_links_to_the_action_that_carries_the_work(
    sample_plan, pmo, approver, pmo_client
):
    action = action_get(sample_plan, OWNED)
    change_approve(approver, change_raise(pmo, action, "duplicate", {"duplicate_of": "OC.A1.2"}))

    html = change_control(pmo_client)

    assert 'Duplicate of another action: <a class="govuk-link" href="/actions/OC.A1.2/"' in html
    assert "Ask for a change" not in html  # it is out of the plan


def test_only_people_who_may_raise_see_the_raise_button(sample_plan, client, owner_with_roles):
    client.force_login(owner_with_roles)
    own = change_control(client, OWNED)
    other = change_control(client, "PR.D1.0")

    assert f'href="{reverse("changes:raise", args=[OWNED])}"' in own
    assert "Ask for a change" not in other


def test_the_section_costs_the_same_queries_however_long_the_chain(
    sample_plan, pmo, approver, pmo_client
):
    action = action_get(sample_plan, OWNED)
    url = reverse("plans:action_detail", args=[OWNED])
    pmo_client.get(url)
    change_approve(approver, change_raise(pmo, action, "due_date", {"due_text": "Dec 2022"}))
    with CaptureQueriesContext(connection) as short:
        pmo_client.get(url)
    for text in ("Jan 2023", "Feb 2023", "Mar 2023"):
        change_approve(approver, change_raise(pmo, action, "due_date", {"due_text": text}))
    change_raise(pmo, action, "rewording", {"title": "New words"})

    with CaptureQueriesContext(connection) as long:
        pmo_client.get(url)

    assert len(short.captured_queries) == len(long.captured_queries)
