"""My updates: the live actions a person owes for the open cycle, and nobody else's."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from planwatch.accounts.models import OwnerRole
from planwatch.accounts.permissions import owned_action_ids
from planwatch.accounts.roles import UPDATE_OWNER
from planwatch.accounts.services import owner_role_assign, user_create_or_reset
from planwatch.domain.statuses import Status
from planwatch.plans.models import Lifecycle, ProgressUpdate
from planwatch.updates import selectors

from .helpers import NOT_OWNED, OWNED, OWNED_MEDIUM, action, submit

pytestmark = pytest.mark.django_db
URL = reverse("updates:my_updates")


def refs(rows) -> list[str]:
    return [row.action.ref for row in rows]


def test_owner_sees_only_the_live_actions_they_own(owner_client, owner, cycle, today):
    response = owner_client.get(URL, {"plan": "Improvement Plan"})

    owed = refs(response.context["mine"].owed)
    assert OWNED in owed and OWNED_MEDIUM in owed
    assert NOT_OWNED not in owed
    assert {row.action.pk for row in response.context["mine"].owed} <= owned_action_ids(owner)
    assert response.context["mine"].outstanding == len(owed)


def test_finished_and_departed_actions_are_not_owed(owner, cycle):
    # OC.A1.1 was Complete in October; OC.A1.0 (a main action) N/A.
    owned = refs(selectors.my_updates(cycle=cycle, user=owner).owed)
    assert "OC.A1.1" not in owned and "OC.A1.0" not in owned

    target = action(cycle.plan, OWNED)
    target.lifecycle = Lifecycle.BUSINESS_AS_USUAL
    target.save()
    assert OWNED not in refs(selectors.my_updates(cycle=cycle, user=owner).owed)


def test_not_due_to_start_is_owed_only_once_its_start_can_have_arrived(owner, cycle):
    """OC.A2.2 (start TBC) and OC.B1.6 (TBC 2023) were Not due to start in October."""
    mine = selectors.my_updates(cycle=cycle, user=owner)
    assert {"OC.A2.2", "OC.B1.6"} <= set(refs(mine.not_yet_started))
    assert not {"OC.A2.2", "OC.B1.6"} & set(refs(mine.owed))

    # OC.B1.2 started "Autumn 2022" and was Not due to start in September: had October's
    # cycle been the open one, it would have been owed.
    assert action(cycle.plan, "OC.B1.2").start_earliest <= date(2022, 10, 31)


def test_an_action_rated_complete_this_month_stays_owed_and_done(owner, cycle):
    submit(owner, cycle, OWNED, status=Status.COMPLETE, commentary="Done.")

    [row] = [r for r in selectors.my_updates(cycle=cycle, user=owner).owed if r.action.ref == OWNED]
    assert row.done and row.previous.status == Status.ON_TRACK


def test_a_delegate_sees_the_actions_of_the_role_they_write_for(sample_plan, cycle, client):
    officer = user_create_or_reset(
        username="hr-officer", password="x-long-password-1", role=UPDATE_OWNER
    )
    owner_role_assign(
        user=officer,
        owner_role=OwnerRole.objects.get(plan=sample_plan, key="head of hr"),
        is_delegate=True,
    )
    client.force_login(officer)

    owed = refs(client.get(URL).context["mine"].owed)

    assert OWNED in owed  # Head of HR is its update owner
    assert "OC.B1.3" not in owed  # Director of Law & Governance's


def test_someone_without_an_owner_role_owes_nothing(client, role_users, cycle):
    client.force_login(role_users["viewer"])

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["mine"].owed == []
    assert "do not hold an owner role" in response.content.decode()


def test_pmo_sees_every_owed_action_and_can_narrow_to_one_owner(pmo_client, cycle, sample_plan):
    everyone = pmo_client.get(URL).context["mine"]
    assert len(everyone.owed) == selectors.action_list_owed(cycle=cycle).count()

    role = OwnerRole.objects.get(plan=sample_plan, key="director law and governance")
    narrowed = refs(pmo_client.get(URL, {"owner": role.pk}).context["mine"].owed)

    assert NOT_OWNED in narrowed and OWNED not in narrowed


def test_each_row_shows_last_months_status_and_this_months_state(owner_client, owner, cycle):
    submit(owner, cycle, OWNED_MEDIUM, status=Status.MEDIUM_PROGRESS)

    rows = {r.action.ref: r for r in owner_client.get(URL).context["mine"].owed}

    assert rows[OWNED].previous.month == date(2022, 10, 1)
    assert rows[OWNED].previous.status == Status.ON_TRACK
    assert rows[OWNED].state == ""
    assert rows[OWNED_MEDIUM].state == "submitted"


def test_without_an_open_cycle_the_page_says_so(owner_client, owner, sample_plan):
    response = owner_client.get(URL)

    assert response.context["mine"] is None
    assert "No monthly update cycle is open" in response.content.decode()


def test_the_update_page_shows_last_months_status_and_commentary_beside_the_form(
    owner_client, cycle
):
    response = owner_client.get(reverse("updates:update_edit", args=[cycle.pk, OWNED]))

    page = response.content.decode()
    previous = ProgressUpdate.objects.get(action__ref=OWNED, month=date(2022, 10, 1))
    assert response.context["previous"] == previous
    assert "October 2022" in page and "final listening groups taking place" in page
    assert 'name="status"' in page and 'name="version" value="0"' in page


def test_my_updates_is_for_signed_in_people(client, cycle):
    response = client.get(URL)

    assert response.status_code == 302 and "/login/" in response.url
    assert get_user_model().objects.filter(username="owner").exists()
