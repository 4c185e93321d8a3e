"""Two people saving one update: the second is told, shown the first's values, and nothing is
overwritten."""

import pytest

from planwatch.plans.concurrency import EditConflict
from planwatch.plans.models import ProgressUpdate, UpdateState
from planwatch.updates import services

from .helpers import NOVEMBER, OWNED, action, edit_url, form_data

pytestmark = pytest.mark.django_db


def draft(user, cycle, commentary: str, version: int) -> ProgressUpdate:
    return services.progress_update_save_draft(
        user=user,
        cycle=cycle,
        action=action(cycle.plan, OWNED),
        status="on_track",
        commentary=commentary,
        no_change=False,
        expected_version=version,
    )


def test_a_stale_version_shows_a_conflict_and_overwrites_nothing(
    owner_client, owner, role_users, cycle, today
):
    first = draft(owner, cycle, "Owner's first draft", 0)
    # PMO saves over it while the owner still has version 1 open.
    draft(role_users["pmo"], cycle, "PMO's correction", first.version)

    response = owner_client.post(
        edit_url(cycle, OWNED), form_data(commentary="Owner's second go", version=first.version)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Someone else saved this progress update while you were editing it" in page
    assert "PMO&#x27;s correction" in page and "Pat Morgan" in page
    assert "Owner&#x27;s second go" in page  # what they typed is kept for them
    saved = ProgressUpdate.objects.get(action__ref=OWNED, month=NOVEMBER)
    assert saved.commentary == "PMO's correction" and saved.state == UpdateState.DRAFT
    # The form now carries the version they have seen, so saving again is their decision.
    assert response.context["form"]["version"].value() == str(saved.version)


def test_two_people_creating_the_months_update_at_once_conflict(owner, role_users, cycle):
    draft(role_users["pmo"], cycle, "PMO got there first", 0)

    with pytest.raises(EditConflict) as conflict:
        draft(owner, cycle, "Owner, also from a blank form", 0)

    assert conflict.value.current.commentary == "PMO got there first"


def test_a_stale_review_is_a_conflict(role_users, owner, cycle):
    update = services.progress_update_submit(
        user=owner,
        cycle=cycle,
        action=action(cycle.plan, OWNED),
        status="on_track",
        commentary="Done",
        no_change=False,
        change=None,
        expected_version=0,
        today=NOVEMBER,
    )
    stale = update.version
    services.progress_update_accept(user=role_users["pmo"], update=update, expected_version=stale)

    with pytest.raises(EditConflict):
        services.progress_update_return(
            user=role_users["pmo"],
            update=ProgressUpdate.objects.get(pk=update.pk),
            note="Too late",
            expected_version=stale,
        )
