"""PMO's edit pages for a charter's workstreams and their aims."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from . import selectors, services
from .edit_pages import detail_url, form_page, posted, remove_page, run
from .forms import WorkstreamForm
from .models import CharterWorkstream
from .views import theme_or_404


def _workstream_or_404(theme, pk: int) -> CharterWorkstream:
    try:
        return selectors.item_get(theme=theme, model=CharterWorkstream, pk=pk)
    except CharterWorkstream.DoesNotExist:
        raise Http404(f"There is no workstream #{pk} in {theme.code}'s charter") from None


def _form(request, theme, initial=None) -> WorkstreamForm:
    return WorkstreamForm(
        posted(request), initial=initial, workstreams=selectors.tracker_workstreams(theme=theme)
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def workstream_add(request, plan, code: str):
    theme = theme_or_404(plan, code)
    form = _form(request, theme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.workstream_add(
                user=request.user,
                theme=theme,
                name=data["name"],
                aim=data["aim"],
                workstream_id=data["workstream"],
            ),
        ):
            messages.success(request, "Workstream added")
            return redirect(detail_url(request, theme, "workstreams"))
    return form_page(
        request, plan=plan, theme=theme, form=form, heading="Add a workstream", submit="Add"
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def workstream_edit(request, plan, code: str, pk: int):
    theme = theme_or_404(plan, code)
    item = _workstream_or_404(theme, pk)
    initial = {
        "name": item.name,
        "aim": item.aim,
        "workstream": item.workstream_id or "",
        "version": item.version,
    }
    form = _form(request, theme, initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.workstream_edit(
                user=request.user,
                item=item,
                name=data["name"],
                aim=data["aim"],
                workstream_id=data["workstream"],
                expected_version=data["version"] or 0,
            ),
        ):
            messages.success(request, "Workstream saved")
            return redirect(detail_url(request, theme, "workstreams"))
    return form_page(
        request,
        plan=plan,
        theme=theme,
        form=form,
        heading="Edit a workstream",
        submit="Save",
        anchor="workstreams",
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def workstream_remove(request, plan, code: str, pk: int):
    theme = theme_or_404(plan, code)
    item = _workstream_or_404(theme, pk)
    return remove_page(
        request, plan=plan, theme=theme, item=item, name="workstream", anchor="workstreams"
    )
