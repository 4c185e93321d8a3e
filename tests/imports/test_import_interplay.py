"""How an import meets the monthly cycle: baselines, change control, audit trail, owners."""

from datetime import date

import pytest

from planwatch.accounts.models import ActionOwner, OwnerRole
from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.imports.models import DataQualityWarning
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate, UpdateState

from .workbooks import altered_sample

pytestmark = pytest.mark.django_db


def with_due(ref: str, due: str):
    def alter(name, rows):
        return [[*row[:8], due, *row[9:]] if row[1] == ref else row for row in rows]

    return alter


def test_the_first_import_sets_each_baseline_due_date_and_a_later_one_keeps_it(
    sample_workbook, tmp_path
):
    tracker_import(path=sample_workbook, plan_name="Plan")
    assert Action.objects.get(ref="OC.A1.3").baseline_due_text == "Autumn 2022"

    tracker_import(
        path=altered_sample(tmp_path / "moved.xlsx", with_due("OC.A1.3", "Jan 2023")),
        plan_name="Plan",
    )

    action = Action.objects.get(ref="OC.A1.3")
    assert (action.due_text, action.baseline_due_text) == ("Jan 2023", "Autumn 2022")
    assert action.baseline_due_latest == date(2022, 11, 30)
    assert action.rebaseline_count == 0


def test_change_control_rows_become_pending_requests_for_pmo_to_complete(sample_workbook):
    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    requests = ChangeRequest.objects.filter(decision=Decision.PENDING)
    assert summary.change_requests_created == requests.count() == 69
    request = requests.get(action__ref="OC.A1.3")
    assert request.kind == ChangeKind.TO_BE_COMPLETED
    assert request.month == date(2022, 10, 1)
    assert "Change Control to January" in request.reason
    assert request.progress_update.month == date(2022, 10, 1)


def test_reimporting_does_not_raise_the_same_change_request_twice(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    assert summary.change_requests_created == 0
    assert ChangeRequest.objects.count() == 69


def test_imported_updates_arrive_as_submitted_for_pmo_review(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    assert set(ProgressUpdate.objects.values_list("state", flat=True)) == {UpdateState.SUBMITTED}


def test_a_pending_due_date_request_freezes_the_due_date_against_the_workbook(
    sample_workbook, tmp_path
):
    tracker_import(path=sample_workbook, plan_name="Plan")
    ChangeRequest.objects.filter(action__ref="OC.A1.3").update(kind=ChangeKind.DUE_DATE)

    moved = altered_sample(tmp_path / "moved.xlsx", with_due("OC.A1.3", "Mar 2023"))
    tracker_import(path=moved, plan_name="Plan")

    assert Action.objects.get(ref="OC.A1.3").due_text == "Autumn 2022"
    warning = DataQualityWarning.objects.get(ref="OC.A1.3", category="change_control")
    assert "pending" in warning.message


def test_every_imported_action_and_update_has_an_audit_record_naming_the_file(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    assert Action.history.count() == 295
    assert ProgressUpdate.history.count() == 268 + 295
    reasons = set(Action.history.values_list("history_change_reason", flat=True))
    assert reasons == {f"Imported from {sample_workbook.name}"}


def test_a_changed_cell_adds_one_audit_record_with_old_and_new_values(sample_workbook, tmp_path):
    tracker_import(path=sample_workbook, plan_name="Plan")
    tracker_import(
        path=altered_sample(tmp_path / "m.xlsx", with_due("OC.A1.3", "Jan 2023")), plan_name="Plan"
    )

    records = Action.history.filter(ref="OC.A1.3").order_by("history_date")
    assert records.count() == 2
    change = records.last().diff_against(records.first())
    assert ("due_text", "Autumn 2022", "Jan 2023") in [
        (c.field, c.old, c.new) for c in change.changes
    ]


def test_owner_cells_become_roles_linked_to_their_actions(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    law = OwnerRole.objects.get(key="director law and governance")
    assert law.actions.filter(action__ref="DM.A1.0", capacity="director_lead").exists()
    # "Director- Business Strategy & Change Director- Law" names two roles in one cell.
    both = ActionOwner.objects.filter(action__ref="CO.A1.1", capacity="other_lead")
    assert {link.owner_role.key for link in both} == {
        "director business strategy and change",
        "director law and governance",
    }


def test_the_plan_its_themes_and_workstreams_are_recorded_as_imported_from_the_file(
    sample_workbook,
):
    from planwatch.plans.models import Plan, Theme, Workstream

    tracker_import(path=sample_workbook, plan_name="Plan")

    reason = f"Imported from {sample_workbook.name}"
    for model in (Plan, Theme, Workstream):
        assert set(model.history.values_list("history_change_reason", flat=True)) == {reason}


def test_a_draft_does_not_become_the_actions_latest_status(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    action = Action.objects.get(ref="OC.A1.3")
    ProgressUpdate.objects.create(
        action=action, month=date(2022, 11, 1), status="complete", state=UpdateState.DRAFT
    )

    tracker_import(path=sample_workbook, plan_name="Plan")

    assert Action.objects.get(ref="OC.A1.3").latest_status == "medium_progress"


def test_the_audit_row_of_an_imported_record_holds_exactly_its_values(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    for model in (Action, ProgressUpdate):
        for record in model.objects.all()[:50]:
            created = model.history.get(id=record.pk, history_type="+")
            for field in created.instance._meta.concrete_fields:
                if field.attname in {"latest_status", "latest_month", "sort_key", "updated_at"}:
                    continue
                assert getattr(created.instance, field.attname) == getattr(record, field.attname), (
                    model.__name__,
                    record.pk,
                    field.attname,
                )
