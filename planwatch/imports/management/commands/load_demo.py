import importlib
from datetime import date
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from planwatch.accounts.demo import demo_users_create
from planwatch.imports.errors import TrackerImportError
from planwatch.imports.management.commands.import_tracker import DEFAULT_PLAN, render_summary
from planwatch.imports.services import tracker_import
from planwatch.plans.demo import demo_owner_roles_assign
from planwatch.plans.models import Plan
from planwatch.updates.imported_review import imported_updates_accept


class Command(BaseCommand):
    help = "Load the demo: import the sample tracker and create one user per role."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            summary = tracker_import(path=file, plan_name=DEFAULT_PLAN)
        except TrackerImportError as error:
            raise CommandError(f"{file.name}: {error}") from None
        Plan.objects.filter(name=DEFAULT_PLAN).update(
            organisation="Sandwell Metropolitan Borough Council",
            phase="Improvement Plan under government intervention (2022)",
        )
        self.stdout.write(render_summary(summary))
        self.stdout.write("\nDemo users (username / password / role):")
        for username, password, role in demo_users_create():
            self.stdout.write(f"  {username:<9} {password:<20} {role}")
        plan = Plan.objects.get(name=DEFAULT_PLAN)
        # The sample's months went to Leadership Team and Cabinet in 2022: already reviewed.
        newest = max(date.fromisoformat(f"{m}-01") for m in summary.updates_per_month)
        pmo = get_user_model().objects.get(username="pmo")
        accepted = imported_updates_accept(user=pmo, plan=plan, through=newest)
        self.stdout.write(
            f"\nAccepted the {accepted} imported updates up to {newest:%B %Y} as already "
            "reviewed (planwatch accept-imported)."
        )
        roles = demo_owner_roles_assign(plan=plan)
        self.stdout.write("\nThe owner user reports for: " + "; ".join(roles))
        for line in demo_extras_load(plan=plan):
            self.stdout.write(line)


def demo_extras_load(*, plan) -> list[str]:
    """Each planwatch app may ship demo data of its own (from the plan document, seed 002) as
    `<app>/demo.py` with `demo_load(*, plan) -> str`; the line it returns says what it loaded."""
    lines = []
    for config in apps.get_app_configs():
        if not config.name.startswith("planwatch."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "demo_load"):
            lines.append(module.demo_load(plan=plan))
    return lines
