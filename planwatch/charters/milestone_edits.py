"""PMO's edit pages for a charter's key milestones and the actions that deliver them."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from . import selectors, services
from .edit_pages import detail_url, form_page, posted, remove_page, run
from .forms import MilestoneForm
from .models import KeyMilestone
from .views import theme_or_404


def _milestone_or_404(theme, pk: int) -> KeyMilestone:
    try:
        return selectors.milestone_get(theme=theme, pk=pk)
    except KeyMilestone.DoesNotExist:
        raise Http404(f"There is no key milestone #{pk} in {theme.code}'s charter") from None


@require(Perm.EDIT_CHARTERS)
@plan_required
def milestone_add(request, plan, code: str):
    theme = theme_or_404(plan, code)
    form = MilestoneForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.milestone_add(
                user=request.user,
                theme=theme,
                text=data["text"],
                due_text=data["due_text"],
                action_refs=data["action_refs"],
            ),
        ):
            messages.success(request, "Key milestone added")
            return redirect(detail_url(request, theme, "milestones"))
    return form_page(
        request, plan=plan, theme=theme, form=form, heading="Add a key milestone", submit="Add"
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def milestone_edit(request, plan, code: str, pk: int):
    theme = theme_or_404(plan, code)
    milestone = _milestone_or_404(theme, pk)
    form = MilestoneForm(
        posted(request),
        initial={
            "text": milestone.text,
            "due_text": milestone.due_text,
            "action_refs": ", ".join(
                milestone.actions.order_by("sort_key").values_list("ref", flat=True)
            ),
            "version": milestone.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.milestone_edit(
                user=request.user,
                milestone=milestone,
                text=data["text"],
                due_text=data["due_text"],
                action_refs=data["action_refs"],
                expected_version=data["version"] or 0,
            ),
        ):
            messages.success(request, "Key milestone saved")
            return redirect(detail_url(request, theme, f"milestone-{milestone.pk}"))
    return form_page(
        request,
        plan=plan,
        theme=theme,
        form=form,
        heading="Edit a key milestone",
        submit="Save",
        anchor=f"milestone-{milestone.pk}",
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def milestone_remove(request, plan, code: str, pk: int):
    theme = theme_or_404(plan, code)
    milestone = _milestone_or_404(theme, pk)
    return remove_page(
        request, plan=plan, theme=theme, item=milestone, name="key milestone", anchor="milestones"
    )
