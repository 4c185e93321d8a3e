"""An imported change request carries the new date its commentary names, for PMO to confirm."""

import pytest
from django.urls import reverse

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision

pytestmark = pytest.mark.django_db


def imported_for(plan, ref: str) -> ChangeRequest:
    return ChangeRequest.objects.get(
        plan=plan, action__ref=ref, kind=ChangeKind.TO_BE_COMPLETED, decision=Decision.PENDING
    )


def test_an_imported_request_keeps_the_date_read_from_its_commentary(sample_plan):
    request = imported_for(sample_plan, "OC.B1.3")
    assert request.commentary_dates == [
        {
            "field": "due",
            "text": "December 2022",
            "phrase": "Change control to amend delivery date to December 2022",
        }
    ]
    assert imported_for(sample_plan, "OC.C4.2").commentary_dates == []


def test_fifteen_of_the_samples_69_requests_name_a_new_date(sample_plan):
    requests = ChangeRequest.objects.filter(plan=sample_plan, kind=ChangeKind.TO_BE_COMPLETED)
    assert requests.count() == 69
    assert sum(1 for r in requests if r.commentary_dates) == 15


def test_the_request_page_shows_the_reading_or_says_none_was_found(sample_plan, pmo_client):
    def page(ref: str) -> str:
        request = imported_for(sample_plan, ref)
        return pmo_client.get(reverse("changes:detail", args=[request.pk])).content.decode()

    html = page("OC.B1.3")
    assert "Due: December 2022" in html
    assert "Change control to amend delivery date to December 2022" in html
    assert "confirm or edit it when completing the request" in html
    assert "No new date was found in the commentary." in page("OC.C4.2")


def test_completing_starts_from_the_date_read_from_the_commentary(sample_plan, pmo_client):
    request = imported_for(sample_plan, "OC.B1.3")
    form = pmo_client.get(reverse("changes:complete", args=[request.pk])).context["form"]
    assert form["kind"].value() == ChangeKind.DUE_DATE.value
    assert form["due_text"].value() == "December 2022"


def test_a_start_date_alone_starts_a_start_date_change(sample_plan, pmo_client):
    request = imported_for(sample_plan, "OC.B2.4")  # "firmer start date as April 2023"
    form = pmo_client.get(reverse("changes:complete", args=[request.pk])).context["form"]
    assert form["kind"].value() == ChangeKind.START_DATE.value
    assert form["start_text"].value() == "April 2023"
