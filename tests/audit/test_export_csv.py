"""The auditors' CSV: one row per field changed, in a chosen period, safe to open in Excel."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from planwatch.accounts.permissions import BY_ROLE, Perm
from planwatch.accounts.roles import UPDATE_OWNER, VIEWER
from planwatch.audit.selectors import CSV_HEADER
from planwatch.audit.trail import history_models
from planwatch.domain.spreadsheet_csv import neutralise
from planwatch.plans.concurrency import save_versioned
from planwatch.plans.models import Action

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
OLD_TITLE = "Approval of document setting out the desired organisational culture"
NEW_TITLE = "Approve the culture document"


def export(client, **params):
    return client.get(reverse("audit:export_csv"), params)


def rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == CSV_HEADER
    return [dict(zip(CSV_HEADER, row, strict=True)) for row in reader]


@pytest.fixture
def dated(retitled):
    """Everything recorded on 20 October 2022, except the rewording on 15 November 2022."""
    for model in history_models():
        model.history.update(history_date=datetime(2022, 10, 20, 10, 0, tzinfo=LONDON))
    reworded = Action.history.filter(id=retitled.pk, history_type="~")
    reworded.update(history_date=datetime(2022, 11, 15, 9, 30, tzinfo=LONDON))
    return retitled


def test_the_export_has_a_header_and_a_row_for_each_field_changed(retitled, pmo_client):
    response = export(pmo_client)

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="planwatch-audit-start-to-now.csv"'
    )
    exported = rows(response)
    change = [row for row in exported if row["action"] == "changed" and row["model"] == "Action"]
    assert change == [
        {
            "timestamp": change[0]["timestamp"],
            "user": "pmo",
            "model": "Action",
            "object": "OC.A1.3",
            "object_id": str(retitled.pk),
            "action": "changed",
            "field": "title",
            "old": OLD_TITLE,
            "new": NEW_TITLE,
            "reason": "Rewording approved by Leadership Team",
        }
    ]
    assert datetime.fromisoformat(change[0]["timestamp"]).tzinfo is not None


def test_imported_records_are_created_by_import_one_row_per_value(retitled, pmo_client):
    exported = rows(export(pmo_client))

    created = {
        row["field"]: row
        for row in exported
        if row["object"] == "OC.A1.3 Oct 2022" and row["action"] == "created"
    }
    assert (
        created["status_text"]["new"] == "Medium Progress- actual/ projected slippage of 1-2 months"
    )
    assert created["status_text"]["old"] == ""
    assert created["action"]["new"] == "OC.A1.3"  # a foreign key, shown as the action's ref
    assert {row["user"] for row in created.values()} == {"import"}
    assert {row["reason"] for row in created.values()} == {
        "Imported from improvement-plan-tracker-2022-10.xlsx"
    }
    assert "version" not in created
    assert "updated_at" not in created


def test_the_export_keeps_to_the_dates_asked_for(dated, pmo_client):
    november = rows(export(pmo_client, **{"from": "2022-11-01", "to": "2022-11-30"}))
    october = rows(export(pmo_client, **{"from": "2022-10-20", "to": "2022-10-20"}))
    to_the_day = rows(export(pmo_client, to="2022-11-15"))
    after = rows(export(pmo_client, **{"from": "2022-11-16"}))

    assert [(row["object"], row["field"]) for row in november] == [("OC.A1.3", "title")]
    assert november[0]["old"] == OLD_TITLE  # diffed against the record before the period
    assert november[0]["timestamp"] == "2022-11-15T09:30:00+00:00"
    assert october
    assert {row["action"] for row in october} == {"created"}
    assert ("OC.A1.3", "title", NEW_TITLE) in {
        (row["object"], row["field"], row["new"]) for row in to_the_day
    }
    assert after == []


def test_the_file_is_named_after_the_period(dated, pmo_client):
    response = export(pmo_client, **{"from": "2022-11-01", "to": "2022-11-30"})

    assert (
        'filename="planwatch-audit-2022-11-01-to-2022-11-30.csv"'
        in (response["Content-Disposition"])
    )


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(retitled, pmo_client):
    action = Action.objects.get(ref="OC.A1.3")
    for title in ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2", "@SUM(A1)"]:
        action.title = title
        save_versioned(action, expected_version=action.version, fields=["title"], reason=title)

    exported = [row for row in rows(export(pmo_client)) if row["field"] == "title"]

    news = [row["new"] for row in exported][-4:]
    assert news == ['\'=HYPERLINK("http://evil.example","click")', "'+1+1", "'-2", "'@SUM(A1)"]
    assert [row["reason"] for row in exported][-1] == "'@SUM(A1)"
    assert exported[-1]["old"] == "'-2"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "2022-13-01"}, "Enter the from date as year-month-day"),
        ({"to": "31/10/2022"}, "Enter the to date as year-month-day"),
        ({"from": "yesterday"}, "Enter the from date as year-month-day"),
        ({"from": "2022-11-01", "to": "2022-10-01"}, "must be the same as or after the from"),
        ({"to": "9999-12-31"}, "Enter a date between 1900 and 2999"),
    ],
)
def test_bad_dates_get_a_400_page_saying_what_to_fix(sample_plan, pmo_client, params, message):
    response = export(pmo_client, **params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html


@pytest.mark.parametrize("role", ["viewer", "approver", "pmo", "admin"])
def test_auditors_approvers_and_pmo_can_export(sample_plan, client, role_users, role):
    client.force_login(role_users[role])

    assert export(client).status_code == 200
    assert client.get(reverse("audit:index")).status_code == 200


def test_owners_are_not_auditors_and_cannot_export(owner_with_roles, client):
    assert VIEWER in BY_ROLE[Perm.VIEW_AUDIT]
    assert UPDATE_OWNER not in BY_ROLE[Perm.VIEW_AUDIT]
    client.force_login(owner_with_roles)

    assert export(client).status_code == 403
    assert client.get(reverse("audit:index")).status_code == 403


def test_people_without_a_role_cannot_export_and_visitors_must_sign_in(sample_plan, client):
    response = export(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    client.force_login(get_user_model().objects.create_user("nobody", password="x"))
    assert export(client).status_code == 403


def test_the_audit_page_offers_the_export_form(sample_plan, pmo_client):
    html = pmo_client.get(reverse("audit:index")).content.decode()

    assert f'action="{reverse("audit:export_csv")}"' in html
    assert 'name="from"' in html
    assert 'name="to"' in html


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("On Track") == "On Track"
    assert neutralise("") == ""
    assert neutralise("2022-10-01") == "2022-10-01"
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("\t=1") == "'\t=1"
