"""The audit trail's pages: an action's history, and the CSV export for auditors."""

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from planwatch.accounts.permissions import Perm, require
from planwatch.domain.spreadsheet_csv import csv_lines
from planwatch.plans.models import Action
from planwatch.plans.views import plan_required

from . import selectors
from .forms import AuditExportForm


@require_GET
@require(Perm.VIEW_AUDIT)
def index(request):
    return render(request, "audit/index.html", {"form": AuditExportForm()})


@require_GET
@require(Perm.VIEW_AUDIT)
def export_csv(request):
    form = AuditExportForm(request.GET)
    if not form.is_valid():
        return render(request, "audit/index.html", {"form": form}, status=400)
    start, end = form.period()
    rows = selectors.change_rows(start=start, end=end)
    response = StreamingHttpResponse(
        csv_lines(selectors.CSV_HEADER, rows), content_type="text/csv; charset=utf-8"
    )
    period = "-to-".join(
        str(form.cleaned_data[name] or edge) for name, edge in (("from", "start"), ("to", "now"))
    )
    response["Content-Disposition"] = f'attachment; filename="planwatch-audit-{period}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@require(Perm.VIEW_AUDIT)
@plan_required
def action_history(request, plan, ref: str):
    try:
        action = Action.objects.select_related("theme").get(plan=plan, ref=ref)
    except Action.DoesNotExist:
        raise Http404(f"There is no action {ref} in {plan}") from None
    context = {
        "plan": plan,
        "action": action,
        "entries": selectors.action_history(action=action),
    }
    return render(request, "audit/action_history.html", context)
