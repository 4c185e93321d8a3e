"""`planwatch report theme-summary --month 2022-10 --format docx --output summary.docx`.

One subcommand per report, so the Cabinet and Commissioners' reports can join as
`report cabinet ...` and `report commissioners ...`. The report is made in memory first and
written only when it is whole, so a failure leaves nothing behind.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from planwatch.plans.models import Plan
from planwatch.reports.errors import ReportError
from planwatch.reports.rendering.cli_files import output_check, output_write
from planwatch.reports.theme_summary.build import (
    report_month,
    theme_summary_build,
)
from planwatch.reports.theme_summary.extras import theme_summary_extras
from planwatch.reports.theme_summary.files import theme_summary_files
from planwatch.reports.theme_summary.layouts import LAYOUT_NAMES, layout_for

DEFAULT_PLAN = "Improvement Plan"
FORMATS = ("html", "docx", "pdf", "json")


class Command(BaseCommand):
    help = "Make a report as html, docx, pdf or json. Nothing is written if it fails."

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
        summary = subparsers.add_parser(
            "theme-summary",
            help="the monthly Theme Progress Summary",
            # Subparsers are argparse's own; CommandParser makes their errors CommandErrors.
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )
        summary.add_argument("--month", required=True, help="year and month, e.g. 2022-10")
        summary.add_argument("--format", required=True, help="html, docx, pdf or json")
        summary.add_argument("--output", required=True, type=Path, help="file to write")
        summary.add_argument("--plan", default=DEFAULT_PLAN, help="plan name")
        summary.add_argument(
            "--layout",
            help=f"{' or '.join(LAYOUT_NAMES)}; the plan's default layout when not given",
        )
        summary.add_argument(
            "--with-assurance", action="store_true", help="add each theme's assurance flags"
        )
        summary.add_argument(
            "--with-risks", action="store_true", help="add the risk register and heatmap"
        )
        from planwatch.reports.period import (
            cli as period_cli,  # cabinet, commissioners (period reports)
        )

        period_cli.add_subcommands(subparsers, parser, plan_default=DEFAULT_PLAN)
        from planwatch.reports import editions_cli

        editions_cli.add_subcommands(subparsers, parser, plan_default=DEFAULT_PLAN)

    def handle(self, *args, report: str, **options):
        from planwatch.reports import editions_cli

        if report == "theme-summary":
            self._theme_summary(**options)
        elif report == "publish":
            editions_cli.publish(self, **options)
        elif report == "editions":
            editions_cli.editions(self, **options)
        else:
            from planwatch.reports.period import cli as period_cli

            period_cli.run(self, report=report, **options)

    def _theme_summary(
        self,
        *,
        month: str,
        format: str,
        output: Path,
        plan: str,
        with_assurance: bool,
        with_risks: bool,
        layout: str | None = None,
        **_,
    ):
        fmt = format.lower()
        if fmt not in FORMATS:
            raise CommandError(f"unknown format '{format}': use one of {', '.join(FORMATS)}")
        try:
            when = report_month(month)
        except ReportError as error:
            raise CommandError(str(error)) from None
        try:
            found = Plan.objects.filter(name=plan).first()
        except DatabaseError:
            raise CommandError("the database is not set up: run 'planwatch migrate'") from None
        if found is None:
            names = ", ".join(Plan.objects.values_list("name", flat=True)) or "none imported"
            raise CommandError(f"there is no plan '{plan}' (plans: {names})")
        try:
            chosen = layout_for(found, layout)
        except ReportError as error:
            raise CommandError(str(error)) from None
        output_check(output)
        report = theme_summary_build(plan=found, month=when)
        extras = theme_summary_extras(
            plan=found, month=when, assurance=with_assurance, risks=with_risks
        )
        body = theme_summary_files(report, extras, (fmt,), chosen)[fmt]
        output_write(self, output, body, fmt)
