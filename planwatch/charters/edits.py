"""PMO's edit pages for a charter's objectives, key deliverables and evidence of success."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from . import selectors, services
from .edit_pages import detail_url, form_page, posted, remove_page, run
from .forms import CharterForm, ItemForm
from .models import ThemeCharter
from .views import theme_or_404

ITEM_NAMES = {"deliverables": "key deliverable", "measures": "evidence of success measure"}


@require(Perm.EDIT_CHARTERS)
@plan_required
def charter_edit(request, plan, code: str):
    theme = theme_or_404(plan, code)
    charter = ThemeCharter.objects.filter(theme=theme).first()
    form = CharterForm(
        posted(request),
        initial={
            "objectives": charter.objectives if charter else "",
            "success_intro": charter.success_intro if charter else "",
            "version": charter.version if charter else 0,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.charter_edit(
                user=request.user,
                theme=theme,
                objectives=data["objectives"],
                success_intro=data["success_intro"],
                expected_version=data["version"],
            ),
        ):
            messages.success(request, f"Objectives of {theme.name} saved")
            return redirect(detail_url(request, theme, "objectives"))
    return form_page(
        request, plan=plan, theme=theme, form=form, heading="Edit objectives", submit="Save"
    )


def _item_model(kind: str):
    if kind not in services.ITEM_MODELS:
        raise Http404(f"A charter has no list called {kind}")
    return services.ITEM_MODELS[kind]


def _item_or_404(theme, kind: str, pk: int):
    try:
        return selectors.item_get(theme=theme, model=_item_model(kind), pk=pk)
    except ObjectDoesNotExist:
        raise Http404(f"There is no {ITEM_NAMES[kind]} #{pk} in {theme.code}'s charter") from None


@require(Perm.EDIT_CHARTERS)
@plan_required
def item_add(request, plan, code: str, kind: str):
    theme = theme_or_404(plan, code)
    _item_model(kind)
    form = ItemForm(posted(request), kind=kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.item_add(
                user=request.user,
                theme=theme,
                kind=kind,
                text=data["text"],
                nested=data.get("nested", False),
            ),
        ):
            messages.success(request, f"{ITEM_NAMES[kind].capitalize()} added")
            return redirect(detail_url(request, theme, kind))
    heading = f"Add {'an' if kind == 'measures' else 'a'} {ITEM_NAMES[kind]}"
    return form_page(request, plan=plan, theme=theme, form=form, heading=heading, submit="Add")


@require(Perm.EDIT_CHARTERS)
@plan_required
def item_edit(request, plan, code: str, kind: str, pk: int):
    theme = theme_or_404(plan, code)
    item = _item_or_404(theme, kind, pk)
    initial = {
        "text": item.text,
        "version": item.version,
        "nested": bool(getattr(item, "level", 0)),
    }
    form = ItemForm(posted(request), initial=initial, kind=kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            form,
            lambda: services.item_edit(
                user=request.user,
                item=item,
                text=data["text"],
                nested=data.get("nested", False),
                expected_version=data["version"] or 0,
            ),
        ):
            messages.success(request, f"{ITEM_NAMES[kind].capitalize()} saved")
            return redirect(detail_url(request, theme, kind))
    heading = f"Edit {'an' if kind == 'measures' else 'a'} {ITEM_NAMES[kind]}"
    return form_page(
        request, plan=plan, theme=theme, form=form, heading=heading, submit="Save", anchor=kind
    )


@require(Perm.EDIT_CHARTERS)
@plan_required
def item_remove(request, plan, code: str, kind: str, pk: int):
    theme = theme_or_404(plan, code)
    item = _item_or_404(theme, kind, pk)
    return remove_page(
        request, plan=plan, theme=theme, item=item, name=ITEM_NAMES[kind], anchor=kind
    )
