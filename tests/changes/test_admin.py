"""The admin keeps change control: no deleting, frozen fields read-only, no silent overwrites."""

import pytest
from django.urls import reverse

from planwatch.accounts.roles import PMO
from planwatch.accounts.services import user_create_or_reset
from planwatch.changes.models import ChangeRequest, Decision
from planwatch.plans.models import Action, Plan, ProgressUpdate, Recommendation, Theme, Workstream

from .helpers import OWNED, action_get, change_approve, change_raise

pytestmark = pytest.mark.django_db
PLAN_MODELS = [Plan, Theme, Workstream, Action, Recommendation, ProgressUpdate]


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def form_data(response) -> dict:
    """What the browser would post back from an admin change page, unchanged."""
    data = {}
    for field in response.context["adminform"].form:
        value = field.value()
        data[field.html_name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for field in formset.management_form:
            data[field.html_name] = field.value()
        for form in formset.forms:
            for field in form.hidden_fields():
                data[field.html_name] = "" if field.value() is None else field.value()
    return data


@pytest.fixture
def second_pmo(db):
    return user_create_or_reset(username="pmo2", password="pmo2-pass", role=PMO)


@pytest.mark.parametrize("model", PLAN_MODELS, ids=lambda model: model.__name__)
def test_admin_never_deletes_plan_records(sample_plan, client, role_users, model):
    Recommendation.objects.create(plan=sample_plan, source="CIPFA", number="1")
    obj = model.objects.first()
    meta = model._meta
    client.force_login(role_users["admin"])  # even a superuser

    delete = client.post(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk]), {"post": "yes"}
    )
    listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))

    assert delete.status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
    # Deleting the selected rows was the only bulk action, so the list offers none.
    assert listing.context["action_form"] is None


def test_admin_does_not_revert_from_history(sample_plan, pmo_client):
    action = action_get(sample_plan, OWNED)
    record = action.history.first()
    url = reverse("admin:plans_action_simple_history", args=[action.pk, record.history_id])

    page = pmo_client.get(url)
    revert = pmo_client.post(url, {"title": "Old words"})

    assert page.status_code == 200
    assert revert.status_code == 403
    assert (
        pmo_client.get(reverse("admin:plans_action_history", args=[action.pk])).status_code == 200
    )


def test_new_actions_are_not_added_in_the_admin(sample_plan, pmo_client):
    assert pmo_client.get(reverse("admin:plans_action_add")).status_code == 403


def test_fields_of_a_pending_request_are_read_only(sample_plan, pmo, pmo_client):
    action = action_get(sample_plan, OWNED)
    pending = change_raise(pmo, action, "due_date", {"due_text": "Jan 2023"})

    response = pmo_client.get(change_url(action))
    form = response.context["adminform"].form
    data = form_data(response) | {"due_text": "March 2023", "title": "New words"}
    saved = pmo_client.post(change_url(action), data)
    action.refresh_from_db()

    assert "due_text" not in form.fields
    assert "title" in form.fields
    assert f"#{pending.pk} Change the due date" in response.content.decode()
    assert saved.status_code == 302
    assert (action.due_text, action.title) == ("Autumn 2022", "New words")


def test_change_control_fields_are_never_edited_in_the_admin(sample_plan, pmo_client):
    response = pmo_client.get(change_url(action_get(sample_plan, OWNED)))
    fields = response.context["adminform"].form.fields

    for name in ("lifecycle", "duplicate_of", "rebaseline_count", "version", "ref", "plan"):
        assert name not in fields


def test_editing_a_date_in_the_admin_reads_it_again(sample_plan, pmo_client):
    action = action_get(sample_plan, OWNED)
    response = pmo_client.get(change_url(action))

    saved = pmo_client.post(change_url(action), form_data(response) | {"due_text": "Q1 2023"})
    action.refresh_from_db()

    assert saved.status_code == 302
    assert (action.due_text, action.due_kind) == ("Q1 2023", "part_of_year")
    assert action.due_latest.isoformat() == "2023-03-31"
    assert action.baseline_due_text == "Autumn 2022"  # a correction is not a re-baseline
    assert action.version == 2
    assert action.history.first().history_change_reason == "Edited in the admin"


def test_the_second_of_two_officers_saving_an_action_gets_the_first_ones_values(
    sample_plan, client, pmo_client, second_pmo
):
    action = action_get(sample_plan, OWNED)
    client.force_login(second_pmo)
    first_read = pmo_client.get(change_url(action))
    second_read = client.get(change_url(action))

    first = pmo_client.post(change_url(action), form_data(first_read) | {"title": "First words"})
    second = client.post(change_url(action), form_data(second_read) | {"title": "Second words"})
    html = second.content.decode()
    action.refresh_from_db()

    assert first.status_code == 302
    assert second.status_code == 200
    assert "Someone else saved this action while you were editing it" in html
    assert "now ‘First words’; your form has ‘Second words’" in html
    assert action.title == "First words"
    # Having seen it, the officer may keep their own words by saving again.
    again = client.post(change_url(action), form_data(second))
    action.refresh_from_db()
    assert again.status_code == 302
    assert action.title == "Second words"


def test_an_approved_change_makes_an_open_admin_form_stale(sample_plan, pmo, approver, pmo_client):
    action = action_get(sample_plan, OWNED)
    opened = pmo_client.get(change_url(action))
    change_approve(approver, change_raise(pmo, action, "rewording", {"title": "Approved words"}))

    response = pmo_client.post(change_url(action), form_data(opened) | {"cabinet_member": "X"})
    action.refresh_from_db()

    assert response.status_code == 200
    assert "Someone else saved this action" in response.content.decode()
    assert (action.title, action.cabinet_member) == ("Approved words", "Deputy Leader")


def test_progress_updates_are_versioned_in_the_admin_too(
    sample_plan, client, pmo_client, second_pmo
):
    update = ProgressUpdate.objects.filter(action__plan=sample_plan).first()
    client.force_login(second_pmo)
    first_read = pmo_client.get(change_url(update))
    second_read = client.get(change_url(update))

    pmo_client.post(change_url(update), form_data(first_read) | {"commentary": "First"})
    second = client.post(change_url(update), form_data(second_read) | {"commentary": "Second"})
    update.refresh_from_db()

    assert second.status_code == 200
    assert update.commentary == "First"


def test_change_requests_can_only_be_looked_up_in_the_admin(sample_plan, client, role_users):
    request = ChangeRequest.objects.first()
    client.force_login(role_users["admin"])

    listing = client.get(reverse("admin:changes_changerequest_changelist"), {"q": "OC.A1.3"})
    page = client.get(change_url(request))
    changed = client.post(change_url(request), {"decision": "approved"})
    deleted = client.post(
        reverse("admin:changes_changerequest_delete", args=[request.pk]), {"post": "yes"}
    )

    assert listing.status_code == page.status_code == 200
    assert f'href="/changes/{request.pk}/"' in page.content.decode()
    assert (changed.status_code, deleted.status_code) == (403, 403)
    assert ChangeRequest.objects.get(pk=request.pk).decision == Decision.PENDING
