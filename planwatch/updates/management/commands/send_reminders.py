from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from planwatch.updates.emails import reminders_send


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2022-11-14, not '{value}'") from None


class Command(BaseCommand):
    help = (
        "E-mail owners who still owe updates in an open cycle: once a few days before the "
        "deadline and once a few days after. Run it daily; a second run sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the day to act as (YYYY-MM-DD); default today")

    def handle(self, *args, today: str | None, **options):
        day = _day(today) if today else timezone.localdate()
        outcomes = reminders_send(today=day)
        sent = [outcome for outcome in outcomes if outcome.sent]
        for outcome in outcomes:
            who = outcome.user.get_full_name() or outcome.user.get_username()
            n = len(outcome.actions)
            owed = f"{n} update{'s' if n != 1 else ''} owed"
            where = f"{outcome.cycle.plan}, {outcome.cycle.month:%B %Y}"
            refs = ", ".join(action.ref for action in outcome.actions)
            if outcome.sent:
                self.stdout.write(
                    f"Sent {outcome.kind}-deadline reminder to {who} <{outcome.user.email}> "
                    f"({where}): {owed}: {refs}"
                )
            else:
                self.stdout.write(
                    f"NOT sent: {who} (username '{outcome.user.get_username()}') has no e-mail "
                    f"address ({where}): {owed}: {refs}"
                )
        self.stdout.write(
            f"{len(sent)} reminder{'s' if len(sent) != 1 else ''} sent for {day:%d %B %Y}."
        )
