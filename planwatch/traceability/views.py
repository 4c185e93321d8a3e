import csv
import io
import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from .selectors import STATES, recommendation_detail, traceability_report


@require(Perm.VIEW_PLAN)
@plan_required
def index(request, plan):
    report = traceability_report(plan=plan, state=request.GET.get("state", ""))
    fmt = request.GET.get("format", "")
    if fmt in {"json", "csv"}:
        return _download(report, fmt, plan)
    context = {"plan": plan, "report": report, "states": STATES}
    return render(request, "traceability/index.html", context)


@require(Perm.VIEW_PLAN)
@plan_required
def recommendation(request, plan, pk):
    found = recommendation_detail(plan=plan, pk=pk)
    if found is None:
        raise Http404("No such recommendation in this plan")
    row, references = found
    context = {"plan": plan, "row": row, "references": references}
    return render(request, "traceability/recommendation.html", context)


def _download(report, fmt: str, plan) -> HttpResponse:
    name = f"traceability-{slugify(plan.name)}.{fmt}"
    if fmt == "json":
        body = json.dumps(report.as_dict(), indent=2, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json")
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "Review",
                "Recommendation",
                "State",
                "Action",
                "Action title",
                "Latest status",
                "Action delivered",
                "Sub-actions",
                "Sub-actions delivered",
            ]
        )
        for group in report.reviews:
            for rec in group.recommendations:
                rows = rec.actions or [None]
                for action in rows:
                    writer.writerow(
                        [rec.review, rec.label, rec.state_label]
                        + (
                            [
                                action.ref,
                                action.title,
                                action.latest_status,
                                "yes" if action.delivered else "no",
                                len(action.sub_actions),
                                action.sub_actions_delivered,
                            ]
                            if action
                            else ["", "", "", "", "", ""]
                        )
                    )
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
