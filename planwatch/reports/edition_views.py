"""The published editions of a plan's reports: the list with each file's download and SHA-256,
and PMO's form to publish one (made on the worker, as rendering takes seconds)."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from planwatch.accounts.permissions import Perm, require, user_can
from planwatch.domain.months import month_parse
from planwatch.plans.models import ReportLayout
from planwatch.plans.views import plan_required
from planwatch.reports.editions import edition_file_get, edition_publish_task, editions_list
from planwatch.reports.models import EditionFile, EditionKind, PublicEdition, ReportEdition
from planwatch.reports.public import PublicEditionError
from planwatch.reports.public import edition_make_public as edition_make_public_service
from planwatch.reports.public import edition_withdraw as edition_withdraw_service
from planwatch.reports.rendering.files import report_download


class PublishForm(forms.Form):
    kind = forms.ChoiceField(label="Report", choices=EditionKind.choices)
    month = forms.CharField(
        label="Month", help_text="The report's month, or a period report's last month, e.g. 2022-10"
    )
    meeting = forms.CharField(
        label="Meeting it goes to",
        max_length=300,
        help_text="For example, Leadership Team 8 Nov 2022",
    )
    layout = forms.ChoiceField(
        label="Layout (Theme Progress Summary only)",
        required=False,
        choices=[("", "The plan's default"), *ReportLayout.choices],
        error_messages={"invalid_choice": "Choose a layout from the list"},
    )
    reason = forms.CharField(
        label="Reason for a correction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when an edition of this report is already published",
    )

    def clean_month(self):
        month = month_parse(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError("Enter the month as year and month, for example 2022-10")
        return month

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        published = ReportEdition.objects.filter(
            plan=self.plan, kind=data["kind"], month=data["month"]
        ).exists()
        if published and not data.get("reason", "").strip():
            self.add_error("reason", "This report is already published: say why it is corrected")
        return data


@require(Perm.VIEW_PLAN)
@plan_required
def editions(request, plan):
    can_publish = user_can(request.user, Perm.EDIT_REPORTS)
    form = PublishForm(request.POST or None, initial={"month": request.GET.get("month", "")})
    form.plan = plan
    if request.method == "POST":
        if not can_publish:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            edition_publish_task.enqueue(
                request.user.pk, plan.pk, data["kind"], data["month"].isoformat(),
                data["meeting"], data["reason"], data["layout"],
            )  # fmt: skip
            messages.success(
                request,
                "Publishing: the edition is listed here once the worker has made its files.",
            )
            return _back(plan)
    listed = list(editions_list(plan=plan))
    for edition in listed:
        try:
            edition.public_entry = edition.public
        except PublicEdition.DoesNotExist:
            edition.public_entry = None
    context = {
        "plan": plan,
        "editions": listed,
        "form": form if can_publish else None,
    }
    return render(request, "reports/editions.html", context, status=400 if form.errors else 200)


@require(Perm.VIEW_PLAN)
def edition_file(request, pk: int, fmt: str):
    try:
        file = edition_file_get(pk=pk, fmt=fmt)
    except EditionFile.DoesNotExist:
        raise Http404 from None
    edition = file.edition
    name = f"{edition.kind}-{edition.month:%Y-%m}-edition-{edition.number}.{fmt}"
    return report_download(bytes(file.content), fmt, name)


def _back(plan) -> HttpResponse:
    return redirect(reverse("reports:editions") + "?" + urlencode({"plan": plan.name}))


def _edition_or_404(pk: int) -> ReportEdition:
    try:
        return ReportEdition.objects.select_related("plan").get(pk=pk)
    except ReportEdition.DoesNotExist:
        raise Http404 from None


@require(Perm.EDIT_REPORTS)
@require_POST
def edition_make_public(request, pk: int):
    edition = _edition_or_404(pk)
    try:
        edition_make_public_service(user=request.user, edition=edition)
    except PublicEditionError as error:
        messages.error(request, f"Not made public: {error}.")
    else:
        url = request.build_absolute_uri(reverse("public:edition", args=[edition.pk]))
        messages.success(request, f"{edition} is public at {url}")
    return _back(edition.plan)


@require(Perm.EDIT_REPORTS)
@require_POST
def edition_withdraw(request, pk: int):
    edition = _edition_or_404(pk)
    try:
        edition_withdraw_service(
            user=request.user, edition=edition, reason=request.POST.get("reason", "")
        )
    except PublicEditionError as error:
        messages.error(request, f"Not withdrawn: {error}.")
    else:
        messages.success(request, f"{edition} is withdrawn from the public pages.")
    return _back(edition.plan)
