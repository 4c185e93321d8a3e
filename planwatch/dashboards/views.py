"""The dashboard page: thin, the selectors build every chart."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.models import Theme
from planwatch.plans.selectors import theme_get, theme_list
from planwatch.plans.views import plan_required

from . import selectors


@require(Perm.VIEW_PLAN)
@plan_required
def index(request, plan):
    code = request.GET.get("theme", "")
    theme = None
    if code:
        try:
            theme = theme_get(plan=plan, code=code)
        except Theme.DoesNotExist:
            raise Http404(f"There is no theme {code} in {plan}") from None
    months = selectors.plan_months(plan=plan)
    theme_charts = []
    if theme is None:
        theme_charts = selectors.status_distribution_by_theme(plan=plan, months=months)
    context = {
        "plan": plan,
        "themes": theme_list(plan=plan),
        "theme": theme,
        "months": months,
        "status_chart": selectors.status_distribution_chart(plan=plan, months=months, theme=theme),
        "theme_charts": theme_charts,
        "overdue_chart": selectors.overdue_chart(plan=plan, months=months, theme=theme),
        "burnup_chart": selectors.burnup_chart(plan=plan, months=months, theme=theme),
        "slippage": selectors.slippage_rows(plan=plan, today=timezone.localdate(), theme=theme),
    }
    return render(request, "dashboards/index.html", context)
