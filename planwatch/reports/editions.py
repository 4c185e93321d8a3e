"""Publishing a report: every output made once, frozen with its SHA-256 and the data it was
built from, as an edition that never changes. A correction is the next edition of the same
report, and must say why. The web page (through the worker) and the CLI both call
`edition_publish`."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django_tasks import task

from planwatch.accounts.permissions import Perm, user_can
from planwatch.domain.counting import Audience
from planwatch.plans.counting import figures_for
from planwatch.plans.models import Plan, ReportLayout
from planwatch.reports.errors import ReportError
from planwatch.reports.models import EditionFile, EditionKind, ReportEdition
from planwatch.reports.period.build import REPORT_KINDS, PeriodReportError, period_report_build
from planwatch.reports.period.charts import period_charts
from planwatch.reports.period.cli import period_report_files
from planwatch.reports.theme_summary.build import theme_summary_build
from planwatch.reports.theme_summary.extras import theme_summary_extras
from planwatch.reports.theme_summary.files import theme_summary_files
from planwatch.reports.theme_summary.layouts import layout_for

FORMATS = ("html", "docx", "pdf", "json")


class EditionError(Exception):
    """The edition cannot be published as asked; the message is for the person asking."""


@dataclass(frozen=True)
class _Outputs:
    title: str
    files: dict[str, bytes]


def _theme_summary(plan: Plan, month: date, layout: ReportLayout) -> _Outputs:
    report = theme_summary_build(plan=plan, month=month)
    extras = theme_summary_extras(plan=plan, month=month)
    return _Outputs(report.title, theme_summary_files(report, extras, FORMATS, layout))


def _period(plan: Plan, month: date, kind: str) -> _Outputs:
    try:
        report = period_report_build(plan=plan, end_month=month, months=REPORT_KINDS[kind][1])
    except PeriodReportError as error:
        raise EditionError(str(error)) from None
    charts = period_charts(plan=plan, report=report)
    files = period_report_files(report, FORMATS, charts)
    title = json.loads(files["json"])["title"]
    return _Outputs(title, files)


def edition_publish(
    *,
    user,
    plan: Plan,
    kind: str,
    month: date,
    meeting: str,
    reason: str = "",
    layout: str = "",
) -> ReportEdition:
    """Make every output of the report and freeze them as its next edition; a Theme Progress
    Summary in `layout`, else the plan's default one."""
    if not user_can(user, Perm.EDIT_REPORTS):
        raise PermissionDenied("only the PMO publishes reports")
    if kind not in EditionKind.values:
        raise EditionError(
            f"there is no report '{kind}': use one of {', '.join(EditionKind.values)}"
        )
    meeting, reason = meeting.strip(), reason.strip()
    if not meeting:
        raise EditionError("say which meeting the edition goes to")
    month = month.replace(day=1)
    chosen = ""
    # An edition goes to meetings and may go public: only what the PMO accepted counts.
    with figures_for(Audience.PUBLISHED):
        if kind == EditionKind.THEME_SUMMARY:
            try:
                chosen = layout_for(plan, layout)
            except ReportError as error:
                raise EditionError(str(error)) from None
            outputs = _theme_summary(plan, month, chosen)
        else:
            outputs = _period(plan, month, kind)
    with transaction.atomic():
        # The report's editions so far, locked, so two publishers cannot take one number.
        earlier = ReportEdition.objects.select_for_update().filter(
            plan=plan, kind=kind, month=month
        )
        number = (earlier.aggregate(n=Max("number"))["n"] or 0) + 1
        if number > 1 and not reason:
            raise EditionError(
                f"edition {number - 1} is already published: a correction must give its reason"
            )
        edition = ReportEdition.objects.create(
            plan=plan,
            kind=kind,
            month=month,
            number=number,
            title=outputs.title,
            meeting=meeting,
            reason=reason,
            layout=chosen,
            data=json.loads(outputs.files["json"]),
            published_by=user,
        )
        for fmt, body in outputs.files.items():
            EditionFile.objects.create(
                edition=edition,
                format=fmt,
                content=body,
                sha256=hashlib.sha256(body).hexdigest(),
                size=len(body),
            )
    return edition


@task()
def edition_publish_task(
    user_id: int, plan_id: int, kind: str, month: str, meeting: str, reason: str, layout: str = ""
) -> int:
    """The web page's publish, on the worker: rendering the PDF takes seconds."""
    from django.contrib.auth import get_user_model

    edition = edition_publish(
        user=get_user_model().objects.get(pk=user_id),
        plan=Plan.objects.get(pk=plan_id),
        kind=kind,
        month=date.fromisoformat(month),
        meeting=meeting,
        reason=reason,
        layout=layout,
    )
    return edition.pk


def editions_list(*, plan: Plan, kind: str = "", month: date | None = None):
    editions = ReportEdition.objects.filter(plan=plan).select_related("published_by", "public")
    if kind:
        editions = editions.filter(kind=kind)
    if month:
        editions = editions.filter(month=month)
    return editions.prefetch_related("files").order_by("kind", "-month", "-number")


def edition_file_get(*, pk: int, fmt: str) -> EditionFile:
    return EditionFile.objects.select_related("edition").get(edition_id=pk, format=fmt)
