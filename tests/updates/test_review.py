"""PMO reviews the submitted updates (accept, or return with a note) and chases late ones."""

from datetime import date

import pytest
from django.urls import reverse

from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates import selectors, services
from planwatch.updates.services import UpdateError

from .helpers import OWNED, OWNED_MEDIUM, action, edit_url, form_data, submit

pytestmark = pytest.mark.django_db


def review_url(cycle, update) -> str:
    return reverse("updates:update_review", args=[cycle.pk, update.pk])


def test_pmo_accepts_a_submitted_update(pmo_client, role_users, owner, cycle):
    update = submit(owner, cycle, OWNED)

    response = pmo_client.post(
        review_url(cycle, update), {"decision": "accept", "version": update.version}
    )

    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.state, update.reviewed_by) == (UpdateState.ACCEPTED, role_users["pmo"])


def test_accepting_moves_on_to_the_next_update_awaiting_review(pmo_client, owner, cycle):
    first = submit(owner, cycle, OWNED)
    second = submit(owner, cycle, OWNED_MEDIUM, status="medium_progress")

    response = pmo_client.post(
        review_url(cycle, first), {"decision": "accept", "version": first.version}
    )

    assert response.url == review_url(cycle, second)


def test_returning_needs_a_note(pmo_client, owner, cycle):
    update = submit(owner, cycle, OWNED)

    response = pmo_client.post(
        review_url(cycle, update), {"decision": "return", "note": " ", "version": update.version}
    )

    assert response.context["form"].errors["note"] == [
        "Enter a note saying what the owner needs to change"
    ]
    update.refresh_from_db()
    assert update.state == UpdateState.SUBMITTED


def test_a_returned_update_shows_pmos_note_and_can_be_resubmitted(
    owner_client, owner, role_users, cycle, today
):
    update = submit(owner, cycle, OWNED)
    services.progress_update_return(
        user=role_users["pmo"],
        update=update,
        note="Say when LT sees the outcomes.",
        expected_version=update.version,
    )
    update.refresh_from_db()
    assert update.state == UpdateState.RETURNED

    page = owner_client.get(edit_url(cycle, OWNED))
    assert "Returned by PMO" in page.content.decode()
    assert "Say when LT sees the outcomes." in page.content.decode()
    assert page.context["editable"]

    response = owner_client.post(
        edit_url(cycle, OWNED),
        form_data(commentary="Outcomes go to LT on 22 November.", version=update.version),
    )

    assert response.status_code == 302
    update.refresh_from_db()
    assert update.state == UpdateState.SUBMITTED
    assert update.commentary == "Outcomes go to LT on 22 November."


def test_only_submitted_updates_can_be_reviewed(role_users, owner, cycle):
    draft = services.progress_update_save_draft(
        user=owner,
        cycle=cycle,
        action=action(cycle.plan, OWNED),
        status="on_track",
        commentary="Not finished",
        no_change=False,
        expected_version=0,
    )

    with pytest.raises(UpdateError, match="Only submitted updates"):
        services.progress_update_accept(
            user=role_users["pmo"], update=draft, expected_version=draft.version
        )


def test_the_review_list_includes_updates_imported_for_the_month(
    pmo_client, role_users, sample_plan
):
    october = services.cycle_open(
        user=role_users["pmo"],
        plan=sample_plan,
        month=date(2022, 10, 1),
        deadline=date(2022, 10, 21),
        today=date(2022, 10, 3),
    )

    response = pmo_client.get(reverse("updates:cycle_review", args=[october.pk]))

    listed = list(response.context["updates"])
    assert len(listed) == ProgressUpdate.objects.filter(month=date(2022, 10, 1)).count()
    assert "Imported" in response.content.decode()
    imported = next(u for u in listed if u.action.ref == OWNED)
    services.progress_update_accept(
        user=role_users["pmo"], update=imported, expected_version=imported.version
    )
    imported.refresh_from_db()
    assert imported.state == UpdateState.ACCEPTED


def test_late_list_is_what_is_owed_and_not_in_once_the_deadline_has_passed(
    pmo_client, owner, cycle, today
):
    submit(owner, cycle, OWNED)
    url = reverse("updates:cycle_late", args=[cycle.pk])

    today.set(date(2022, 11, 14))
    on_deadline_day = pmo_client.get(url)
    today.set(date(2022, 11, 15))
    day_after = pmo_client.get(url)

    assert on_deadline_day.context["late"] == []
    late = {row.action.ref: row for row in day_after.context["late"]}
    assert OWNED not in late
    assert OWNED_MEDIUM in late
    assert len(late) == selectors.action_list_owed(cycle=cycle).count() - 1
    assert ("Head of HR", ["Olu Adeyemi"]) in late[OWNED_MEDIUM].owners
    assert "Olu Adeyemi" in day_after.content.decode()


def test_late_selector_takes_today_from_its_caller(owner, cycle):
    assert selectors.action_list_late(cycle=cycle, today=date(2022, 11, 14)) == []
    assert selectors.action_list_late(cycle=cycle, today=date(2022, 11, 15))
