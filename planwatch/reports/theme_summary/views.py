"""The reports pages: the reports index, the monthly Theme Progress Summary (on the page or as
a download) and PMO's page for writing a theme's Focus 1 narratives for a month."""

from dataclasses import asdict
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from planwatch.accounts.permissions import Perm, require, user_can
from planwatch.domain.theme_summary import month_label
from planwatch.plans.models import Plan, Theme
from planwatch.plans.views import plan_required
from planwatch.reports.errors import ReportError
from planwatch.reports.rendering.files import report_download
from planwatch.reports.rendering.html import document_html
from planwatch.reports.theme_summary.build import theme_summary_build
from planwatch.reports.theme_summary.extras import theme_summary_extras
from planwatch.reports.theme_summary.files import theme_summary_files
from planwatch.reports.theme_summary.forms import (
    FORMATS,
    MonthForm,
    NarrativeForm,
    PlanLayoutForm,
)
from planwatch.reports.theme_summary.layouts import layout_document, layout_for
from planwatch.reports.theme_summary.prefill import narrative_drafts

from . import selectors, services


def _default_month(plan: Plan) -> date:
    months = selectors.months_with_updates(plan=plan)
    return months[-1] if months else timezone.localdate().replace(day=1)


def _month_form(request, plan: Plan) -> MonthForm:
    data = request.GET.copy()
    data.setdefault("month", f"{_default_month(plan):%Y-%m}")
    return MonthForm(data)


def _query(plan: Plan, month: date, **extra: str) -> str:
    return "?" + urlencode({"plan": plan.name, "month": f"{month:%Y-%m}", **extra})


@require(Perm.VIEW_PLAN)
@plan_required
def index(request, plan):
    form = _month_form(request, plan)
    month = form.cleaned_data["month"] if form.is_valid() else None
    context = {
        "plan": plan,
        "form": form,
        "month": month,
        "month_label": month_label(month) if month else "",
        "months": [(m, month_label(m)) for m in selectors.months_with_updates(plan=plan)],
        "themes": Theme.objects.filter(plan=plan).order_by("order", "code"),
        "can_edit": user_can(request.user, Perm.EDIT_REPORTS),
        "layout_form": PlanLayoutForm(initial={"layout": plan.report_layout}),
    }
    if month:
        base = reverse("reports:theme_summary")
        context["summary_url"] = base + _query(plan, month)
        context["downloads"] = [
            (FORMATS[f], base + _query(plan, month, format=f)) for f in ("docx", "pdf", "json")
        ]
    return render(request, "reports/index.html", context, status=200 if month else 400)


def _filename(plan: Plan, month: date, extension: str) -> str:
    return f"theme-progress-summary-{month:%Y-%m}.{extension}"


def _download(report, extras, fmt: str, plan: Plan, layout) -> HttpResponse:
    body = theme_summary_files(report, extras, (fmt,), layout)[fmt]
    return report_download(body, fmt, _filename(plan, report.month, fmt))


def _choices(form: MonthForm) -> dict[str, str]:
    """The optional sections and the layout asked for, to carry into the download links."""
    chosen = {name: "on" for name in ("assurance", "risks") if form.cleaned_data[name]}
    if form.cleaned_data["layout"]:
        chosen["layout"] = form.cleaned_data["layout"]
    return chosen


@require(Perm.VIEW_PLAN)
@plan_required
def theme_summary(request, plan):
    form = _month_form(request, plan)
    if not form.is_valid():
        context = {"plan": plan, "form": form, "document": None}
        return render(request, "reports/theme_summary.html", context, status=400)
    month, fmt = form.cleaned_data["month"], form.cleaned_data["format"]
    report = theme_summary_build(plan=plan, month=month)
    extras = theme_summary_extras(
        plan=plan,
        month=month,
        assurance=form.cleaned_data["assurance"],
        risks=form.cleaned_data["risks"],
    )
    layout = layout_for(plan, form.cleaned_data["layout"])
    if fmt != "html":
        return _download(report, extras, fmt, plan, layout)
    document = layout_document(report, extras, layout)
    base = reverse("reports:theme_summary")
    chosen = _choices(form)
    context = {
        "plan": plan,
        "form": form,
        "document": document,
        "report": report,
        "report_html": document_html(document),
        "downloads": [
            (FORMATS[f], base + _query(plan, month, format=f, **chosen))
            for f in ("docx", "pdf", "json")
        ],
        "edit_links": [
            (
                part.name,
                reverse("reports:narratives_edit", args=[part.code]) + _query(plan, month),
                reverse("reports:theme_status_edit", args=[part.code]) + _query(plan, month),
                reverse("reports:cell_texts_edit", args=[part.code]) + _query(plan, month),
            )
            for part in report.themes
        ]
        if user_can(request.user, Perm.EDIT_REPORTS)
        else [],
    }
    return render(request, "reports/theme_summary.html", context)


@require(Perm.EDIT_REPORTS)
@plan_required
def narratives_edit(request, plan, code: str):
    theme = Theme.objects.filter(plan=plan, code=code).first()
    if theme is None:
        raise Http404(f"There is no theme {code} in {plan.name}")
    month_form = _month_form(request, plan)
    if not month_form.is_valid():
        context = {"plan": plan, "theme": theme, "month_form": month_form, "forms": []}
        return render(request, "reports/narratives_edit.html", context, status=400)
    month = month_form.cleaned_data["month"]
    workstreams = list(theme.workstreams.order_by("order", "name"))
    saved = selectors.narratives_for(plan=plan, month=month)
    drafts = narrative_drafts(theme=theme, month=month)
    data = request.POST if request.method == "POST" else None
    forms = []
    for workstream in workstreams:
        narrative = saved.get(workstream.pk)
        if narrative is not None:
            initial = {n: getattr(narrative, n) for n in narrative.TEXT_FIELDS}
        else:
            # Nothing written yet: start from the month's own commentary (domain rules).
            draft = drafts.get(workstream.pk)
            initial = asdict(draft) if draft else {}
        form = NarrativeForm(data, initial=initial, prefix=f"ws{workstream.pk}")
        forms.append((workstream, form, narrative))
    if data is not None and all(form.is_valid() for _, form, _ in forms):
        try:
            changed = [
                services.workstream_narrative_save(
                    user=request.user, workstream=workstream, month=month, **form.cleaned_data
                )
                for workstream, form, _ in forms
            ]
        except ReportError as error:
            forms[0][1].add_error(None, str(error))
        else:
            count = sum(1 for c in changed if c is not None)
            messages.success(
                request,
                f"Saved {count} workstream narrative{'s' if count != 1 else ''} for "
                f"{theme.name}, {month_label(month)}."
                if count
                else "Nothing had changed, so nothing was saved.",
            )
            return redirect(reverse("reports:theme_summary") + _query(plan, month))
    errors = [(w, f) for w, f, _ in forms if f.errors]
    context = {
        "plan": plan,
        "theme": theme,
        "month": month,
        "month_label": month_label(month),
        "month_form": month_form,
        "forms": forms,
        "errors": errors,
    }
    return render(request, "reports/narratives_edit.html", context, status=400 if errors else 200)
