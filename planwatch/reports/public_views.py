"""The public pages: published editions the PMO has made public, readable with no sign-in,
and the accessibility statement. Each shows only what the edition holds."""

from functools import wraps

from csp.decorators import csp
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from planwatch.reports.models import EditionFile, PublicEdition
from planwatch.reports.public import public_edition_get, public_editions_list, public_file_get
from planwatch.reports.rendering.files import CONTENT_TYPES, report_download
from planwatch.reports.throttle import per_address_limited

# Long enough to spare the server a reader's repeat visits, short enough that a withdrawal
# reaches the public within minutes.
MAX_AGE = 300
# The report to read first, then the downloads most readers want.
FILE_ORDER = {"html": 0, "pdf": 1, "docx": 2, "json": 3}


def public_page(view):
    """Anyone may GET it; limited per address; cacheable by browsers and proxies."""

    @require_safe
    @per_address_limited
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 304, 410):
            response["Cache-Control"] = f"public, max-age={MAX_AGE}"
        return response

    return wrapper


@public_page
def index(request):
    return render(request, "reports/public/index.html", {"editions": public_editions_list()})


def _public_or_404(pk: int) -> PublicEdition:
    try:
        return public_edition_get(pk=pk)
    except PublicEdition.DoesNotExist:
        raise Http404 from None


@public_page
def edition(request, pk: int):
    public = _public_or_404(pk)
    page = "withdrawn" if public.is_withdrawn else "edition"
    files = sorted(public.edition.files.all(), key=lambda f: FILE_ORDER.get(f.format, 9))
    return render(
        request,
        f"reports/public/{page}.html",
        {"public": public, "edition": public.edition, "files": files},
        status=410 if public.is_withdrawn else 200,
    )


# The report's own HTML, shown as published: its styles are inline, and it may run nothing
# and fetch nothing.
@csp(
    {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
)
def _report_html(body: bytes) -> HttpResponse:
    return HttpResponse(body, content_type=CONTENT_TYPES["html"])


@public_page
def edition_file(request, pk: int, fmt: str):
    public = _public_or_404(pk)
    if public.is_withdrawn:
        return render(
            request,
            "reports/public/withdrawn.html",
            {"public": public, "edition": public.edition},
            status=410,
        )
    try:
        file = public_file_get(pk=pk, fmt=fmt)
    except EditionFile.DoesNotExist:
        raise Http404 from None
    body = bytes(file.content)
    if request.headers.get("If-None-Match") == f'"{file.sha256}"':
        response = HttpResponse(status=304)
    elif fmt == "html":
        response = _report_html(body)
    else:
        edition = file.edition
        name = f"{edition.kind}-{edition.month:%Y-%m}-edition-{edition.number}.{fmt}"
        response = report_download(body, fmt, name)
    response["ETag"] = f'"{file.sha256}"'
    return response


@public_page
def accessibility(request):
    return render(request, "reports/public/accessibility.html")
