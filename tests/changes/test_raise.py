"""Raising a change request: each kind is checked against the plan, and pending fields freeze."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.changes.errors import ChangeRequestError
from planwatch.changes.models import ChangeKind, Decision
from planwatch.changes.selectors import frozen_fields, frozen_model_fields
from planwatch.plans.models import Lifecycle

from .helpers import NOT_OWNED, OCTOBER, OWNED, action_get, change_raise

pytestmark = pytest.mark.django_db


def refused(user, action, kind, proposed=None, **kwargs) -> ChangeRequestError:
    with pytest.raises(ChangeRequestError) as caught:
        change_raise(user, action, kind, proposed, **kwargs)
    return caught.value


# --- What each kind may ask ----------------------------------------------------------------


def test_due_date_request_is_pending_and_keeps_the_date_as_written(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    request = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": " December 2022 "})

    assert request.decision == Decision.PENDING
    assert request.proposed == {"due_text": "December 2022"}
    assert (request.plan, request.action, request.month) == (sample_plan, action, OCTOBER)
    assert request.raised_by == pmo


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the new due date"),
        ("dates", "cannot read 'dates' as a due date"),
        ("Complete", "ask to close it instead"),
        ("autumn 22", "already Autumn 2022"),
    ],
    ids=["blank", "unreadable", "complete-is-not-a-date", "same-reading-as-now"],
)
def test_due_date_request_needs_a_readable_different_date(sample_plan, pmo, text, message):
    action = action_get(sample_plan, OWNED)  # due "Autumn 2022"

    error = refused(pmo, action, ChangeKind.DUE_DATE, {"due_text": text})

    assert message in error.message
    assert error.field == "due_text"


def test_start_date_request_needs_a_readable_date(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    error = refused(pmo, action, ChangeKind.START_DATE, {"start_text": "x"})
    request = change_raise(pmo, action, ChangeKind.START_DATE, {"start_text": "Jan 2023"})

    assert error.field == "start_text"
    assert request.proposed == {"start_text": "Jan 2023"}


def test_rewording_request_needs_new_words(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    blank = refused(pmo, action, ChangeKind.REWORDING, {"title": "  "})
    same = refused(pmo, action, ChangeKind.REWORDING, {"title": action.title + " "})
    request = change_raise(pmo, action, ChangeKind.REWORDING, {"title": "Agree the culture"})

    assert blank.message == "Enter the wording of the action"
    assert "same as the current wording" in same.message
    assert request.proposed == {"title": "Agree the culture"}


def test_new_sub_action_request_needs_an_unused_ref_under_its_main_action(sample_plan, pmo):
    main = action_get(sample_plan, "OC.B1.0")

    unreadable = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "B1.8", "title": "T"})
    used = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.B1.7", "title": "T"})
    elsewhere = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.A1.9", "title": "T"})
    no_title = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.B1.8"})
    request = change_raise(
        pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "oc.b1.8", "title": "Train managers"}
    )

    assert "not a reference" in unreadable.message
    assert "already an action OC.B1.7" in used.message
    assert "A sub-action of OC.B1.0 has a reference like OC.B1.N" in elsewhere.message
    assert no_title.field == "title"
    assert request.proposed == {"ref": "OC.B1.8", "title": "Train managers"}
    assert request.action == main


def test_a_new_sub_action_of_an_irregularly_written_main_action_reads_its_ref(sample_plan, pmo):
    main = action_get(sample_plan, "CO.D.2.0")

    taken = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "CO.D.2.1", "title": "T"})
    request = change_raise(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "CO.D2.6", "title": "T"})

    assert "already an action CO.D2.1" in taken.message
    assert request.proposed["ref"] == "CO.D2.6"


def test_new_sub_action_is_added_to_a_main_action_not_a_sub_action(sample_plan, pmo):
    sub = action_get(sample_plan, "OC.B1.3")

    error = refused(pmo, sub, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.B1.8", "title": "T"})

    assert "OC.B1.3 is a sub-action" in error.message


def test_two_pending_requests_cannot_propose_the_same_new_ref(sample_plan, pmo):
    main = action_get(sample_plan, "OC.B1.0")
    first = change_raise(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.B1.8", "title": "A"})

    error = refused(pmo, main, ChangeKind.NEW_SUB_ACTION, {"ref": "OC.B1.8", "title": "B"})

    assert f"Change request #{first.pk}, still pending, already proposes" in error.message


def test_new_main_action_request_names_its_workstream_and_an_unused_ref_in_its_theme(
    sample_plan, pmo
):
    workstream = action_get(sample_plan, "OC.B1.0").workstream

    def proposal(ref):
        return {"ref": ref, "title": "Induction for new managers", "workstream": workstream.pk}

    sub_ref = refused(pmo, None, ChangeKind.NEW_ACTION, proposal("OC.B9.1"))
    other_theme = refused(pmo, None, ChangeKind.NEW_ACTION, proposal("CO.B9.0"))
    used = refused(pmo, None, ChangeKind.NEW_ACTION, proposal("OC.B1.0"))
    no_workstream = refused(pmo, None, ChangeKind.NEW_ACTION, {"ref": "OC.B9.0", "title": "T"})
    request = change_raise(pmo, None, ChangeKind.NEW_ACTION, proposal("OC.B9.0"))

    assert "ends in .0" in sub_ref.message
    assert "CO.B9.0 is not in theme OC" in other_theme.message
    assert "already an action OC.B1.0" in used.message
    assert no_workstream.field == "workstream"
    assert request.action is None
    assert request.plan == sample_plan
    assert request.proposed["ref"] == "OC.B9.0"


def test_only_pmo_asks_for_a_new_main_action(sample_plan, owner_with_roles):
    workstream = action_get(sample_plan, OWNED).workstream

    with pytest.raises(PermissionDenied):
        change_raise(
            owner_with_roles,
            None,
            ChangeKind.NEW_ACTION,
            {"ref": "OC.A9.0", "title": "T", "workstream": workstream.pk},
        )


@pytest.mark.parametrize("kind", [ChangeKind.CLOSE, ChangeKind.BUSINESS_AS_USUAL])
def test_close_and_business_as_usual_requests_propose_nothing_else(sample_plan, pmo, kind):
    action = action_get(sample_plan, OWNED)

    extra = refused(pmo, action, kind, {"due_text": "Jan 2023"})
    request = change_raise(pmo, action, kind)

    assert "cannot propose due_text" in extra.message
    assert request.proposed == {}


def test_duplicate_request_names_another_live_action(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    itself = refused(pmo, action, ChangeKind.DUPLICATE, {"duplicate_of": OWNED})
    missing = refused(pmo, action, ChangeKind.DUPLICATE, {"duplicate_of": "OC.Z9.9"})
    request = change_raise(pmo, action, ChangeKind.DUPLICATE, {"duplicate_of": "oc.a1.2"})

    assert "cannot duplicate itself" in itself.message
    assert "There is no action OC.Z9.9" in missing.message
    assert request.proposed == {"duplicate_of": "OC.A1.2"}


def test_owner_change_request_keeps_only_the_owners_that_change(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    same = {"director_lead": action.director_lead, "update_owner": action.update_owner}

    unchanged = refused(pmo, action, ChangeKind.OWNER_CHANGE, same)
    no_director = refused(pmo, action, ChangeKind.OWNER_CHANGE, {"director_lead": ""})
    request = change_raise(
        pmo, action, ChangeKind.OWNER_CHANGE, {**same, "update_owner": "Head of OD"}
    )

    assert "change at least one" in unchanged.message
    assert "needs a director lead" in no_director.message
    assert request.proposed == {"update_owner": "Head of OD"}


def test_every_request_needs_a_reason(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    error = refused(pmo, action, ChangeKind.CLOSE, reason="  ")

    assert (error.field, error.message) == ("reason", "Say why the change is needed")


def test_unknown_kind_is_refused(sample_plan, pmo):
    error = refused(pmo, action_get(sample_plan, OWNED), "delete")

    assert error.field == "kind"


def test_an_action_no_longer_in_the_plan_cannot_be_changed(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    action.lifecycle = Lifecycle.CLOSED
    action.save()

    error = refused(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})

    assert "no longer in the plan (closed by change control)" in error.message


def test_the_month_is_kept_as_the_first_of_the_month(sample_plan, pmo):
    request = change_raise(pmo, action_get(sample_plan, OWNED), "close", month=date(2022, 10, 17))

    assert request.month == OCTOBER


# --- Who may ask ---------------------------------------------------------------------------


def test_owner_raises_for_their_own_action(sample_plan, owner_with_roles):
    request = change_raise(
        owner_with_roles, action_get(sample_plan, OWNED), "due_date", {"due_text": "Jan 2023"}
    )

    assert request.raised_by == owner_with_roles


def test_owner_cannot_raise_for_someone_elses_action(sample_plan, owner_with_roles):
    with pytest.raises(PermissionDenied):
        change_raise(
            owner_with_roles,
            action_get(sample_plan, NOT_OWNED),
            "due_date",
            {"due_text": "Jan 2023"},
        )


@pytest.mark.parametrize("username", ["approver", "viewer"])
def test_approvers_and_viewers_cannot_raise(sample_plan, role_users, username):
    with pytest.raises(PermissionDenied):
        change_raise(role_users[username], action_get(sample_plan, OWNED), "close")


# --- Frozen while pending ------------------------------------------------------------------


def test_a_second_request_about_the_same_field_is_refused_naming_the_first(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    first = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})

    error = refused(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Feb 2023"})

    assert f"Change request #{first.pk} (change the due date" in error.message
    assert "already pending for OC.A1.3" in error.message
    assert "about its due" in error.message


def test_closing_and_duplicate_both_touch_the_lifecycle(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    change_raise(pmo, action, ChangeKind.CLOSE)

    error = refused(pmo, action, ChangeKind.DUPLICATE, {"duplicate_of": "OC.A1.2"})

    assert "about its lifecycle" in error.message


def test_requests_about_different_fields_may_be_pending_together(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})

    change_raise(pmo, action, ChangeKind.REWORDING, {"title": "Agree the culture"})

    assert frozen_fields(action=action) == {"due", "title"}


def test_frozen_model_fields_name_every_column_of_a_frozen_date(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)
    change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})
    change_raise(pmo, action, ChangeKind.DUPLICATE, {"duplicate_of": "OC.A1.2"})

    assert frozen_model_fields(action=action) == {
        "due_text",
        "due_kind",
        "due_earliest",
        "due_latest",
        "due_note",
        "due_every_months",
        "lifecycle",
        "duplicate_of",
    }


def test_an_imported_request_to_be_completed_freezes_nothing(sample_plan, pmo):
    action = action_get(sample_plan, OWNED)

    assert action.change_requests.filter(kind=ChangeKind.TO_BE_COMPLETED).exists()
    assert frozen_fields(action=action) == set()
    change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})


def test_a_withdrawn_request_no_longer_freezes(sample_plan, pmo):
    from planwatch.changes.services import change_request_withdraw

    action = action_get(sample_plan, OWNED)
    first = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Jan 2023"})
    change_request_withdraw(user=pmo, change_request=first, expected_version=first.version)

    second = change_raise(pmo, action, ChangeKind.DUE_DATE, {"due_text": "Feb 2023"})

    assert second.decision == Decision.PENDING
