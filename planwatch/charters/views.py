"""Theme charters' read pages: every theme's charter in summary, and one theme's in full."""

from django.http import Http404
from django.shortcuts import render

from planwatch.accounts.permissions import Perm, require, user_can
from planwatch.plans.models import Theme
from planwatch.plans.views import plan_required

from . import selectors


def theme_or_404(plan, code: str) -> Theme:
    try:
        return selectors.theme_get(plan=plan, code=code)
    except Theme.DoesNotExist:
        raise Http404(f"There is no theme {code} in {plan}") from None


@require(Perm.VIEW_PLAN)
@plan_required
def index(request, plan):
    context = {"plan": plan, "summaries": selectors.charter_index(plan=plan)}
    return render(request, "charters/index.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def detail(request, plan, code: str):
    theme = theme_or_404(plan, code)
    context = {
        "plan": plan,
        "theme": theme,
        "detail": selectors.charter_detail(theme=theme),
        "can_edit": user_can(request.user, Perm.EDIT_CHARTERS),
    }
    return render(request, "charters/detail.html", context)
