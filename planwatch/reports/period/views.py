"""The Cabinet and Commissioners' report pages: pick the period's last month, read or download."""

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from planwatch.accounts.permissions import Perm, require
from planwatch.domain.months import month_parse
from planwatch.plans.models import ProgressUpdate
from planwatch.plans.views import plan_required
from planwatch.reports.period.build import REPORT_KINDS, PeriodReportError, period_report_build
from planwatch.reports.period.charts import period_charts, period_charts_json
from planwatch.reports.period.output import period_report_document, period_report_json
from planwatch.reports.rendering.files import DOWNLOADS, report_bytes, report_download
from planwatch.reports.rendering.html import document_html


class PeriodForm(forms.Form):
    end = forms.CharField(
        label="Last month of the period",
        help_text="As year and month, for example 2022-10.",
        required=False,
    )
    format = forms.ChoiceField(
        choices=[("", "Web page"), *((f, f) for f in DOWNLOADS)],
        required=False,
        error_messages={"invalid_choice": "Choose a download format: docx, pdf or json"},
    )

    def clean_end(self) -> date | None:
        text = self.cleaned_data["end"]
        if not text:
            return None
        month = month_parse(text)
        if month is None:
            raise forms.ValidationError(
                "Enter the last month of the period as year and month, like 2022-10"
            )
        return month


def _latest_month(plan) -> date:
    latest = ProgressUpdate.objects.filter(action__plan=plan).aggregate(m=Max("month"))["m"]
    return latest or timezone.localdate().replace(day=1)


def _download(report, doc, charts, fmt: str) -> HttpResponse:
    body = report_bytes(
        fmt,
        data=lambda: {**period_report_json(report), "charts": period_charts_json(charts)},
        document=lambda: doc,
    )
    name = f"planwatch-{report.kind}-report-{report.period.end:%Y-%m}.{fmt}"
    return report_download(body, fmt, name)


def _period_page(request, plan, kind: str):
    words, months = REPORT_KINDS[kind]
    form = PeriodForm(request.GET)
    context = {"plan": plan, "form": form, "heading": words, "kind": kind, "months": months}
    if not form.is_valid():
        return render(request, "reports/period_report.html", context)
    end, fmt = form.cleaned_data["end"], form.cleaned_data["format"]
    if end is None:
        # Show which month was taken, so the reader can change it from there.
        end = _latest_month(plan)
        form = PeriodForm({"end": f"{end:%Y-%m}"})
        form.is_valid()
        context["form"] = form
    try:
        report = period_report_build(plan=plan, end_month=end, months=months)
    except PeriodReportError as error:
        form.add_error("end", str(error))
        return render(request, "reports/period_report.html", context)
    charts = period_charts(plan=plan, report=report)
    doc = period_report_document(report, charts)
    if fmt:
        return _download(report, doc, charts, fmt)
    base = {"end": f"{end:%Y-%m}"}
    if request.GET.get("plan"):
        base["plan"] = request.GET["plan"]
    context.update(
        report=report,
        document=doc,
        report_html=document_html(doc),
        downloads=[
            (label, "?" + urlencode({**base, "format": option}))
            for option, label in (("docx", "Word"), ("pdf", "PDF"), ("json", "JSON"))
        ],
    )
    return render(request, "reports/period_report.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def cabinet(request, plan):
    return _period_page(request, plan, "cabinet")


@require(Perm.VIEW_PLAN)
@plan_required
def commissioners(request, plan):
    return _period_page(request, plan, "commissioners")
