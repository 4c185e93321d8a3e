"""PMO opens a month's cycle with a deadline and closes it at their word."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.plans.models import UpdateState
from planwatch.updates import selectors, services
from planwatch.updates.models import UpdateCycle
from planwatch.updates.services import UpdateError

from .helpers import DEADLINE, NOVEMBER, OWNED, submit

pytestmark = pytest.mark.django_db


def open_cycle(plan, user, *, month=NOVEMBER, deadline=DEADLINE, today=date(2022, 11, 1)):
    return services.cycle_open(user=user, plan=plan, month=month, deadline=deadline, today=today)


def test_pmo_opens_a_cycle_for_a_month_with_a_deadline(sample_plan, role_users):
    cycle = open_cycle(sample_plan, role_users["pmo"])

    assert (cycle.month, cycle.deadline, cycle.is_open) == (NOVEMBER, DEADLINE, True)
    assert cycle.opened_by == role_users["pmo"]
    assert cycle.history.first().history_user == role_users["pmo"]


def test_a_cycle_may_be_opened_for_the_latest_imported_month(sample_plan, role_users):
    cycle = open_cycle(
        sample_plan,
        role_users["pmo"],
        month=date(2022, 10, 1),
        deadline=date(2022, 10, 31),
        today=date(2022, 10, 20),
    )

    assert cycle.month == date(2022, 10, 1)


@pytest.mark.parametrize(
    ("month", "deadline", "today", "field", "message"),
    [
        (date(2022, 9, 1), date(2022, 11, 14), date(2022, 11, 1), "month", "updates for October"),
        (date(2023, 1, 1), date(2023, 1, 14), date(2022, 11, 1), "month", "a month ahead"),
        (NOVEMBER, date(2022, 10, 31), date(2022, 11, 1), "deadline", "or the month after"),
        (NOVEMBER, date(2023, 1, 2), date(2022, 11, 1), "deadline", "or the month after"),
        (date(2022, 11, 2), DEADLINE, date(2022, 11, 1), "month", "Choose a month"),
    ],
)
def test_a_cycle_with_a_month_or_deadline_that_makes_no_sense_is_refused(
    sample_plan, role_users, month, deadline, today, field, message
):
    with pytest.raises(UpdateError) as refused:
        open_cycle(sample_plan, role_users["pmo"], month=month, deadline=deadline, today=today)

    assert refused.value.field == field
    assert message in refused.value.message
    assert not UpdateCycle.objects.exists()


def test_a_missed_month_can_be_opened_late_with_its_deadline_already_past(sample_plan, role_users):
    cycle = open_cycle(
        sample_plan,
        role_users["pmo"],
        month=NOVEMBER,
        deadline=DEADLINE,
        today=date(2026, 11, 22),
    )

    assert (cycle.month, cycle.deadline) == (NOVEMBER, DEADLINE)


def test_only_one_cycle_is_open_at_a_time_and_each_month_has_one(sample_plan, role_users):
    pmo = role_users["pmo"]
    october = open_cycle(
        sample_plan,
        pmo,
        month=date(2022, 10, 1),
        deadline=date(2022, 10, 31),
        today=date(2022, 10, 3),
    )

    with pytest.raises(UpdateError, match="October 2022 cycle is still open"):
        open_cycle(sample_plan, pmo)
    services.cycle_close(user=pmo, cycle=october)
    with pytest.raises(UpdateError, match="already a cycle for October 2022"):
        open_cycle(sample_plan, pmo, month=date(2022, 10, 1), deadline=date(2022, 11, 30))
    assert open_cycle(sample_plan, pmo).month == NOVEMBER


@pytest.mark.parametrize("username", ["owner", "approver", "viewer"])
def test_only_pmo_opens_and_closes_cycles(sample_plan, role_users, cycle, username):
    with pytest.raises(PermissionDenied):
        services.cycle_close(user=role_users[username], cycle=cycle)
    services.cycle_close(user=role_users["pmo"], cycle=cycle)
    with pytest.raises(PermissionDenied):
        open_cycle(
            sample_plan, role_users[username], month=date(2022, 12, 1), deadline=date(2022, 12, 9)
        )


def test_closing_a_cycle_records_who_and_stops_further_updates(cycle, role_users, owner):
    closed = services.cycle_close(user=role_users["pmo"], cycle=cycle)

    assert not closed.is_open and closed.closed_by == role_users["pmo"]
    with pytest.raises(UpdateError, match="cycle is closed"):
        submit(owner, closed, OWNED)
    with pytest.raises(UpdateError, match="already closed"):
        services.cycle_close(user=role_users["pmo"], cycle=closed)


def test_open_cycle_page_opens_the_chosen_month(pmo_client, sample_plan, today):
    today.set(date(2022, 11, 1))
    url = reverse("updates:cycle_open") + "?plan=Improvement+Plan"

    page = pmo_client.get(url)
    assert [label for _, label in page.context["form"].fields["month"].choices] == [
        "December 2022",
        "November 2022",
        "October 2022",
    ]
    response = pmo_client.post(url, {"month": "2022-11", "deadline": "14/11/2022"})

    assert response.status_code == 302
    assert UpdateCycle.objects.get().deadline == DEADLINE
    listing = pmo_client.get(response.url)
    assert "The November 2022 cycle is open" in listing.content.decode()


def test_open_cycle_page_shows_the_services_refusal_as_an_error(pmo_client, sample_plan, today):
    today.set(date(2022, 11, 1))
    url = reverse("updates:cycle_open") + "?plan=Improvement+Plan"

    response = pmo_client.post(url, {"month": "2022-11", "deadline": "1/1/2023"})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert response.context["form"].errors["deadline"] == [
        "The deadline must fall in November 2022 or the month after it"
    ]


def test_close_page_lists_what_is_outstanding_and_unreviewed_then_closes(pmo_client, cycle, owner):
    submit(owner, cycle, OWNED)
    url = reverse("updates:cycle_close", args=[cycle.pk])

    page = pmo_client.get(url).content.decode()
    assert "not been reviewed" in page and OWNED in page
    assert "still outstanding" in page and "OC.A1.3" in page
    response = pmo_client.post(url)

    assert response.status_code == 302
    cycle.refresh_from_db()
    assert not cycle.is_open


def test_cycles_page_counts_owed_submitted_accepted_returned_and_late(
    pmo_client, cycle, owner, role_users, today
):
    pmo = role_users["pmo"]
    accepted = submit(owner, cycle, OWNED)
    services.progress_update_accept(user=pmo, update=accepted, expected_version=accepted.version)
    returned = submit(owner, cycle, "OC.A1.3", status="medium_progress")
    services.progress_update_return(
        user=pmo, update=returned, note="Say when LT sees it", expected_version=returned.version
    )
    submit(owner, cycle, "OC.B1.2")
    today.set(date(2022, 11, 15))

    response = pmo_client.get(reverse("updates:cycle_list"), {"plan": "Improvement Plan"})

    [row] = response.context["cycles"]
    owed = selectors.action_list_owed(cycle=cycle).count()
    assert (row.owed, row.submitted, row.accepted, row.returned) == (owed, 1, 1, 1)
    # The returned update is owed again, so it is late with the ones never started.
    assert row.late == owed - 2
    assert UpdateState.SUBMITTED in [s for s, _ in UpdateState.choices]
