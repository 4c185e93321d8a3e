"""The register's writing pages, PMO only (MANAGE_RISKS): add and edit a risk, record a
month's review, score a main action through the matrix.

A form collects input, a service decides and writes; RiskError lands beside its field, and
EditConflict shows what the other officer saved instead of overwriting it.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.permissions import Perm, require
from planwatch.plans import selectors as plan_selectors
from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import Action
from planwatch.plans.views import plan_required

from . import selectors, services
from .errors import RiskError
from .forms import ActionScoreForm, ReviewForm, RiskForm, month_parse, month_value
from .matrix import matrix_get
from .views import detail_url, plan_query, risk_or_404


def _risk_form_page(request, plan, form, *, risk=None, status=200, conflict=""):
    context = {"plan": plan, "form": form, "risk": risk, "conflict": conflict}
    return render(request, "risks/risk_form.html", context, status=status)


@require(Perm.MANAGE_RISKS)
@plan_required
def risk_create(request, plan):
    themes = plan_selectors.theme_list(plan=plan)
    matrix_now = matrix_get()
    if request.method != "POST":
        form = RiskForm(matrix=matrix_now, themes=themes)
        return _risk_form_page(request, plan, form)
    form = RiskForm(request.POST, matrix=matrix_now, themes=themes)
    if form.is_valid():
        try:
            risk = services.risk_create(
                user=request.user,
                plan=plan,
                data=services.RiskData(**form.data_kwargs(), source="Added in planwatch"),
                today=timezone.localdate(),
            )
        except RiskError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Risk {risk.reference} added to the register.")
            return redirect(detail_url(risk))
    return _risk_form_page(request, plan, form, status=400)


@require(Perm.MANAGE_RISKS)
def risk_edit(request, pk: int):
    risk = risk_or_404(pk)
    plan = risk.plan
    themes = plan_selectors.theme_list(plan=plan)
    matrix_now = matrix_get()
    if request.method != "POST":
        initial = RiskForm.initial_of(services.RiskData.of(risk))
        form = RiskForm(
            initial={**initial, "version": risk.version}, matrix=matrix_now, themes=themes
        )
        return _risk_form_page(request, plan, form, risk=risk)
    form = RiskForm(request.POST, matrix=matrix_now, themes=themes)
    if form.is_valid():
        try:
            services.risk_update(
                user=request.user,
                risk=risk,
                data=services.RiskData(**form.data_kwargs(), source=risk.source),
                expected_version=form.cleaned_data["version"] or 0,
                today=timezone.localdate(),
            )
        except EditConflict:
            current = risk_or_404(pk)
            initial = RiskForm.initial_of(services.RiskData.of(current))
            fresh = RiskForm(
                initial={**initial, "version": current.version}, matrix=matrix_now, themes=themes
            )
            message = (
                f"Someone else saved risk {current.reference} while you were editing it. Your "
                "changes were not saved. The form now shows their version: make your change again."
            )
            return _risk_form_page(request, plan, fresh, risk=current, status=409, conflict=message)
        except RiskError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Risk {form.cleaned_data['reference'].upper()} saved.")
            return redirect(detail_url(risk))
    return _risk_form_page(request, plan, form, risk=risk, status=400)


@require(Perm.MANAGE_RISKS)
def risk_review(request, pk: int):
    """The month's snapshot: ?month=2022-10 chooses the month, else this month."""
    risk = risk_or_404(pk)
    matrix_now = matrix_get()
    reviews = {review.month: review for review in risk.reviews.all()}

    def page(form, *, status=200, conflict="", month=None):
        context = {
            "plan": risk.plan,
            "risk": risk,
            "form": form,
            "existing": reviews.get(month),
            "history": selectors.risk_review_history(risk=risk, matrix=matrix_now),
            "conflict": conflict,
        }
        return render(request, "risks/review.html", context, status=status)

    if request.method != "POST":
        month = month_parse(request.GET.get("month", "")) or timezone.localdate().replace(day=1)
        existing = reviews.get(month)
        initial = {
            "month": month_value(month),
            "residual_impact": existing.residual_impact if existing else risk.residual_impact,
            "residual_likelihood": (
                existing.residual_likelihood if existing else risk.residual_likelihood
            ),
            "note": existing.note if existing else "",
            "version": existing.version if existing else None,
        }
        return page(ReviewForm(initial=initial, matrix=matrix_now), month=month)
    form = ReviewForm(request.POST, matrix=matrix_now)
    if form.is_valid():
        month = form.cleaned_data["month"]
        try:
            services.risk_review_record(
                user=request.user,
                risk=risk,
                month=month,
                residual_impact=form.cleaned_data["residual_impact"],
                residual_likelihood=form.cleaned_data["residual_likelihood"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            current = conflict.current
            fresh = ReviewForm(
                initial={
                    "month": month_value(month),
                    "residual_impact": current.residual_impact,
                    "residual_likelihood": current.residual_likelihood,
                    "note": current.note,
                    "version": current.version,
                },
                matrix=matrix_now,
            )
            message = (
                f"Someone else recorded the {month:%B %Y} review of {risk.reference} while you "
                "were writing yours. Yours was not saved; theirs is shown below."
            )
            reviews[month] = current
            return page(fresh, status=409, conflict=message, month=month)
        except RiskError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{risk.reference} reviewed for {month:%B %Y}.")
            return redirect(detail_url(risk))
    return page(form, status=400)


@require(Perm.MANAGE_RISKS)
@plan_required
def action_score(request, plan, ref: str):
    try:
        action = Action.objects.get(plan=plan, ref=ref, is_main=True)
    except Action.DoesNotExist:
        raise Http404(f"There is no main action {ref} in {plan}") from None
    matrix_now = matrix_get()
    current = selectors.action_risks(actions=[action], matrix=matrix_now)[0]

    def page(form, *, status=200, conflict=""):
        context = {
            "plan": plan,
            "action": action,
            "current": current,
            "form": form,
            "conflict": conflict,
        }
        return render(request, "risks/action_score.html", context, status=status)

    def form_of(record):
        initial = {}
        if record is not None:
            initial = {
                name: getattr(record, name)
                for name in ("financial", "reputation", "service_delivery", "likelihood", "note")
            }
            initial["version"] = record.version
        return ActionScoreForm(initial=initial, matrix=matrix_now)

    if request.method != "POST":
        return page(form_of(current.record))
    form = ActionScoreForm(request.POST, matrix=matrix_now)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_risk_score(
                user=request.user,
                action=action,
                financial=data["financial"],
                reputation=data["reputation"],
                service_delivery=data["service_delivery"],
                likelihood=data["likelihood"],
                note=data["note"],
                expected_version=data["version"],
            )
        except EditConflict as conflict:
            current = selectors.action_risks(actions=[action], matrix=matrix_now)[0]
            message = (
                f"Someone else scored {action.ref} while you were scoring it. Yours was not "
                "saved; their score is shown below."
            )
            return page(form_of(conflict.current), status=409, conflict=message)
        except RiskError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"{action.ref} scored through the risk matrix.")
            return redirect(reverse("risks:action_scores") + plan_query(plan))
    return page(form, status=400)
