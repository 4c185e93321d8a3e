"""`planwatch send-reminders`: owners who still owe updates get one e-mail a few days before
the deadline (14 November) and one a few days after it; running it again sends nothing new."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from planwatch.accounts.models import OwnerRole
from planwatch.accounts.roles import UPDATE_OWNER
from planwatch.accounts.services import owner_role_assign, user_create_or_reset
from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates import selectors
from planwatch.updates.models import ReminderKind, ReminderSent
from planwatch.updates.services import cycle_close

from .helpers import NOVEMBER, OWNED, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.PLANWATCH_REMINDER_DAYS_BEFORE = 3
    settings.PLANWATCH_REMINDER_DAYS_AFTER = 2
    settings.PLANWATCH_SITE_URL = "https://planwatch.example.gov.uk/"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def owner(owner_with_roles):
    owner_with_roles.email = "olu.adeyemi@example.gov.uk"
    owner_with_roles.save()
    return owner_with_roles


def run(today: str) -> str:
    out = StringIO()
    call_command("send_reminders", "--today", today, stdout=out)
    return out.getvalue()


def person(username: str, role_key: str, plan, *, email: str = ""):
    user = user_create_or_reset(username=username, password="a-long-password-1", role=UPDATE_OWNER)
    user.email = email
    user.save()
    owner_role_assign(user=user, owner_role=OwnerRole.objects.get(plan=plan, key=role_key))
    return user


@pytest.mark.parametrize("today", ["2022-11-10", "2022-11-14", "2022-11-15"])
def test_nothing_is_sent_outside_the_reminder_windows(owner, cycle, today):
    run(today)

    assert mail.outbox == []


def test_owner_is_reminded_once_before_the_deadline(owner, cycle):
    output = run("2022-11-11")

    [message] = mail.outbox
    assert message.to == ["olu.adeyemi@example.gov.uk"]
    assert "due by 14 November 2022" in message.subject
    assert f"https://planwatch.example.gov.uk/cycles/{cycle.pk}/actions/{OWNED}/" in message.body
    assert "Sent before-deadline reminder to Olu Adeyemi" in output
    sent = ReminderSent.objects.get()
    assert (sent.user, sent.kind) == (owner, ReminderKind.BEFORE_DEADLINE)

    run("2022-11-12")
    run("2022-11-13")
    assert len(mail.outbox) == 1


def test_the_email_lists_exactly_the_actions_still_owed(owner, cycle):
    submit(owner, cycle, OWNED)

    run("2022-11-11")

    owed = selectors.my_updates(cycle=cycle, user=owner)
    outstanding = [row.action.ref for row in owed.owed if not row.done]
    body = mail.outbox[0].body
    assert f"/actions/{OWNED}/" not in body
    assert all(f"/actions/{ref}/" in body for ref in outstanding)
    assert ReminderSent.objects.get().actions_outstanding == len(outstanding)


def test_owner_is_reminded_again_after_the_deadline_and_only_once(owner, cycle):
    run("2022-11-11")
    run("2022-11-16")
    outbox = list(mail.outbox)
    run("2022-11-16")
    run("2022-11-20")

    assert len(outbox) == 2
    assert "overdue since 14 November 2022" in outbox[1].subject
    assert "are now late" in outbox[1].body
    assert mail.outbox == outbox


def test_running_twice_sends_nothing_new(owner, cycle):
    run("2022-11-16")
    outbox = list(mail.outbox)

    output = run("2022-11-16")

    assert mail.outbox == outbox
    assert "0 reminders sent" in output


def test_nobody_who_owes_nothing_is_reminded(owner, cycle, sample_plan):
    # Cabinet members are accountable but do not write updates.
    person("cabinet", "deputy leader", sample_plan, email="cabinet@example.gov.uk")
    # Everything the demo owner owes is in.
    for row in selectors.my_updates(cycle=cycle, user=owner).owed:
        ProgressUpdate.objects.create(
            action=row.action, month=NOVEMBER, status="on_track", state=UpdateState.SUBMITTED
        )

    run("2022-11-11")

    assert mail.outbox == []


def test_people_without_an_email_address_are_reported_not_sent_to(owner, cycle, sample_plan):
    person("no-email", "director law and governance", sample_plan)

    output = run("2022-11-11")

    assert [m.to for m in mail.outbox] == [["olu.adeyemi@example.gov.uk"]]
    assert "NOT sent: no-email (username 'no-email') has no e-mail address" in output
    assert not ReminderSent.objects.filter(user__username="no-email").exists()


def test_closed_cycles_send_no_reminders(owner, cycle, role_users):
    cycle_close(user=role_users["pmo"], cycle=cycle)

    run("2022-11-11")

    assert mail.outbox == []


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="--today must be a date like 2022-11-14"):
        run("14/11/2022")


def test_today_defaults_to_the_local_date(owner, cycle, monkeypatch):
    monkeypatch.setattr(
        "planwatch.updates.management.commands.send_reminders.timezone.localdate",
        lambda: date(2022, 11, 11),
    )
    out = StringIO()

    call_command("send_reminders", stdout=out)

    assert "1 reminder sent for 11 November 2022" in out.getvalue()
