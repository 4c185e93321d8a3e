"""`planwatch report cabinet --end 2022-10 ...` and `... commissioners ...`: the period reports
as subcommands of the `report` command, which hands them here."""

from functools import cache
from pathlib import Path

from django.core.management.base import CommandError

from planwatch.domain.months import month_parse
from planwatch.plans.models import Plan
from planwatch.reports.period.build import REPORT_KINDS, PeriodReportError, period_report_build
from planwatch.reports.period.charts import period_charts, period_charts_json
from planwatch.reports.period.output import period_report_document, period_report_json
from planwatch.reports.rendering.cli_files import output_check, output_write
from planwatch.reports.rendering.files import report_bytes

FORMATS = ("html", "docx", "pdf", "json")
COMMANDS = tuple(REPORT_KINDS)  # "cabinet", "commissioners"


def add_subcommands(subparsers, parser, *, plan_default: str) -> None:
    for kind, (words, months) in REPORT_KINDS.items():
        sub = subparsers.add_parser(
            kind,
            help=f"the {words} ({months} months)",
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )
        sub.add_argument(
            "--end", required=True, help="the period's last month, year and month, e.g. 2022-10"
        )
        sub.add_argument("--format", required=True, help="html, docx, pdf or json")
        sub.add_argument("--output", required=True, type=Path, help="file to write")
        sub.add_argument("--plan", default=plan_default, help="plan name")


def period_report_files(report, formats: tuple[str, ...], charts: tuple = ()) -> dict[str, bytes]:
    """The report as each format's bytes: its JSON built once, and its layout only when a
    format needs it, once."""
    data = cache(lambda: {**period_report_json(report), "charts": period_charts_json(charts)})
    document = cache(lambda: period_report_document(report, charts))
    return {fmt: report_bytes(fmt, data=data, document=document) for fmt in formats}


def period_report_bytes(report, fmt: str, charts: tuple = ()) -> bytes:
    return period_report_files(report, (fmt,), charts)[fmt]


def run(command, *, report: str, end: str, format: str, output: Path, plan: str, **_) -> None:
    fmt = format.lower()
    if fmt not in FORMATS:
        raise CommandError(f"unknown format '{format}': use one of {', '.join(FORMATS)}")
    month = month_parse(end)
    if month is None:
        raise CommandError(f"--end '{end}' is not a month: give year and month, like 2022-10")
    found = Plan.objects.filter(name=plan).first()
    if found is None:
        names = ", ".join(Plan.objects.values_list("name", flat=True)) or "none imported"
        raise CommandError(f"there is no plan '{plan}' (plans: {names})")
    output_check(output)
    try:
        built = period_report_build(plan=found, end_month=month, months=REPORT_KINDS[report][1])
    except PeriodReportError as error:
        raise CommandError(str(error)) from None
    body = period_report_bytes(built, fmt, period_charts(plan=found, report=built))
    output_write(command, output, body, fmt)
