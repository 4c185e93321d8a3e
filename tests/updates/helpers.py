"""Names and helpers the monthly-cycle tests share."""

from datetime import date

from django.urls import reverse

from planwatch.plans.models import Action
from planwatch.updates import services

NOVEMBER = date(2022, 11, 1)
DEADLINE = date(2022, 11, 14)
OPENED_ON = date(2022, 11, 1)
# Owned by the demo owner's roles; On track in October.
OWNED = "OC.A1.2"
# Medium progress in October, owned too.
OWNED_MEDIUM = "OC.A1.3"
# The Director of Law & Governance's: owed in November, but not the demo owner's.
NOT_OWNED = "OC.B1.7"


def action(plan, ref: str) -> Action:
    return Action.objects.get(plan=plan, ref=ref)


def edit_url(cycle, ref: str) -> str:
    return reverse("updates:update_edit", args=[cycle.pk, ref])


def form_data(
    *,
    status: str = "on_track",
    commentary: str = "Listening groups finished; outcomes go to LT on 22 November.",
    no_change: bool = False,
    version: int = 0,
    submit: bool = True,
    **change: str,
) -> dict[str, str]:
    data = {
        "status": status,
        "commentary": commentary,
        "version": str(version),
        "submit": "submit" if submit else "draft",
        **change,
    }
    if no_change:
        data["no_change"] = "on"
    return data


def submit(user, cycle, ref: str, **values):
    """Submit through the service, as the form would."""
    arguments = {
        "status": "on_track",
        "commentary": "Going to plan.",
        "no_change": False,
        "change": None,
        "expected_version": 0,
        "today": date(2022, 11, 10),
    }
    arguments.update(values)
    return services.progress_update_submit(
        user=user, cycle=cycle, action=action(cycle.plan, ref), **arguments
    )
