"""PMO's settings for the Theme Progress Summary: the plan's default layout, the counts
behind the Theme Status Key's words, a theme's status for a month where PMO sets its own,
and PMO's wording of a theme's 2022 list cells."""

from dataclasses import asdict

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from planwatch.accounts.permissions import Perm, require
from planwatch.domain.theme_status import DEFAULT_THRESHOLDS
from planwatch.domain.theme_summary import month_label
from planwatch.plans.models import Theme
from planwatch.plans.views import plan_required
from planwatch.reports.errors import ReportError
from planwatch.reports.theme_summary import selectors, services
from planwatch.reports.theme_summary.build import report_month, theme_summary_build
from planwatch.reports.theme_summary.cell_texts import cell_texts_save
from planwatch.reports.theme_summary.forms import (
    CellTextsForm,
    PlanLayoutForm,
    ThemeStatusForm,
    ThresholdsForm,
)
from planwatch.reports.theme_summary.layout_2022 import computed_cells, headers
from planwatch.reports.theme_summary.overrides import theme_status_override_set
from planwatch.reports.theme_summary.thresholds import thresholds_for, thresholds_save


@require(Perm.EDIT_REPORTS)
@require_POST
@plan_required
def layout_set(request, plan):
    form = PlanLayoutForm(request.POST)
    if form.is_valid():
        layout = form.cleaned_data["layout"]
        changed = services.report_layout_set(user=request.user, plan=plan, layout=layout)
        label = dict(form.fields["layout"].choices)[layout]
        messages.success(
            request,
            f"The Theme Progress Summary now defaults to the {label} layout."
            if changed
            else "That layout was already the default, so nothing changed.",
        )
    else:
        messages.error(request, form.errors["layout"][0])
    return redirect(reverse("reports:index") + "?" + urlencode({"plan": plan.name}))


@require(Perm.EDIT_REPORTS)
@plan_required
def thresholds_edit(request, plan):
    current = asdict(thresholds_for(plan=plan))
    form = ThresholdsForm(request.POST if request.method == "POST" else None, initial=current)
    if form.is_valid():
        try:
            changed = thresholds_save(user=request.user, plan=plan, **form.cleaned_data)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Saved: every Theme Progress Summary now rates themes by these counts."
                if changed
                else "Nothing had changed, so nothing was saved.",
            )
            return redirect(reverse("reports:thresholds") + "?" + urlencode({"plan": plan.name}))
    status = 400 if form.errors else 200
    context = {"plan": plan, "form": form, "defaults": asdict(DEFAULT_THRESHOLDS)}
    return render(request, "reports/thresholds.html", context, status=status)


def _theme_month(request, plan, code: str):
    """The theme a page is about, the month asked for (else the newest with updates) and the
    theme's part of that month's summary; 404 for an unknown theme or a bad month."""
    theme = Theme.objects.filter(plan=plan, code=code).first()
    if theme is None:
        raise Http404(f"There is no theme {code} in {plan.name}")
    months = selectors.months_with_updates(plan=plan)
    asked = request.GET.get("month") or (f"{months[-1]:%Y-%m}" if months else "")
    try:
        month = report_month(asked)
    except ReportError as error:
        raise Http404(str(error)) from None
    part = next(p for p in theme_summary_build(plan=plan, month=month).themes if p.code == code)
    return theme, month, part


@require(Perm.EDIT_REPORTS)
@plan_required
def theme_status_edit(request, plan, code: str):
    theme, month, part = _theme_month(request, plan, code)
    current = part.status_override
    initial = {"rag": current.rag, "reason": current.reason} if current else {}
    form = ThemeStatusForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        try:
            changed = theme_status_override_set(
                user=request.user, theme=theme, month=month, **form.cleaned_data
            )
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Saved the status of {theme.name} for {month_label(month)}."
                if changed
                else "Nothing had changed, so nothing was saved.",
            )
            query = urlencode({"plan": plan.name, "month": f"{month:%Y-%m}"})
            return redirect(reverse("reports:theme_summary") + "?" + query)
    context = {
        "plan": plan,
        "theme": theme,
        "month": month,
        "month_label": month_label(month),
        "computed": part.figures.status,
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "reports/theme_status_edit.html", context, status=status)


@require(Perm.EDIT_REPORTS)
@plan_required
def cell_texts_edit(request, plan, code: str):
    """PMO's wording of one theme's 2022 achievements and milestones cells for a month,
    started from the computed lists until saved."""
    theme, month, part = _theme_month(request, plan, code)
    achievements, milestones = computed_cells(part)
    saved = part.cell_texts
    initial = {
        "achievements": (saved.achievements if saved else "") or achievements,
        "milestones_due": (saved.milestones_due if saved else "") or milestones,
    }
    form = CellTextsForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        # Saving the computed list unchanged is no wording of PMO's own: keep it computed.
        computed = {"achievements": achievements, "milestones_due": milestones}
        texts = {
            name: "" if data[name].strip() == computed[name].strip() else data[name]
            for name in computed
        }
        try:
            changed = cell_texts_save(user=request.user, theme=theme, month=month, **texts)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Saved the achievements and milestones of {theme.name} for {month_label(month)}."
                if changed
                else "Nothing had changed, so nothing was saved.",
            )
            query = urlencode({"plan": plan.name, "month": f"{month:%Y-%m}", "layout": "2022"})
            return redirect(reverse("reports:theme_summary") + "?" + query)
    context = {
        "plan": plan,
        "theme": theme,
        "month": month,
        "month_label": month_label(month),
        "headers": headers(month),
        "saved": saved,
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "reports/cell_texts_edit.html", context, status=status)
