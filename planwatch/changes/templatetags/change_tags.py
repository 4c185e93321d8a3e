"""Change control in templates: an action's change-control section, and how requests read.

`{% action_change_control action %}` is the section the action page includes; the filters
turn a request's `proposed` and `applied` JSON into the words Leadership Team reads.
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from planwatch.accounts.permissions import Perm, user_can
from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.plans.models import Lifecycle, Workstream

from .. import selectors
from ..models import ChangeKind, ChangeRequest, Decision

register = template.Library()

DECISION_COLOURS = {
    Decision.PENDING: "",  # GOV.UK's plain tag is blue
    Decision.APPROVED: "green",
    Decision.REJECTED: "red",
    Decision.WITHDRAWN: "grey",
}
PROPOSAL_LABELS = {
    "due_text": "New due date",
    "start_text": "New start date",
    "title": "New wording",
    "ref": "Reference",
    "workstream": "Workstream",
    "duplicate_of": "Duplicate of",
    "director_lead": "Director lead",
    "cabinet_member": "Cabinet member",
    "other_leads": "Other leads",
    "update_owner": "Update owner",
}
NEW_ACTION_LABELS = {"title": "Title", "due_text": "Due date"}
APPLIED_LABELS = {
    "due_text": "Due date",
    "start_text": "Start date",
    "title": "Wording",
    "lifecycle": "In the plan",
    "duplicate_of": "Duplicate of",
    "rebaseline_count": "Times re-baselined",
    "slippage_months": "Months later than baseline",
    "baseline_due_text": "Baseline due date",
    "ref": "New action",
    "workstream": "Workstream",
    "director_lead": "Director lead",
    "cabinet_member": "Cabinet member",
    "other_leads": "Other leads",
    "update_owner": "Update owner",
}
DATE_KEYS = frozenset({"due_text", "start_text", "baseline_due_text"})


@register.inclusion_tag("changes/_action_change_control.html", takes_context=True)
def action_change_control(context, action):
    """Baseline against current due date, slippage, pending requests and the approved chain."""
    request = context["request"]
    control = selectors.action_change_control(action=action)
    return {
        "request": request,
        "action": action,
        "control": control,
        "can_raise": action.lifecycle == Lifecycle.LIVE
        and user_can(request.user, Perm.RAISE_CHANGE, action),
    }


@register.filter
def decision_tag(change_request: ChangeRequest):
    """A GOV.UK tag for where the request stands."""
    if (
        change_request.decision == Decision.PENDING
        and change_request.kind == ChangeKind.TO_BE_COMPLETED
    ):
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>', "orange", "PMO to complete"
        )
    colour = DECISION_COLOURS[Decision(change_request.decision)]
    return format_html(
        '<strong class="govuk-tag{}">{}</strong>',
        f" govuk-tag--{colour}" if colour else "",
        change_request.get_decision_display(),
    )


@register.filter
def person(user) -> str:
    """Who did something: their name, else username; no one is the tracker import."""
    if user is None:
        return "the tracker import"
    return user.get_full_name() or user.get_username()


@register.filter
def slippage(months) -> str:
    """Slippage in the council's unit, months, against the baseline."""
    if months is None:
        return "Cannot be measured: the baseline or the due date is not a date"
    if months == 0:
        return "None: due as first planned"
    unit = "month" if abs(months) == 1 else "months"
    direction = "later" if months > 0 else "earlier"
    return f"{abs(months)} {unit} {direction} than the baseline"


@register.filter
def slippage_if_approved(change_request: ChangeRequest) -> int | None:
    return selectors.slippage_if_approved(change_request)


def _date_reading(text: str) -> str:
    reading = parse_fuzzy_date(text)
    return f"{text} (read as {reading.describe()})" if text else "blank"


def _value(key: str, value) -> str:
    if value is None or value == "":
        return "–"
    if key == "lifecycle":
        try:
            return Lifecycle(value).label
        except ValueError:
            return str(value)
    return str(value)


@register.filter
def proposal_rows(change_request: ChangeRequest) -> list[tuple[str, str]]:
    """What the request asks for, one (label, value) a row, dates with their reading."""
    new = change_request.kind in (ChangeKind.NEW_ACTION, ChangeKind.NEW_SUB_ACTION)
    rows = []
    for key, value in change_request.proposed.items():
        label = (NEW_ACTION_LABELS.get(key) if new else None) or PROPOSAL_LABELS.get(key, key)
        if key in DATE_KEYS:
            shown = _date_reading(value)
        elif key == "workstream":
            workstream = Workstream.objects.select_related("theme").filter(pk=value).first()
            shown = f"{workstream.theme.code} – {workstream.name}" if workstream else str(value)
        else:
            shown = _value(key, value)
        rows.append((label, shown))
    return rows


@register.filter
def proposal_summary(change_request: ChangeRequest) -> str:
    """The request in one line, for the log."""
    proposed, kind = change_request.proposed, change_request.kind
    if kind in (ChangeKind.DUE_DATE, ChangeKind.START_DATE):
        return next(iter(proposed.values()), "")
    if kind == ChangeKind.REWORDING:
        return proposed.get("title", "")
    if kind in (ChangeKind.NEW_ACTION, ChangeKind.NEW_SUB_ACTION):
        due = f" (due {proposed['due_text']})" if proposed.get("due_text") else ""
        return f"{proposed.get('title', '')}{due}"
    if kind == ChangeKind.DUPLICATE:
        return f"of {proposed.get('duplicate_of', '')}"
    if kind == ChangeKind.OWNER_CHANGE:
        return "; ".join(f"{PROPOSAL_LABELS[k]}: {v or 'blank'}" for k, v in proposed.items())
    return ""


@register.filter
def applied_rows(change_request: ChangeRequest) -> list[tuple[str, str, str]]:
    """What approval changed: (label, old, new) a row."""
    return [
        (
            APPLIED_LABELS.get(key, key),
            _value(key, change.get("old")),
            _value(key, change.get("new")),
        )
        for key, change in change_request.applied.items()
    ]


@register.simple_tag
def plan_action_url(plan, ref: str) -> str:
    """An action's page in this plan, whichever plan the person was last looking at."""
    return reverse("plans:action_detail", args=[ref]) + "?" + urlencode({"plan": plan.name})
