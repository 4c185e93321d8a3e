"""The risk register's reading pages, for anyone with a role: the register, one risk, the
heatmap, the matrix and main actions' risks. The writing pages are in edit_views.py.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.permissions import Perm, require, user_can
from planwatch.plans import selectors as plan_selectors
from planwatch.plans.views import plan_required

from . import selectors
from .forms import HeatmapForm, RegisterFilterForm, month_value
from .matrix import matrix_get
from .models import Risk


def risk_or_404(pk: int) -> Risk:
    try:
        return selectors.risk_get(pk=pk)
    except Risk.DoesNotExist:
        raise Http404(f"There is no risk #{pk}") from None


def plan_query(plan) -> str:
    return "?" + urlencode({"plan": plan.name})


def detail_url(risk: Risk) -> str:
    return reverse("risks:detail", args=[risk.pk]) + plan_query(risk.plan)


# --- Reading -------------------------------------------------------------------------------


@require(Perm.VIEW_PLAN)
@plan_required
def register(request, plan):
    form = RegisterFilterForm(
        request.GET,
        themes=plan_selectors.theme_list(plan=plan),
        months=selectors.review_months(plan=plan),
    )
    rows = None
    if form.is_valid():
        rows = selectors.register_list(
            plan=plan, today=timezone.localdate(), **form.selector_kwargs()
        )
    filters = form.cleaned_data if form.is_valid() else {}
    context = {
        "plan": plan,
        "form": form,
        "rows": rows,
        "as_at": filters.get("month"),
        "cell": form.selector_kwargs()["cell"] if form.is_valid() else None,
        "can_manage": user_can(request.user, Perm.MANAGE_RISKS),
    }
    return render(request, "risks/register.html", context)


@require(Perm.VIEW_PLAN)
def risk_detail(request, pk: int):
    risk = risk_or_404(pk)
    matrix = matrix_get()
    context = {
        "plan": risk.plan,
        "risk": risk,
        "row": selectors.risk_row(risk=risk, today=timezone.localdate()),
        "history": selectors.risk_review_history(risk=risk, matrix=matrix),
        "matrix": matrix,
        "can_manage": user_can(request.user, Perm.MANAGE_RISKS),
    }
    return render(request, "risks/detail.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def heatmap(request, plan):
    form = HeatmapForm(request.GET, months=selectors.review_months(plan=plan))
    month = form.cleaned_data["month"] if form.is_valid() else None
    data = selectors.heatmap_counts(plan=plan, month=month)
    headers, table_rows = data.table()
    context = {
        "plan": plan,
        "form": form,
        "heatmap": data,
        "month_value": month_value(month),
        "table_headers": headers,
        "table_rows": table_rows,
        "svg": _heatmap_svg_layout(data),
    }
    return render(request, "risks/heatmap.html", context)


def _heatmap_svg_layout(data) -> dict:
    """Coordinates for the SVG drawing (cells 120 x 80, room for axis labels)."""
    left, top, width, height = 150, 20, 130, 80
    cells = []
    for r, row in enumerate(data.rows):
        for c, cell in enumerate(row):
            x, y = left + c * width, top + r * height
            cells.append(
                {"cell": cell, "x": x, "y": y, "cx": x + width // 2, "cy": y + height // 2}
            )
    impact_labels = [
        {
            "y": top + r * height + height // 2,
            "text": f"{row[0].impact} {data.matrix.impact[row[0].impact].label}",
        }
        for r, row in enumerate(data.rows)
    ]
    likelihood_labels = [
        {"x": left + c * width + width // 2, "text": f"{lk} {data.matrix.likelihood[lk].label}"}
        for c, lk in enumerate((1, 2, 3, 4))
    ]
    bottom = top + 4 * height
    return {
        "cells": cells,
        "impact_labels": impact_labels,
        "likelihood_labels": likelihood_labels,
        "width": left + 4 * width + 10,
        "height": bottom + 70,
        "w": width,
        "h": height,
        "label_x": left - 10,
        "axis_y": bottom + 24,
        "axis_title_y": bottom + 56,
        "axis_title_x": left + 2 * width,
        "impact_title_x": 18,
        "impact_title_y": top + 2 * height,
    }


@require(Perm.VIEW_PLAN)
@plan_required
def matrix(request, plan):
    context = {
        "plan": plan,
        "matrix": matrix_get(),
        "can_edit": request.user.is_staff and request.user.has_perm("risks.change_riskbands"),
    }
    return render(request, "risks/matrix.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def action_scores(request, plan):
    theme = request.GET.get("theme", "")
    themes = plan_selectors.theme_list(plan=plan)
    if theme not in {t.code for t in themes}:
        theme = ""
    context = {
        "plan": plan,
        "themes": themes,
        "theme": theme,
        "rows": selectors.main_action_risk_list(plan=plan, theme=theme),
        "can_manage": user_can(request.user, Perm.MANAGE_RISKS),
    }
    return render(request, "risks/action_scores.html", context)
