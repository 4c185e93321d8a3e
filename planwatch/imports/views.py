from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from .selectors import data_quality_report, import_run_latest
from .tracker_export import tracker_export_bytes


@require(Perm.VIEW_PLAN)
@plan_required
def data_quality(request, plan):
    import_run = import_run_latest(plan=plan)
    category = request.GET.get("category", "")
    report = data_quality_report(import_run=import_run, category=category) if import_run else None
    context = {"plan": plan, "import_run": import_run, "report": report, "category": category}
    return render(request, "imports/data_quality.html", context)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require(Perm.VIEW_PLAN)
@plan_required
def tracker_export(request, plan):
    response = HttpResponse(tracker_export_bytes(plan=plan), content_type=XLSX)
    name = f"{slugify(plan.name) or 'plan'}-tracker.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
