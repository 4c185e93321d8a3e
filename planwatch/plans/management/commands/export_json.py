import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.plans.errors import PlanNotFound
from planwatch.plans.export import plan_export
from planwatch.plans.selectors import plan_get


class Command(BaseCommand):
    help = "Write the whole plan as JSON (to standard output, or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--plan", help="plan name; optional when there is only one plan")
        parser.add_argument("--output", type=Path)

    def handle(self, *args, plan: str | None, output: Path | None, **options):
        try:
            data = plan_export(plan=plan_get(name=plan))
        except PlanNotFound as error:
            raise CommandError(str(error)) from None
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if output is None:
            self.stdout.write(text)
            return
        try:
            output.write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"could not write {output}: {error.strerror}") from None
        self.stderr.write(f"Wrote {output}")
