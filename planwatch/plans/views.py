"""The plan's pages: thin views that validate input, call a selector and render."""

from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from planwatch.accounts.permissions import Perm, require

from . import selectors
from .forms import ActionFilterForm
from .models import Action, Theme
from .page_parts import action_page_parts

ACTIONS_PER_PAGE = 50


def plan_required(view):
    """Pass the plan being browsed (?plan=NAME, else the first) or say none is imported yet."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        name = request.GET.get("plan", "")
        plan = selectors.plan_for_page(name=name)
        if plan is None:
            context = {"plans": selectors.plan_list(), "asked_for": name}
            return render(request, "plans/no_plan.html", context, status=404 if name else 200)
        return view(request, plan, *args, **kwargs)

    return wrapper


@require(Perm.VIEW_PLAN)
@plan_required
def overview(request, plan):
    context = {
        "plan": plan,
        "overview": selectors.plan_overview(plan=plan),
        "plans": selectors.plan_list(),
    }
    return render(request, "plans/overview.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def theme_detail(request, plan, code: str):
    try:
        theme = selectors.theme_get(plan=plan, code=code)
    except Theme.DoesNotExist:
        raise Http404(f"There is no theme {code} in {plan}") from None
    workstreams = selectors.theme_workstreams(theme=theme)
    context = {"plan": plan, "theme": theme, "workstreams": workstreams}
    return render(request, "plans/theme_detail.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def action_list(request, plan):
    form = ActionFilterForm(request.GET, themes=selectors.theme_list(plan=plan))
    page = None
    if form.is_valid():
        actions = selectors.action_list(
            plan=plan, today=timezone.localdate(), **form.selector_kwargs()
        )
        page = Paginator(actions, ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"plan": plan, "form": form, "page": page}
    return render(request, "plans/action_list.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def action_detail(request, plan, ref: str):
    try:
        action = selectors.action_get(plan=plan, ref=ref)
    except Action.DoesNotExist:
        raise Http404(f"There is no action {ref} in {plan}") from None
    context = {
        "plan": plan,
        "action": action,
        "recommendations": list(action.recommendations.order_by("source", "kind", "number")),
        # Import warnings and the action's risk come from the apps above the register.
        **action_page_parts(request, action),
    }
    return render(request, "plans/action_detail.html", context)
