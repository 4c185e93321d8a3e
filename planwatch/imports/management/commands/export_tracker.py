from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.imports.tracker_export import tracker_export_write
from planwatch.plans.models import Plan


class Command(BaseCommand):
    help = "Write the plan as a tracker workbook (.xlsx) in the council's own layout."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True, help="the .xlsx file to write")
        parser.add_argument("--plan", default="", help="plan name (the only plan if omitted)")

    def handle(self, *args, output: Path, plan: str, **options):
        if output.suffix.lower() != ".xlsx":
            raise CommandError(f"{output.name}: the tracker is written as an .xlsx workbook")
        if not output.parent.is_dir():
            raise CommandError(f"{output.parent} is not a folder")
        chosen = _plan(plan)
        try:
            rows = tracker_export_write(plan=chosen, path=output)
        except OSError as error:
            raise CommandError(f"could not write {output}: {error.strerror or error}") from None
        self.stdout.write(f"Wrote {rows} action rows of '{chosen.name}' to {output}")


def _plan(name: str) -> Plan:
    if name:
        found = Plan.objects.filter(name=name).first()
        if found is None:
            raise CommandError(f"no plan named '{name}'")
        return found
    plans = list(Plan.objects.all()[:2])
    if not plans:
        raise CommandError("no plan has been imported yet")
    if len(plans) > 1:
        raise CommandError("there is more than one plan: name one with --plan")
    return plans[0]
