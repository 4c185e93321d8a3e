"""Template helpers for planwatch's GOV.UK pages.

Status tags are written here rather than with `gds_component "tag"`: a page of a few hundred
actions renders hundreds of them, and a plain Django fragment is still several times cheaper
than a Jinja macro call, even now that the macro is compiled once (`plans/govuk_components.py`).
"""

from datetime import datetime
from urllib.parse import urlencode

from django import template
from django.core.paginator import Page
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from govuk_frontend_django.components.pagination import (
    GovUKPagination,
    PaginationItems,
    PaginationNext,
    PaginationPrevious,
)
from govuk_frontend_django.components.service_navigation import GovUKServiceNavigation

from planwatch.accounts.permissions import Perm, user_can
from planwatch.domain.fuzzy_dates import excel_cell_text
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status
from planwatch.plans.workbook_html import workbook_html

register = template.Library()


@register.filter
def workbook_text(text: str):
    """Tracker text with its emphasis and line breaks drawn, never its tags."""
    return workbook_html(text)


# (label, URL name, the pages that mark it current ("app:*" for all of an app's), who sees it)
SECTIONS = (
    (
        "Overview",
        "plans:overview",
        # Theme charters and data quality are about the plan as a whole; the overview links them.
        {"plans:overview", "plans:theme", "charters:*", "imports:data_quality"},
        Perm.VIEW_PLAN,
    ),
    ("Actions", "plans:action_list", {"plans:action_list", "plans:action_detail"}, Perm.VIEW_PLAN),
    (
        "My updates",
        "updates:my_updates",
        {"updates:my_updates", "updates:update_edit"},
        Perm.VIEW_PLAN,
    ),
    (
        "Update cycles",
        "updates:cycle_list",
        {
            "updates:cycle_list",
            "updates:cycle_open",
            "updates:cycle_review",
            "updates:cycle_late",
            "updates:cycle_close",
            "updates:update_review",
        },
        Perm.MANAGE_CYCLE,
    ),
    (
        "Import",
        "imports:tracker_upload",
        {"imports:tracker_upload", "imports:tracker_upload_detail"},
        Perm.IMPORT_TRACKER,
    ),
    ("Change control", "changes:log", {"changes:*"}, Perm.VIEW_PLAN),
    (
        "Reports",
        "reports:index",
        {"reports:*", "period_reports:*", "traceability:*"},
        Perm.VIEW_PLAN,
    ),
    ("Dashboard", "dashboards:index", {"dashboards:*"}, Perm.VIEW_PLAN),
    ("Risks", "risks:register", {"risks:*"}, Perm.VIEW_PLAN),
    ("Assurance", "assurance:index", {"assurance:*"}, Perm.VIEW_PLAN),
    ("Audit trail", "audit:index", {"audit:*"}, Perm.VIEW_AUDIT),
)


def _status(value) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.UNRECOGNISED


# GOV.UK Frontend 6's tag modifiers. Its plain tag is blue, so "blue" is drawn as a plain tag
# rather than with a class the stylesheet lacks.
TAG_MODIFIERS = frozenset(
    {"grey", "green", "turquoise", "teal", "purple", "magenta", "pink", "red", "orange", "yellow"}
)


@register.filter
def status_tag(value):
    """A GOV.UK tag in the status's colour, labelled as planwatch reads it."""
    definition = STATUS_DEFINITIONS[_status(value)]
    modifier = definition.tag_colour if definition.tag_colour in TAG_MODIFIERS else ""
    colour = f" govuk-tag--{modifier}" if modifier else ""
    return format_html('<strong class="govuk-tag{}">{}</strong>', colour, definition.label)


@register.simple_tag(takes_context=True)
def sections_for(context) -> list[tuple[str, str]]:
    """(label, URL) of every section the signed-in person may use, for the footer."""
    request = context["request"]
    query = _plan_query(request)
    return [
        (label, reverse(name) + query)
        for label, name, _names, perm in SECTIONS
        if user_can(request.user, perm)
    ]


@register.simple_tag(takes_context=True)
def service_navigation(context):
    """The service name, section links (Admin for staff) and who is signed in."""
    request = context["request"]
    user = request.user
    match = request.resolver_match
    current = match.view_name if match else ""
    query = _plan_query(request)
    navigation, slots = [], None
    # Someone signing in sees only the service name: every section would send them back here.
    if user.is_authenticated:
        navigation = [
            {
                "text": label,
                "href": reverse(name) + query,
                "active": _is_current(current, names),
                "current": current == name,
            }
            for label, name, names, perm in SECTIONS
            if user_can(user, perm)
        ]
        if user.is_staff:
            navigation.append({"text": "Admin", "href": reverse("admin:index")})
        slots = {"navigationEnd": render_to_string("_sign_out.html", request=request)}
    return GovUKServiceNavigation(
        classes="govuk-service-navigation--inverse",
        serviceName="planwatch",
        serviceUrl=reverse("plans:overview") + query,
        navigation=navigation,
        navigationLabel="Sections",
        slots=slots,
    )


def _is_current(view_name: str, names) -> bool:
    return view_name in names or f"{view_name.partition(':')[0]}:*" in names


def _plan_query(request) -> str:
    plan = request.GET.get("plan")
    return "?" + urlencode({"plan": plan}) if plan else ""


@register.simple_tag(takes_context=True)
def plan_url(context, name: str, *args) -> str:
    """`{% url %}` that keeps the ?plan= the user is looking at."""
    return reverse(name, args=args) + _plan_query(context["request"])


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None drops one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return "?" + params.urlencode() if params else "?"


@register.simple_tag(takes_context=True)
def pagination(context, page: Page):
    """GOV.UK pagination whose links keep the filters (the package's version drops them)."""

    def href(number: int) -> str:
        return query_with(context, page=str(number))

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append(PaginationItems(ellipsis=True).__dict__)
        else:
            items.append(
                PaginationItems(
                    number=str(number), href=href(number), current=number == page.number
                ).__dict__
            )
    previous = (
        PaginationPrevious(href=href(page.previous_page_number())).__dict__
        if page.has_previous()
        else None
    )
    following = (
        PaginationNext(href=href(page.next_page_number())).__dict__ if page.has_next() else None
    )
    return GovUKPagination(items=items, previous=previous, next=following)


@register.filter
def source_cell(value) -> str:
    """A kept workbook cell as the workbook showed it; a real Excel date also says so."""
    if isinstance(value, dict) and "date" in value:
        try:
            when = datetime.fromisoformat(value["date"])
        except (TypeError, ValueError):
            return str(value)
        shown = excel_cell_text(when, value.get("number_format"))
        return f"{shown} (an Excel date: {when:%d %B %Y})"
    return "" if value is None else str(value)
