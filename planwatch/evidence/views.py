"""Adding evidence to an action, and downloading it: never from MEDIA_URL, always through
a signed-in, permission-checked view that serves the file as an attachment."""

from urllib.parse import urlencode

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from planwatch.accounts.permissions import Perm, check, require
from planwatch.plans.models import Action
from planwatch.plans.views import plan_required

from . import selectors, services
from .forms import EvidenceForm
from .models import Evidence


@require_http_methods(["GET", "POST"])
@require(Perm.VIEW_PLAN)
@plan_required
def evidence_add(request, plan, ref: str):
    try:
        action = Action.objects.get(plan=plan, ref=ref)
    except Action.DoesNotExist:
        raise Http404(f"There is no action {ref} in {plan}") from None
    check(request.user, Perm.ADD_EVIDENCE, action)
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES, action=action)
        if form.is_valid() and _add(request, form, action):
            return redirect(_action_url(request, action) + "#evidence")
    else:
        form = EvidenceForm(action=action, initial={"progress_update": request.GET.get("update")})
    context = {"plan": plan, "action": action, "form": form}
    return render(request, "evidence/add.html", context)


def _add(request, form: EvidenceForm, action: Action) -> bool:
    data = form.cleaned_data
    common = {
        "user": request.user,
        "action": action,
        "title": data["title"],
        "shows_success_measures": data["shows_success_measures"],
        "progress_update": data["progress_update"],
    }
    try:
        if data["file"]:
            services.evidence_add_file(upload=data["file"], **common)
        else:
            services.evidence_add_link(url=data["url"], **common)
    except services.EvidenceRefused as refusal:
        form.add_error(refusal.field, refusal.message)
        return False
    return True


def _action_url(request, action: Action) -> str:
    url = reverse("plans:action_detail", args=[action.ref])
    plan = request.GET.get("plan")
    return url + ("?" + urlencode({"plan": plan}) if plan else "")


@require_GET
@require(Perm.VIEW_PLAN)
def evidence_download(request, pk: int):
    try:
        evidence = selectors.evidence_get(pk=pk)
    except Evidence.DoesNotExist:
        raise Http404("There is no such evidence") from None
    if not evidence.file:
        raise Http404("This evidence is a link, not a file")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(
            "The file for this evidence is missing from storage: tell the programme office"
        ) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
