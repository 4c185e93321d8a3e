"""What PMO's charter edit pages share: a form page, a confirm-removal page, running a service.

A CharterError lands beside the field it is about in the GOV.UK error summary; an
EditConflict shows what the other person saved and lets the officer try again from there.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from planwatch.plans.concurrency import EditConflict

from . import services
from .errors import CharterError
from .forms import RemoveForm


def detail_url(request, theme, anchor: str = "") -> str:
    url = reverse("charters:detail", args=[theme.code])
    if request.GET.get("plan"):
        url += "?" + urlencode({"plan": request.GET["plan"]})
    return url + (f"#{anchor}" if anchor else "")


def posted(request):
    return request.POST if request.method == "POST" else None


def form_page(request, *, plan, theme, form, heading, submit, current=None, anchor=""):
    context = {
        "plan": plan,
        "theme": theme,
        "form": form,
        "heading": heading,
        "submit": submit,
        "current": current,
        "back_url": detail_url(request, theme, anchor),
        "first_field_href": "#"
        + next((field.auto_id for field in form.visible_fields()), "main-content"),
    }
    return render(request, "charters/edit.html", context, status=400 if form.errors else 200)


def run(form, write) -> bool:
    """Call the service; put its refusal on the form. True when the write was made."""
    try:
        write()
        return True
    except CharterError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        form.data = form.data.copy()
        form.data["version"] = conflict.current.version
        form.conflict = conflict.current
    return False


def remove_page(request, *, plan, theme, item, name: str, anchor: str):
    form = RemoveForm(posted(request), initial={"version": item.version})
    if (
        request.method == "POST"
        and form.is_valid()
        and run(
            form,
            lambda: services.item_remove(
                user=request.user, item=item, expected_version=form.cleaned_data["version"] or 0
            ),
        )
    ):
        messages.success(request, f"{name.capitalize()} removed")
        return redirect(detail_url(request, theme, anchor))
    return form_page(
        request,
        plan=plan,
        theme=theme,
        form=form,
        heading=f"Remove this {name}?",
        submit=f"Remove {name}",
        current=item,
        anchor=anchor,
    )
