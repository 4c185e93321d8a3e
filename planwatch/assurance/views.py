"""The assurance page: for a month, every rating that disagrees with the council's own
definitions, per theme; PMO dismisses a flag with a reason or undoes a dismissal.

Thin views: a form collects the input, the selector works the flags out, the services write
(PermissionDenied becomes the 403 page; a DismissalError lands beside the reason).
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from planwatch.accounts.permissions import Perm, require, user_can
from planwatch.domain.rating_checks import label
from planwatch.domain.spreadsheet_csv import csv_lines
from planwatch.plans.models import Action
from planwatch.plans.views import plan_required

from . import selectors, services
from .forms import DismissForm, MonthForm, month_value
from .models import FlagDismissal

CSV_HEADER = [
    "month",
    "theme",
    "ref",
    "title",
    "flag",
    "rated",
    "implied",
    "reason",
    "dismissed",
    "dismissed_by",
    "dismissal_reason",
]


def _month_form(request, plan):
    months = selectors.assurance_months(plan=plan)
    data = request.GET if request.GET.get("month") else None
    if data is None and months:
        data = {"month": month_value(months[0])}
    return MonthForm(data, months=months), months


def _page(request, plan, *, month_form, months, dismiss_form=None, failed=None, status=200):
    result = None
    if month_form.is_bound and month_form.is_valid():
        result = selectors.assurance_flags(plan=plan, month=month_form.chosen())
    context = {
        "plan": plan,
        "form": month_form,
        "months": months,
        "result": result,
        "can_dismiss": user_can(request.user, Perm.DISMISS_FLAGS),
        "dismiss_form": dismiss_form,
        "failed": failed,
    }
    return render(request, "assurance/index.html", context, status=status)


@require(Perm.VIEW_PLAN)
@plan_required
def index(request, plan):
    month_form, months = _month_form(request, plan)
    return _page(request, plan, month_form=month_form, months=months)


def _index_url(request, month) -> str:
    query = {"month": month_value(month)}
    if request.GET.get("plan"):
        query["plan"] = request.GET["plan"]
    return reverse("assurance:index") + "?" + urlencode(query)


@require(Perm.DISMISS_FLAGS)
@require_POST
@plan_required
def dismiss(request, plan):
    form = DismissForm(request.POST)
    months = selectors.assurance_months(plan=plan)
    month_data = {"month": request.POST.get("month", "")}
    if form.is_valid():
        data = form.cleaned_data
        action = Action.objects.filter(plan=plan, ref=data["ref"]).first()
        if action is None:
            raise Http404(f"There is no action {data['ref']} in {plan.name}")
        try:
            services.flag_dismiss(
                user=request.user,
                action=action,
                month=data["month"],
                kind=data["kind"],
                reason=data["reason"],
            )
        except services.DismissalError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Flag on {action.ref} dismissed.")
            return redirect(_index_url(request, data["month"]))
    # The flag whose form failed, as FlagRow.form_id names it, to show the error beside it.
    failed = f"{request.POST.get('ref', '').replace('.', '-')}-{request.POST.get('kind', '')}"
    return _page(
        request,
        plan,
        month_form=MonthForm(month_data, months=months),
        months=months,
        dismiss_form=form,
        failed=failed,
        status=400,
    )


@require(Perm.DISMISS_FLAGS)
@require_POST
def undo(request, pk: int):
    dismissal = FlagDismissal.objects.select_related("action").filter(pk=pk).first()
    if dismissal is None:
        raise Http404(f"There is no dismissal #{pk}")
    month, ref = dismissal.month, dismissal.action.ref
    services.flag_dismissal_undo(user=request.user, dismissal=dismissal)
    messages.success(request, f"Dismissal undone: the flag on {ref} is open again.")
    return redirect(_index_url(request, month))


@require(Perm.VIEW_PLAN)
@plan_required
def export_csv(request, plan):
    month_form, _months = _month_form(request, plan)
    if not (month_form.is_bound and month_form.is_valid()):
        raise Http404("Choose a month that has monthly updates")
    result = selectors.assurance_flags(plan=plan, month=month_form.chosen())
    rows = []
    for theme in result.themes:
        for row in [*theme.open, *theme.dismissed]:
            dismissal = row.dismissal
            rows.append(
                [
                    month_value(result.month),
                    theme.theme.code,
                    row.ref,
                    row.title,
                    row.kind_label,
                    label(row.flag.rated) if row.flag.rated else "",
                    label(row.flag.implied) if row.flag.implied else "",
                    row.flag.reason,
                    "yes" if dismissal else "no",
                    dismissal.dismissed_by.get_username() if dismissal else "",
                    dismissal.reason if dismissal else "",
                ]
            )
    response = HttpResponse(
        "".join(csv_lines(CSV_HEADER, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="planwatch-assurance-{month_value(result.month)}.csv"'
    )
    return response
