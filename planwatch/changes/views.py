"""Change control's pages: the log, one request (decide, complete, withdraw), raising a change.

Thin views: a form collects the input, a service decides whether it is a valid change and
who may make it (PermissionDenied becomes the 403 page), and a ChangeRequestError lands
beside the field it is about in the GOV.UK error summary.
"""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from planwatch.accounts.permissions import Perm, check, require, user_can
from planwatch.plans import selectors as plan_selectors
from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Action, Lifecycle, Plan, Workstream
from planwatch.plans.page_parts import open_month
from planwatch.plans.views import plan_required

from . import selectors, services
from .errors import ChangeRequestError
from .forms import (
    ChangeLogFilterForm,
    ChangeProposalForm,
    CompleteForm,
    DecisionForm,
    WithdrawForm,
    month_value,
)
from .models import ChangeKind, ChangeRequest, Decision

# What can be asked of an existing action; a new sub-action only of a main action.
ACTION_KINDS = (
    ChangeKind.DUE_DATE,
    ChangeKind.START_DATE,
    ChangeKind.REWORDING,
    ChangeKind.NEW_SUB_ACTION,
    ChangeKind.OWNER_CHANGE,
    ChangeKind.CLOSE,
    ChangeKind.BUSINESS_AS_USUAL,
    ChangeKind.DUPLICATE,
)


def _kinds_for(action: Action | None) -> list[ChangeKind]:
    if action is None:
        return [ChangeKind.NEW_ACTION]
    return [k for k in ACTION_KINDS if k is not ChangeKind.NEW_SUB_ACTION or action.is_main]


def _detail_url(change_request: ChangeRequest) -> str:
    return reverse("changes:detail", args=[change_request.pk])


def _request_or_404(pk: int) -> ChangeRequest:
    try:
        return selectors.change_request_get(pk=pk)
    except ChangeRequest.DoesNotExist:
        raise Http404(f"There is no change request #{pk}") from None


def _default_month(plan: Plan) -> date:
    """The open monthly cycle's month, else this calendar month (the edge may ask the date)."""
    return open_month(plan) or timezone.localdate().replace(day=1)


def _workstreams(plan: Plan) -> list[Workstream]:
    return list(
        Workstream.objects.filter(theme__plan=plan)
        .select_related("theme")
        .order_by("theme__order", "theme__code", "order", "name")
    )


# --- The log -------------------------------------------------------------------------------


@require(Perm.VIEW_PLAN)
@plan_required
def change_log(request, plan):
    form = ChangeLogFilterForm(
        request.GET,
        months=selectors.change_log_months(plan=plan),
        themes=plan_selectors.theme_list(plan=plan),
    )
    log = selectors.change_log(plan=plan, **form.selector_kwargs()) if form.is_valid() else None
    context = {
        "plan": plan,
        "form": form,
        "log": log,
        "can_raise_new_action": user_can(request.user, Perm.RAISE_CHANGE),
    }
    return render(request, "changes/log.html", context)


# --- One request ---------------------------------------------------------------------------


def _detail(request, change_request, *, status=200, decision_form=None, conflict=""):
    user = request.user
    pending = change_request.decision == Decision.PENDING
    can_decide = pending and user_can(user, Perm.DECIDE_CHANGE)
    if can_decide and decision_form is None:
        decision_form = DecisionForm(initial={"version": change_request.version})
    can_withdraw = selectors.change_request_can_withdraw(user=user, change_request=change_request)
    context = {
        "plan": change_request.plan,
        "change_request": change_request,
        "can_decide": can_decide,
        "decision_form": decision_form if can_decide else None,
        "can_complete": pending
        and change_request.kind == ChangeKind.TO_BE_COMPLETED
        and user_can(user, Perm.EDIT_PLAN),
        "withdraw_form": WithdrawForm(
            initial={"version": change_request.version}, auto_id="withdraw_%s"
        )
        if can_withdraw
        else None,
        "conflict": conflict,
    }
    return render(request, "changes/detail.html", context, status=status)


@require(Perm.VIEW_PLAN)
def request_detail(request, pk: int):
    return _detail(request, _request_or_404(pk))


