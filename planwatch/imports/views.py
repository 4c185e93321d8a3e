from django.shortcuts import render

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from .selectors import data_quality_report, import_run_latest


@require(Perm.VIEW_PLAN)
@plan_required
def data_quality(request, plan):
    import_run = import_run_latest(plan=plan)
    category = request.GET.get("category", "")
    report = data_quality_report(import_run=import_run, category=category) if import_run else None
    context = {"plan": plan, "import_run": import_run, "report": report, "category": category}
    return render(request, "imports/data_quality.html", context)
