from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from planwatch.domain.months import month_parse
from planwatch.plans.models import Plan
from planwatch.updates.imported_review import imported_updates_accept


class Command(BaseCommand):
    help = (
        "Record a tracker's imported updates up to a month as accepted: months the council "
        "had already reviewed and reported before it used planwatch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--through", required=True, help="the last month, e.g. 2022-10")
        parser.add_argument("--by", required=True, help="the PMO user accepting them")
        parser.add_argument("--plan", default="Improvement Plan", help="plan name")

    def handle(self, *args, through: str, by: str, plan: str, **options):
        month = month_parse(through)
        if month is None:
            raise CommandError(f"--through '{through}' is not a month: give it as 2022-10")
        user = get_user_model().objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"--by: there is no user '{by}'")
        found = Plan.objects.filter(name=plan).first()
        if found is None:
            raise CommandError(f"--plan: there is no plan '{plan}'")
        try:
            n = imported_updates_accept(user=user, plan=found, through=month)
        except PermissionDenied:
            raise CommandError(f"{by} may not review updates: only the PMO accepts") from None
        self.stdout.write(
            f"Accepted {n} imported update{'s' if n != 1 else ''} of {found.name} "
            f"up to {month:%B %Y}."
        )