@require(Perm.DECIDE_CHANGE)
@require_POST
def request_decide(request, pk: int):
    change_request = _request_or_404(pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        decide = (
            services.change_request_approve
            if form.cleaned_data["decision"] == Decision.APPROVED
            else services.change_request_reject
        )
        try:
            decided = decide(
                user=request.user,
                change_request=change_request,
                note=form.cleaned_data["note"],
                meeting=form.cleaned_data["meeting"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict:
            current = _request_or_404(pk)
            message = (
                f"Someone else changed or decided change request #{pk} while you were reading "
                f"it: it is now {current.get_decision_display().lower()}. Your decision was not "
                "recorded. Check the request as it is now below."
            )
            return _detail(request, current, status=409, conflict=message)
        except ChangeRequestError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                f"Change request #{pk} {decided.get_decision_display().lower()}"
                + (": the plan has been changed." if decided.applied else "."),
            )
            return redirect(_detail_url(change_request))
    return _detail(request, change_request, status=400, decision_form=form)


@require(Perm.VIEW_PLAN)
@require_POST
def request_withdraw(request, pk: int):
    change_request = _request_or_404(pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return redirect(_detail_url(change_request))
    try:
        services.change_request_withdraw(
            user=request.user,
            change_request=change_request,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        )
    except EditConflict:
        current = _request_or_404(pk)
        message = (
            f"Change request #{pk} changed while you were reading it: it is now "
            f"{current.get_decision_display().lower()}. It was not withdrawn."
        )
        return _detail(request, current, status=409, conflict=message)
    except ChangeRequestError as error:
        return _detail(request, change_request, status=400, conflict=error.message)
    messages.success(request, f"Change request #{pk} withdrawn.")
    return redirect(_detail_url(change_request))


def _complete_conflict(request, change_request: ChangeRequest):
    current = _request_or_404(change_request.pk)
    message = (
        f"Someone else completed or decided change request #{current.pk} while you were "
        f"completing it: it is now ‘{current.get_kind_display()}’, "
        f"{current.get_decision_display().lower()}. Your changes were not saved."
    )
    return _detail(request, current, status=409, conflict=message)


def _commentary_initial(change_request) -> dict[str, str]:
    """The complete form starts from the date read from the commentary, due before start."""
    dates = {d["field"]: d["text"] for d in change_request.commentary_dates}
    if "due" in dates:
        return {"kind": ChangeKind.DUE_DATE.value, "due_text": dates["due"]}
    if "start" in dates:
        return {"kind": ChangeKind.START_DATE.value, "start_text": dates["start"]}
    return {}


@require(Perm.EDIT_PLAN)
def request_complete(request, pk: int):
    change_request = _request_or_404(pk)
    if not (
        change_request.decision == Decision.PENDING
        and change_request.kind == ChangeKind.TO_BE_COMPLETED
    ):
        if request.method != "POST":
            return redirect(_detail_url(change_request))
        return _complete_conflict(request, change_request)
    action = change_request.action
    # A new sub-action flagged on a sub-action's row goes under that row's main action.
    kinds = [
        kind
        for kind in (ACTION_KINDS if action is not None else ())
        if kind is not ChangeKind.NEW_SUB_ACTION or action.is_main or action.parent_id
    ]
    kinds.append(ChangeKind.NEW_ACTION)
    form = CompleteForm(
        request.POST or None,
        kinds=kinds,
        action=action,
        workstreams=_workstreams(change_request.plan),
        initial={
            "reason": change_request.reason,
            "version": change_request.version,
            **_commentary_initial(change_request),
        },
    )
    if request.method == "POST" and form.is_valid():
        change_request.version = form.cleaned_data["version"]
        try:
            services.change_request_complete(
                user=request.user,
                change_request=change_request,
                kind=form.cleaned_data["kind"],
                proposed=form.proposed(),
                reason=form.cleaned_data["reason"],
            )
        except EditConflict as conflict:
            return _complete_conflict(request, conflict.current)
        except ChangeRequestError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Change request #{pk} completed: it is ready to decide.")
            return redirect(_detail_url(change_request))
    context = {
        "plan": change_request.plan,
        "action": action,
        "change_request": change_request,
        "form": form,
        "pending": [],
        "heading": f"Complete change request #{pk}",
        "submit": "Save and send for decision",
    }
    return render(request, "changes/propose.html", context, status=400 if form.errors else 200)


# --- Raising -------------------------------------------------------------------------------


def _propose(request, plan: Plan, action: Action | None):
    form = ChangeProposalForm(
        request.POST or None,
        kinds=_kinds_for(action),
        action=action,
        workstreams=_workstreams(plan) if action is None else (),
        initial={"month": month_value(_default_month(plan))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            raised = services.change_request_raise(
                user=request.user,
                action=action,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                proposed=form.proposed(),
                month=form.cleaned_data["month"],
            )
        except ChangeRequestError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request, f"Change request #{raised.pk} raised: Leadership Team will decide it."
            )
            return redirect(_detail_url(raised))
    context = {
        "plan": plan,
        "action": action,
        "form": form,
        # Only requests that freeze something stand in the way of another request.
        "pending": [r for r in selectors.pending_for_action(action=action) if r.fields_touched]
        if action
        else [],
        "heading": f"Ask to change {action.ref}" if action else "Ask for a new main action",
        "submit": "Send for decision",
    }
    return render(request, "changes/propose.html", context, status=400 if form.errors else 200)


@require(Perm.VIEW_PLAN)
@plan_required
def action_change_raise(request, plan, ref: str):
    try:
        action = plan_selectors.action_get(plan=plan, ref=ref)
    except Action.DoesNotExist:
        raise Http404(f"There is no action {ref} in {plan}") from None
    check(request.user, Perm.RAISE_CHANGE, action)
    if action.lifecycle != Lifecycle.LIVE:
        raise PermissionDenied(
            f"{action.ref} is no longer in the plan ({action.get_lifecycle_display().lower()}), "
            "so no change can be asked for."
        )
    return _propose(request, plan, action)


@require(Perm.RAISE_CHANGE)
@plan_required
def new_action_raise(request, plan):
    return _propose(request, plan, None)
