"""The monthly cycle's pages: thin views that check permission, validate a form and call a
service or selector. `today` is read here, at the edge, and passed down."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from planwatch.accounts.permissions import Perm, check, require, user_can
from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Action, ProgressUpdate, UpdateState
from planwatch.plans.views import plan_required

from . import selectors, services
from .forms import CycleOpenForm, OwnerFilterForm, ReviewForm, UpdateForm
from .models import UpdateCycle
from .services import UpdateError


def _today():
    """The one place these pages ask the date (tests replace it)."""
    return timezone.localdate()


def _cycle_or_404(pk: int) -> UpdateCycle:
    try:
        return selectors.cycle_get(pk=pk)
    except UpdateCycle.DoesNotExist:
        raise Http404("There is no such update cycle") from None


def _with_plan(name: str, plan) -> str:
    return reverse(name) + "?" + urlencode({"plan": plan.name})


def _show_error(form, error: UpdateError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


# --- Cycles (PMO) --------------------------------------------------------------------------


@require(Perm.MANAGE_CYCLE)
@plan_required
def cycle_list(request, plan):
    today = _today()
    context = {
        "plan": plan,
        "cycles": selectors.cycle_list(plan=plan, today=today),
        "open_cycle": selectors.cycle_open_get(plan=plan),
        "today": today,
    }
    return render(request, "updates/cycle_list.html", context)


@require(Perm.MANAGE_CYCLE)
@plan_required
def cycle_open(request, plan):
    today = _today()
    open_cycle = selectors.cycle_open_get(plan=plan)
    months = selectors.cycle_month_choices(plan=plan, today=today)
    form = CycleOpenForm(request.POST or None, months=months)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(
                user=request.user,
                plan=plan,
                month=form.cleaned_data["month"],
                deadline=form.cleaned_data["deadline"],
                today=today,
            )
        except UpdateError as error:
            _show_error(form, error)
        else:
            messages.success(
                request,
                f"The {cycle.month:%B %Y} cycle is open. Updates are due by "
                f"{cycle.deadline.day} {cycle.deadline:%B %Y}.",
            )
            return redirect(_with_plan("updates:cycle_list", plan))
    context = {"plan": plan, "form": form, "open_cycle": open_cycle}
    return render(request, "updates/cycle_open.html", context)


@require(Perm.MANAGE_CYCLE)
def cycle_close(request, pk: int):
    cycle = _cycle_or_404(pk)
    error = None
    if request.method == "POST" and cycle.is_open:
        try:
            services.cycle_close(user=request.user, cycle=cycle)
        except UpdateError as problem:
            error = problem.message
        else:
            messages.success(request, f"The {cycle.month:%B %Y} cycle is closed.")
            return redirect(_with_plan("updates:cycle_list", cycle.plan))
    context = {
        "plan": cycle.plan,
        "cycle": cycle,
        "error": error,
        "outstanding": selectors.action_list_outstanding(cycle=cycle),
        "unreviewed": selectors.update_list_for_review(cycle=cycle, state=UpdateState.SUBMITTED),
    }
    return render(request, "updates/cycle_close.html", context)


# --- Review (PMO) --------------------------------------------------------------------------

REVIEW_STATES = (
    UpdateState.SUBMITTED,
    UpdateState.RETURNED,
    UpdateState.ACCEPTED,
    UpdateState.DRAFT,
)


@require(Perm.REVIEW_UPDATES)
def cycle_review(request, pk: int):
    cycle = _cycle_or_404(pk)
    state = request.GET.get("state") or UpdateState.SUBMITTED
    if state not in REVIEW_STATES:
        raise Http404("There is no such state")
    today = _today()
    context = {
        "plan": cycle.plan,
        "cycle": cycle,
        "counts": selectors.cycle_counts(cycle=cycle, today=today),
        "state": state,
        "states": [(s.value, s.label) for s in REVIEW_STATES],
        "updates": selectors.update_list_for_review(cycle=cycle, state=state),
    }
    return render(request, "updates/cycle_review.html", context)


@require(Perm.REVIEW_UPDATES)
def cycle_late(request, pk: int):
    cycle = _cycle_or_404(pk)
    today = _today()
    context = {
        "plan": cycle.plan,
        "cycle": cycle,
        "today": today,
        "deadline_passed": selectors.deadline_passed(cycle=cycle, today=today),
        "late": selectors.action_list_late(cycle=cycle, today=today),
    }
    return render(request, "updates/cycle_late.html", context)


@require(Perm.REVIEW_UPDATES)
def update_review(request, pk: int, update_pk: int):
    cycle = _cycle_or_404(pk)
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("action", "submitted_by", "reviewed_by"),
        pk=update_pk,
        action__plan=cycle.plan,
        month=cycle.month,
    )
    form = ReviewForm(request.POST or None, initial={"version": update.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        decide = (
            services.progress_update_return
            if request.POST.get("decision") == "return"
            else services.progress_update_accept
        )
        try:
            decide(
                user=request.user,
                update=update,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except UpdateError as error:
            _show_error(form, error)
        except EditConflict as error:
            conflict, update = error, error.current
            form = ReviewForm(initial={"version": update.version})
            form.add_error(None, str(error))
        else:
            verb = "accepted" if update.state == UpdateState.ACCEPTED else "returned to its owner"
            messages.success(request, f"{update.action.ref}'s update is {verb}.")
            following = selectors.update_next_for_review(cycle=cycle, after=update)
            if following is not None:
                return redirect("updates:update_review", cycle.pk, following.pk)
            return redirect("updates:cycle_review", cycle.pk)
    context = {
        "plan": cycle.plan,
        "cycle": cycle,
        "update": update,
        "action": update.action,
        "previous": selectors.update_previous(action=update.action, month=cycle.month),
        "change_requests": update.change_requests.all(),
        "form": form,
        "conflict": conflict,
        "reviewable": cycle.is_open and update.state == UpdateState.SUBMITTED,
    }
    return render(request, "updates/update_review.html", context)


# --- Owners' updates -----------------------------------------------------------------------


@require(Perm.VIEW_PLAN)
@plan_required
def my_updates(request, plan):
    cycle = selectors.cycle_open_get(plan=plan)
    # PMO may write any action's update, so sees everyone's; anyone else only their own.
    for_everyone = user_can(request.user, Perm.WRITE_UPDATE)
    roles = selectors.owner_role_choices(plan=plan, user=None if for_everyone else request.user)
    label = "All owners" if for_everyone else "All my roles"
    filter_form = OwnerFilterForm(request.GET or None, roles=roles, everyone_label=label)
    owner_role = filter_form.owner_role()
    mine = None
    if cycle is not None:
        mine = selectors.my_updates(
            cycle=cycle, user=None if for_everyone else request.user, owner_role=owner_role
        )
    context = {
        "plan": plan,
        "cycle": cycle,
        "mine": mine,
        "filter_form": filter_form,
        "for_everyone": for_everyone,
        "holds_roles": bool(roles),
        "today": _today(),
    }
    return render(request, "updates/my_updates.html", context)


@require(Perm.VIEW_PLAN)
def update_edit(request, pk: int, ref: str):
    cycle = _cycle_or_404(pk)
    action = get_object_or_404(
        Action.objects.select_related("theme", "plan"), plan=cycle.plan, ref=ref
    )
    check(request.user, Perm.WRITE_UPDATE, action)
    update = selectors.update_for_month(action=action, month=cycle.month)
    initial = {"version": update.version if update else 0}
    if update is not None:
        initial.update(
            status=update.status, commentary=update.commentary, no_change=update.no_change
        )
    form = UpdateForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("submit") == "submit"
        write = services.progress_update_submit if submit else services.progress_update_save_draft
        extra = {"today": _today()} if submit else {}
        try:
            write(
                user=request.user,
                cycle=cycle,
                action=action,
                status=form.cleaned_data["status"],
                commentary=form.cleaned_data["commentary"],
                no_change=form.cleaned_data["no_change"],
                change=form.change_proposal(),
                expected_version=form.cleaned_data["version"],
                **extra,
            )
        except UpdateError as error:
            _show_error(form, error)
        except EditConflict as error:
            conflict, update = error, error.current
            # Keep what this person typed, but at the version they have now seen.
            data = request.POST.copy()
            data["version"] = str(update.version)
            form = UpdateForm(data)
            form.is_valid()
            form.add_error(None, str(error))
        else:
            done = "submitted for PMO review" if submit else "saved as a draft"
            messages.success(request, f"{action.ref}: your {cycle.month:%B %Y} update is {done}.")
            if submit:
                return redirect(_with_plan("updates:my_updates", cycle.plan))
            return redirect("updates:update_edit", cycle.pk, action.ref)
    editable = cycle.is_open and (
        update is None or update.state in (UpdateState.DRAFT, UpdateState.RETURNED)
    )
    context = {
        "plan": cycle.plan,
        "cycle": cycle,
        "action": action,
        "update": update,
        "previous": selectors.update_previous(action=action, month=cycle.month),
        "change_requests": update.change_requests.all() if update else [],
        "form": form,
        "conflict": conflict,
        "editable": editable,
    }
    return render(request, "updates/update_edit.html", context)
