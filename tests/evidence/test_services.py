"""Adding evidence: who may, what is kept, and that a refusal writes nothing at all."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.evidence.models import Evidence
from planwatch.evidence.selectors import action_has_success_evidence
from planwatch.evidence.services import (
    EvidenceRefused,
    evidence_add_file,
    evidence_add_link,
)
from planwatch.plans.models import Action

from . import files

pytestmark = pytest.mark.django_db
OWNED, NOT_OWNED = "OC.A1.3", "CO.B1.0"


def add_pdf(user, ref: str = OWNED, **kwargs) -> Evidence:
    arguments = {
        "user": user,
        "action": Action.objects.get(ref=ref),
        "upload": files.upload("Signed off strategy.pdf", files.pdf(), "application/x-msdownload"),
        "title": "Culture strategy signed off",
        "shows_success_measures": False,
    }
    return evidence_add_file(**{**arguments, **kwargs})


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def nothing_written(media_root) -> bool:
    return (
        not Evidence.objects.exists()
        and not Evidence.history.exists()
        and not stored_files(media_root)
    )


def test_a_file_is_kept_with_its_hash_size_real_type_and_name_under_a_generated_name(
    sample_plan, role_users, media_root
):
    evidence = add_pdf(role_users["pmo"])

    evidence.refresh_from_db()
    content = files.pdf()
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.size == len(content)
    assert evidence.content_type == "application/pdf"  # not what the browser claimed
    assert evidence.original_name == "Signed off strategy.pdf"
    assert evidence.file.name.startswith(f"evidence/{date.today():%Y/%m}/")
    assert "Signed" not in evidence.file.name
    assert evidence.file.name.endswith(".pdf")
    assert stored_files(media_root)[0].read_bytes() == content
    assert evidence.added_by == role_users["pmo"]


def test_the_audit_trail_names_who_added_the_evidence(sample_plan, role_users):
    evidence = add_pdf(role_users["pmo"])

    record = evidence.history.get()
    assert record.history_type == "+"
    assert record.history_user == role_users["pmo"]
    assert record.history_change_reason == "Evidence file added"


def test_an_oversized_file_is_refused_and_nothing_is_written(
    sample_plan, role_users, settings, media_root
):
    settings.PLANWATCH_EVIDENCE_MAX_BYTES = 100

    content = files.pdf().ljust(150)

    with pytest.raises(EvidenceRefused) as caught:
        add_pdf(role_users["pmo"], upload=files.upload("evidence.pdf", content))

    assert caught.value.message == "evidence.pdf is 150 bytes; the limit is 100 bytes"
    assert caught.value.field == "file"
    assert nothing_written(media_root)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.exe", files.exe()),
        ("report.pdf", files.exe()),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"<!doctype html><p>hi</p>"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_written(
    sample_plan, role_users, media_root, name, content
):
    with pytest.raises(EvidenceRefused):
        add_pdf(role_users["pmo"], upload=files.upload(name, content))

    assert nothing_written(media_root)


@pytest.mark.parametrize("extension", sorted(files.ALLOWED))
def test_each_allowed_type_can_be_added(sample_plan, role_users, extension):
    make, content_type = files.ALLOWED[extension]

    evidence = add_pdf(role_users["pmo"], upload=files.upload(f"evidence.{extension}", make()))

    assert evidence.content_type == content_type


def test_an_owner_can_add_evidence_to_their_own_action_only(owner_with_roles, media_root):
    evidence = add_pdf(owner_with_roles, ref=OWNED)

    assert evidence.added_by == owner_with_roles
    with pytest.raises(PermissionDenied):
        add_pdf(owner_with_roles, ref=NOT_OWNED)
    assert Evidence.objects.count() == 1
    assert len(stored_files(media_root)) == 1


@pytest.mark.parametrize("role", ["viewer", "approver"])
def test_viewers_and_approvers_cannot_add_evidence(sample_plan, role_users, media_root, role):
    with pytest.raises(PermissionDenied):
        add_pdf(role_users[role])
    with pytest.raises(PermissionDenied):
        evidence_add_link(
            user=role_users[role],
            action=Action.objects.get(ref=OWNED),
            url="https://example.com/",
            title="A link",
            shows_success_measures=False,
        )

    assert nothing_written(media_root)


def test_a_link_is_kept_as_evidence(sample_plan, role_users):
    evidence = evidence_add_link(
        user=role_users["pmo"],
        action=Action.objects.get(ref=OWNED),
        url=" https://intranet.example.gov.uk/culture-strategy ",
        title="  Culture   strategy on the intranet ",
        shows_success_measures=True,
    )

    evidence.refresh_from_db()
    assert evidence.url == "https://intranet.example.gov.uk/culture-strategy"
    assert evidence.title == "Culture strategy on the intranet"
    assert not evidence.file
    assert evidence.history.get().history_change_reason == "Evidence link added"


def test_a_link_that_is_not_http_or_https_is_refused_and_nothing_is_written(
    sample_plan, role_users, media_root
):
    with pytest.raises(EvidenceRefused) as caught:
        evidence_add_link(
            user=role_users["pmo"],
            action=Action.objects.get(ref=OWNED),
            url="javascript:alert(document.cookie)",
            title="Sneaky",
            shows_success_measures=True,
        )

    assert "starts with https://" in caught.value.message
    assert nothing_written(media_root)


def test_a_blank_title_is_refused(sample_plan, role_users, media_root):
    with pytest.raises(EvidenceRefused) as caught:
        add_pdf(role_users["pmo"], title="   ")

    assert caught.value.field == "title"
    assert nothing_written(media_root)


def test_evidence_for_another_actions_update_is_refused(sample_plan, role_users, media_root):
    other_update = Action.objects.get(ref="OC.A1.2").updates.first()

    with pytest.raises(EvidenceRefused) as caught:
        add_pdf(role_users["pmo"], progress_update=other_update)

    assert caught.value.field == "progress_update"
    assert nothing_written(media_root)


def test_evidence_can_name_the_monthly_update_it_supports(sample_plan, role_users):
    update = Action.objects.get(ref=OWNED).updates.get(month=date(2022, 10, 1))

    evidence = add_pdf(role_users["pmo"], progress_update=update)

    assert evidence.progress_update == update


def test_only_evidence_marked_as_showing_success_lets_an_action_be_closed(sample_plan, role_users):
    action = Action.objects.get(ref=OWNED)
    add_pdf(role_users["pmo"], shows_success_measures=False)
    assert not action_has_success_evidence(action=action)

    add_pdf(role_users["pmo"], shows_success_measures=True)
    assert action_has_success_evidence(action=action)
