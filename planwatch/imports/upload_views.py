"""The browser import's pages: upload, the preview with its progress, confirm or cancel."""

import contextlib
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from planwatch.accounts.permissions import Perm, require
from planwatch.plans.views import plan_required

from . import selectors, uploads
from .forms import TrackerUploadForm


@require_http_methods(["GET", "POST"])
@require(Perm.IMPORT_TRACKER)
@plan_required
def tracker_upload(request, plan):
    refusal = ""
    if request.method == "POST":
        too_big = _declared_size(request) > uploads.max_upload_bytes() + 64 * 1024
        form = TrackerUploadForm() if too_big else TrackerUploadForm(request.POST, request.FILES)
        if too_big:
            form.add_error(None, _too_big_message())
        elif form.is_valid():
            chosen = form.cleaned_data["file"]
            try:
                upload = uploads.tracker_upload_start(
                    plan=plan, user=request.user, name=chosen.name, content=chosen.read()
                )
            except uploads.UploadRefused as why:
                refusal = str(why)
                form.add_error("file", refusal)
            else:
                return redirect(_upload_url(request, upload.pk))
    else:
        form = TrackerUploadForm()
    context = {
        "plan": plan,
        "form": form,
        "open_upload": selectors.tracker_upload_open(plan=plan),
        "import_runs": selectors.import_runs_list(plan=plan),
    }
    return render(request, "imports/upload.html", context, status=400 if form.errors else 200)


@require_GET
@require(Perm.IMPORT_TRACKER)
@plan_required
def tracker_upload_detail(request, plan, pk: int):
    upload = _upload(plan, pk)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "state": upload.state,
                "state_label": upload.get_state_display(),
                "working": upload.is_working,
                "rows_read": upload.rows_read,
                "rows_total": upload.rows_total,
            }
        )
    return render(request, "imports/upload_detail.html", {"plan": plan, "upload": upload})


@require(Perm.IMPORT_TRACKER)
@require_POST
@plan_required
def tracker_upload_confirm(request, plan, pk: int):
    upload = _upload(plan, pk)
    # A refused confirm leaves its reason on the upload (or a new state), which the page shows.
    with contextlib.suppress(uploads.UploadRefused):
        uploads.tracker_upload_confirm(upload=upload, user=request.user)
    return redirect(_upload_url(request, pk))


@require(Perm.IMPORT_TRACKER)
@require_POST
@plan_required
def tracker_upload_cancel(request, plan, pk: int):
    upload = _upload(plan, pk)
    try:
        uploads.tracker_upload_cancel(upload=upload, user=request.user)
    except uploads.UploadRefused:
        return redirect(_upload_url(request, pk))
    messages.success(
        request, f"The import of {upload.file.name} was cancelled; nothing was written"
    )
    return redirect(_plan_url(request, "imports:tracker_upload"))


@require_GET
@require(Perm.IMPORT_TRACKER)
@plan_required
def import_run_original(request, plan, pk: int):
    run = selectors.import_run_original(plan=plan, pk=pk)
    if run is None or run.original is None:
        raise Http404("This import has no original file on record")
    response = HttpResponse(bytes(run.original.content), content_type="application/octet-stream")
    name = run.original.name.replace('"', "") or f"{slugify(plan.name)}-import-{run.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _upload(plan, pk: int):
    upload = selectors.tracker_upload_get(plan=plan, pk=pk)
    if upload is None:
        raise Http404("There is no such upload for this plan")
    return upload


def _declared_size(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _too_big_message() -> str:
    limit = uploads.max_upload_bytes() / (1024 * 1024)
    return f"The file is larger than the {limit:.0f} MB limit; nothing was uploaded"


def _plan_url(request, name: str, *args) -> str:
    url = reverse(name, args=args)
    plan = request.GET.get("plan")
    return f"{url}?{urlencode({'plan': plan})}" if plan else url


def _upload_url(request, pk: int) -> str:
    return _plan_url(request, "imports:tracker_upload_detail", pk)
