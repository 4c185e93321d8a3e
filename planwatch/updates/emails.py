"""Reminder e-mails: when they are due, who gets them, what they say, and sending them once.

A scheduler runs `planwatch send-reminders` daily; everything here is keyed on the `today`
it passes, so a run can be replayed for any day.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from . import selectors
from .models import ReminderKind, ReminderSent, UpdateCycle


def site_url(path: str) -> str:
    return settings.PLANWATCH_SITE_URL.rstrip("/") + path


def reminder_email(*, cycle: UpdateCycle, kind: str, user, actions: list) -> EmailMessage:
    before = kind == ReminderKind.BEFORE_DEADLINE
    month = f"{cycle.month:%B %Y}"
    deadline = f"{cycle.deadline.day} {cycle.deadline:%B %Y}"
    count = f"{len(actions)} update{'s' if len(actions) != 1 else ''}"
    subject = (
        f"{cycle.plan}: {count} due by {deadline} for {month}"
        if before
        else f"{cycle.plan}: {count} for {month} overdue since {deadline}"
    )
    context = {
        "cycle": cycle,
        "before": before,
        "name": user.get_full_name() or user.get_username(),
        "actions": [
            (action, site_url(reverse("updates:update_edit", args=[cycle.pk, action.ref])))
            for action in actions
        ],
        "my_updates_url": site_url(
            reverse("updates:my_updates") + "?" + urlencode({"plan": cycle.plan.name})
        ),
    }
    body = render_to_string("updates/email/reminder.txt", context)
    return EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]
    )


@dataclass(frozen=True)
class ReminderOutcome:
    cycle: UpdateCycle
    kind: str
    user: object
    actions: list
    sent: bool  # False when the person has no e-mail address to send to


def reminder_kind_due(*, cycle: UpdateCycle, today: date) -> str | None:
    """Before: from N days before the deadline until the day before it. After: from N days
    after the deadline on. The deadline day and the days just after it send nothing."""
    before = settings.PLANWATCH_REMINDER_DAYS_BEFORE
    after = settings.PLANWATCH_REMINDER_DAYS_AFTER
    if cycle.deadline.toordinal() - before <= today.toordinal() < cycle.deadline.toordinal():
        return ReminderKind.BEFORE_DEADLINE
    if today.toordinal() >= cycle.deadline.toordinal() + after:
        return ReminderKind.AFTER_DEADLINE
    return None


def reminders_send(*, today: date) -> list[ReminderOutcome]:
    """E-mail everyone who still owes updates in an open cycle, once before the deadline and
    once after it. Safe to run as often as a scheduler likes: ReminderSent's unique
    (cycle, person, kind) means nobody gets the same reminder twice."""
    outcomes = []
    for cycle in UpdateCycle.objects.filter(closed_at__isnull=True).select_related("plan"):
        kind = reminder_kind_due(cycle=cycle, today=today)
        if kind is None:
            continue
        already = set(
            ReminderSent.objects.filter(cycle=cycle, kind=kind).values_list("user_id", flat=True)
        )
        for person, actions in selectors.reminder_recipients(cycle=cycle).items():
            if person.pk in already:
                continue
            if not person.email:
                outcomes.append(ReminderOutcome(cycle, kind, person, actions, sent=False))
                continue
            if _reminder_send(cycle, kind, person, actions):
                outcomes.append(ReminderOutcome(cycle, kind, person, actions, sent=True))
    return outcomes


def _reminder_send(cycle, kind, person, actions) -> bool:
    message = reminder_email(cycle=cycle, kind=kind, user=person, actions=actions)
    try:
        with transaction.atomic():
            # Recorded first and sent inside the same transaction: a failed send rolls the
            # record back, so tomorrow's run tries again.
            ReminderSent.objects.create(
                cycle=cycle, user=person, kind=kind, actions_outstanding=len(actions)
            )
            message.send()
    except IntegrityError:
        return False  # another run sent it a moment ago
    return True
