"""The assurance page, its dismiss and undo forms, and the month's CSV."""

import csv
import io

from django.urls import reverse

from planwatch.assurance.models import FlagDismissal
from planwatch.assurance.services import flag_dismiss
from tests.assurance.conftest import OCTOBER

INDEX = reverse("assurance:index")
DISMISS = reverse("assurance:dismiss")


def _post(client, **overrides):
    data = {"ref": "OC.C1.1", "month": "2022-10", "kind": "rating_disagrees", "reason": "Known"}
    return client.post(DISMISS, {**data, **overrides})


def test_the_page_opens_on_the_latest_month_with_updates(sample_plan, pmo_client):
    html = pmo_client.get(INDEX).content.decode()

    assert '<option value="2022-10" selected>October 2022</option>' in html
    assert '<option value="2022-09">September 2022</option>' in html
    assert 'data-flag="OC.C1.1 rating_disagrees"' in html
    assert "236 actions checked for October 2022" in html  # see test_october_2022.py


def test_a_month_can_be_chosen(sample_plan, pmo_client):
    html = pmo_client.get(INDEX, {"month": "2022-09"}).content.decode()

    assert '<option value="2022-09" selected>September 2022</option>' in html
    assert "for September 2022" in html


def test_a_month_without_updates_shows_an_error_and_no_flags(sample_plan, pmo_client):
    response = pmo_client.get(INDEX, {"month": "2019-01"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Choose a month that has monthly updates" in html
    assert 'data-flag="' not in html


def test_the_summary_table_counts_open_flags_by_kind_and_theme(sample_plan, pmo_client):
    html = pmo_client.get(INDEX).content.decode()
    table = html.split('id="flag-counts"')[1].split("</table>")[0]

    assert "Rating rosier than the dates" in table
    assert "Closed without evidence" in table
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">8</td>' in table


def test_only_pmo_sees_the_dismiss_forms(sample_plan, client, role_users):
    client.force_login(role_users["viewer"])
    assert "Dismiss this flag" not in client.get(INDEX).content.decode()
    client.force_login(role_users["pmo"])
    assert "Dismiss this flag" in client.get(INDEX).content.decode()


def test_pmo_dismisses_a_flag_and_sees_it_listed_with_who_and_why(sample_plan, pmo_client):
    response = _post(pmo_client, reason="LT approved a November date on 20 Oct")

    assert response.status_code == 302
    assert response.url == INDEX + "?month=2022-10"
    html = pmo_client.get(response.url).content.decode()
    assert 'data-flag="OC.C1.1 rating_disagrees"' not in html
    assert 'data-dismissed="OC.C1.1 rating_disagrees"' in html
    assert "LT approved a November date on 20 Oct" in html
    assert "Flag on OC.C1.1 dismissed." in html


def test_a_missing_reason_shows_a_govuk_error_beside_the_flag(sample_plan, pmo_client):
    response = _post(pmo_client, reason="")
    html = response.content.decode()

    assert response.status_code == 400
    assert "govuk-error-summary" in html
    assert (
        '<a href="#reason-OC-C1-1-rating_disagrees">Enter why this flag needs no action</a>' in html
    )
    assert 'id="reason-OC-C1-1-rating_disagrees-error"' in html
    assert "<title>Error: " in html
    assert not FlagDismissal.objects.exists()


def test_dismissing_a_flag_that_is_not_raised_is_refused_on_the_page(sample_plan, pmo_client):
    response = _post(pmo_client, ref="OC.A1.2")

    assert response.status_code == 400
    assert "OC.A1.2 has no" in response.content.decode()
    assert not FlagDismissal.objects.exists()


def test_an_unknown_action_is_not_found(sample_plan, pmo_client):
    assert _post(pmo_client, ref="ZZ.Z9.9").status_code == 404


def test_non_pmo_cannot_dismiss(sample_plan, client, role_users):
    for role in ("viewer", "owner", "approver"):
        client.force_login(role_users[role])
        assert _post(client).status_code == 403
    assert not FlagDismissal.objects.exists()


def test_pmo_undoes_a_dismissal(sample_plan, pmo_client, role_users):
    from planwatch.plans.models import Action

    dismissal = flag_dismiss(
        user=role_users["pmo"],
        action=Action.objects.get(ref="OC.C1.1"),
        month=OCTOBER,
        kind="rating_disagrees",
        reason="Known",
    )
    response = pmo_client.post(reverse("assurance:undo", args=[dismissal.pk]))

    assert response.status_code == 302
    assert not FlagDismissal.objects.exists()
    assert 'data-flag="OC.C1.1 rating_disagrees"' in pmo_client.get(response.url).content.decode()


def test_the_months_flags_download_as_csv(sample_plan, pmo_client, role_users):
    from planwatch.plans.models import Action

    flag_dismiss(
        user=role_users["pmo"],
        action=Action.objects.get(ref="SD.A6.1"),
        month=OCTOBER,
        kind="closed_without_evidence",
        reason="=evidence is on the housing drive",
    )
    response = pmo_client.get(reverse("assurance:export"), {"month": "2022-10"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert response["Content-Disposition"].endswith('"planwatch-assurance-2022-10.csv"')
    assert rows[0][:5] == ["month", "theme", "ref", "title", "flag"]
    assert len(rows) == 1 + 8
    dismissed = next(row for row in rows if row[2] == "SD.A6.1")
    assert dismissed[8:] == ["yes", "pmo", "'=evidence is on the housing drive"]


def test_a_plan_with_no_updates_says_there_is_nothing_to_check(sample_plan, pmo_client):
    from planwatch.plans.models import Plan

    Plan.objects.create(name="Empty plan")
    html = pmo_client.get(INDEX, {"plan": "Empty plan"}).content.decode()

    assert "No monthly updates have been reported for this plan yet" in html
    assert 'data-flag="' not in html
