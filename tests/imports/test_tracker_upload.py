"""The browser import: upload, preview (nothing written), confirm or cancel, one at a time."""

import zipfile
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from planwatch.changes.models import ChangeRequest
from planwatch.imports.models import (
    DataQualityWarning,
    ImportRun,
    TrackerFile,
    TrackerUpload,
    UploadState,
)
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate

from .workbooks import altered_sample, as_november

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
NOVEMBER = date(2022, 11, 1)


@pytest.fixture
def worker_runs_at_once(settings):
    """The worker's jobs run inside the request, so a test sees their outcome at once."""
    settings.TASKS = IMMEDIATE


def upload(client, path, plan=None):
    url = reverse("imports:tracker_upload")
    with path.open("rb") as handle:
        return client.post(url, {"file": handle})


def latest_upload() -> TrackerUpload:
    return TrackerUpload.objects.order_by("-pk").first()


def plan_counts() -> dict[str, int]:
    return {
        "actions": Action.objects.count(),
        "updates": ProgressUpdate.objects.count(),
        "runs": ImportRun.objects.count(),
        "warnings": DataQualityWarning.objects.count(),
        "change_requests": ChangeRequest.objects.count(),
    }


def test_the_preview_of_next_months_workbook_shows_its_new_month_and_writes_nothing(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    before = plan_counts()
    response = upload(pmo_client, altered_sample(tmp_path / "nov.xlsx", as_november))

    made = latest_upload()
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("imports:tracker_upload_detail", args=[made.pk]))
    assert made.state == UploadState.READY
    assert plan_counts() == before
    months = {month["month"]: month for month in made.preview["updates"]}
    assert months["2022-11"]["new"] > 0
    assert months["2022-11"]["new"] == made.preview["summary"]["updates_per_month"]["2022-11"]
    october = ProgressUpdate.objects.filter(month=date(2022, 10, 1)).count()
    assert months["2022-10"]["new"] == 0
    assert months["2022-10"]["changed"] + months["2022-10"]["unchanged"] == october
    themes = made.preview["themes"]
    assert len(themes) == 6
    assert sum(t["unchanged"] for t in themes) == 295
    assert not any(t["new"] or t["changed"] or t["missing"] for t in themes)

    page = pmo_client.get(response["Location"]).content.decode()
    assert "Check the import before you confirm it" in page
    assert "November 2022" in page
    assert "Confirm import" in page


def test_confirming_imports_the_month_and_keeps_the_original_file_for_download(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    path = altered_sample(tmp_path / "nov.xlsx", as_november)
    upload(pmo_client, path)
    made = latest_upload()
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()

    response = pmo_client.post(reverse("imports:tracker_upload_confirm", args=[made.pk]))

    made.refresh_from_db()
    assert response.status_code == 302
    assert made.state == UploadState.IMPORTED
    assert made.decided_by.username == "pmo"
    november = ProgressUpdate.objects.filter(month=NOVEMBER)
    assert november.count() == made.preview["summary"]["updates_per_month"]["2022-11"]
    assert november.get(action__ref="OC.A1.2").author_initials == "DS"
    run = made.import_run
    assert run.imported_by.username == "pmo"
    assert run.original_id == made.file_id
    assert bytes(run.original.content) == path.read_bytes()
    download = pmo_client.get(reverse("imports:import_run_original", args=[run.pk]))
    assert download.status_code == 200
    assert download.content == path.read_bytes()
    assert 'filename="nov.xlsx"' in download["Content-Disposition"]
    page = pmo_client.get(reverse("imports:tracker_upload_detail", args=[made.pk])).content
    assert b"Import complete" in page


def test_a_changed_action_is_shown_field_by_field_and_a_dropped_one_as_missing(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    def retitle_and_drop(name, rows):
        # The dropped row is blanked, not removed, so every other cell keeps its number format.
        kept = []
        for row in rows:
            row = list(row)
            if row[1] == "OC.A1.2":
                row[2], row[8] = "Listening groups, all staff", "Dec-22"
            kept.append([None] * len(row) if row[1] == "OC.A1.3" else row)
        return kept

    upload(pmo_client, altered_sample(tmp_path / "changed.xlsx", retitle_and_drop))

    preview = latest_upload().preview
    oc = next(theme for theme in preview["themes"] if theme["code"] == "OC")
    assert [action["ref"] for action in oc["missing"]] == ["OC.A1.3"]
    assert len(oc["changed"]) == 1, oc["changed"]
    (changed,) = oc["changed"]
    fields = {field["label"]: field for field in changed["fields"]}
    assert changed["ref"] == "OC.A1.2"
    assert fields["Action"]["after"] == "Listening groups, all staff"
    assert fields["Due date"]["after"] == "Dec-22"
    assert fields["Due date"]["before"] != "Dec-22"
    page = pmo_client.get(reverse("imports:tracker_upload_detail", args=[latest_upload().pk]))
    assert b'data-changed-action="OC.A1.2"' in page.content


def test_new_change_control_flags_and_warnings_are_in_the_preview(
    db, role_users, pmo_client, sample_workbook, worker_runs_at_once
):
    from tests.plans.builders import plan_build

    plan_build(name="Improvement Plan", themes=1, main_actions=1)
    warnings_before = DataQualityWarning.objects.count()
    upload(pmo_client, sample_workbook)

    preview = latest_upload().preview
    assert len(preview["change_requests"]) == 69
    assert ChangeRequest.objects.count() == 0
    assert len(preview["warnings"]) == preview["summary"]["warnings"] > 0
    missing = [w["ref"] for w in preview["warnings"] if w["message"].startswith("in the plan but")]
    assert missing == ["TA.A1.0", "TA.A1.1"]
    assert any(w["sheet"].startswith("Theme") and w["row"] for w in preview["warnings"])
    assert DataQualityWarning.objects.count() == warnings_before


def test_cancelling_a_preview_writes_nothing_and_frees_the_plan(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    before = plan_counts()
    upload(pmo_client, altered_sample(tmp_path / "nov.xlsx", as_november))
    made = latest_upload()

    pmo_client.post(reverse("imports:tracker_upload_cancel", args=[made.pk]))

    made.refresh_from_db()
    assert made.state == UploadState.CANCELLED
    assert plan_counts() == before
    again = upload(pmo_client, altered_sample(tmp_path / "again.xlsx", as_november))
    assert again.status_code == 302


def test_a_second_pmo_is_refused_while_an_import_is_open(
    sample_plan, client, role_users, tmp_path, worker_runs_at_once
):
    from django.contrib.auth.models import Group

    from planwatch.accounts.roles import PMO

    second = type(role_users["pmo"]).objects.create_user("pmo2", first_name="Second")
    second.groups.add(Group.objects.get(name=PMO))
    client.force_login(role_users["pmo"])
    upload(client, altered_sample(tmp_path / "nov.xlsx", as_november))
    client.force_login(second)

    response = upload(client, altered_sample(tmp_path / "mine.xlsx", as_november))

    assert response.status_code == 400
    assert "is already importing nov.xlsx into this plan" in response.content.decode()
    assert TrackerUpload.objects.count() == 1


def test_the_database_refuses_a_second_open_upload_even_past_the_check(sample_plan, pmo):
    stored = TrackerFile.objects.create(name="a.xlsx", size=1, sha256="0" * 64, content=b"x")
    TrackerUpload.objects.create(plan=sample_plan, file=stored, uploaded_by=pmo)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackerUpload.objects.create(plan=sample_plan, file=stored, uploaded_by=pmo)
    TrackerUpload.objects.create(
        plan=sample_plan, file=stored, uploaded_by=pmo, state=UploadState.CANCELLED
    )


def test_a_preview_made_before_another_import_cannot_be_confirmed(
    sample_plan, pmo_client, tmp_path, sample_workbook, worker_runs_at_once
):
    upload(pmo_client, altered_sample(tmp_path / "nov.xlsx", as_november))
    made = latest_upload()
    tracker_import(path=sample_workbook, plan_name=sample_plan.name)

    pmo_client.post(reverse("imports:tracker_upload_confirm", args=[made.pk]))

    made.refresh_from_db()
    assert made.state == UploadState.CANCELLED
    assert "was imported into this plan after this preview was made" in made.refusal
    assert not ProgressUpdate.objects.filter(month=NOVEMBER).exists()
    page = pmo_client.get(reverse("imports:tracker_upload_detail", args=[made.pk])).content
    assert b"was imported into this plan after this preview" in page


def test_a_file_that_is_not_a_workbook_is_refused_on_the_upload_page(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    before, files_before = plan_counts(), TrackerFile.objects.count()
    document = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")

    response = upload(pmo_client, document)

    assert response.status_code == 400
    assert "tracker.xlsx is a Word document, not an Excel workbook" in response.content.decode()
    assert TrackerUpload.objects.count() == 0
    assert TrackerFile.objects.count() == files_before
    assert plan_counts() == before


def test_a_file_the_worker_cannot_import_is_refused_on_its_page_and_nothing_is_written(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once
):
    before = plan_counts()
    notes = tmp_path / "notes.csv"
    notes.write_text("Meeting notes\nNothing here is a tracker\n", encoding="utf-8")

    upload(pmo_client, notes)

    made = latest_upload()
    assert made.state == UploadState.FAILED
    assert "nothing was imported" in made.refusal
    assert plan_counts() == before
    page = pmo_client.get(reverse("imports:tracker_upload_detail", args=[made.pk])).content
    assert b"planwatch could not import this file" in page
    assert b"Traceback" not in page


def test_a_fault_in_the_worker_ends_the_upload_so_the_plan_is_not_held(
    sample_plan, pmo_client, tmp_path, worker_runs_at_once, monkeypatch
):
    def broken_preview(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("planwatch.imports.uploads.tracker_preview", broken_preview)
    upload(pmo_client, altered_sample(tmp_path / "nov.xlsx", as_november))

    made = latest_upload()
    assert made.state == UploadState.FAILED
    assert "internal fault" in made.refusal
    assert not made.is_open


def test_a_file_over_the_upload_limit_is_refused_before_it_is_kept(
    sample_plan, pmo_client, sample_workbook, settings, worker_runs_at_once
):
    settings.PLANWATCH_IMPORT_MAX_UPLOAD_BYTES = 1024
    files_before = TrackerFile.objects.count()

    response = upload(pmo_client, sample_workbook)

    assert response.status_code == 400
    assert "limit" in response.content.decode()
    assert TrackerUpload.objects.count() == 0
    assert TrackerFile.objects.count() == files_before


def test_only_the_pmo_may_import(sample_plan, client, role_users, sample_workbook):
    for username in ("owner", "approver", "viewer"):
        client.force_login(role_users[username])
        assert client.get(reverse("imports:tracker_upload")).status_code == 403
        assert upload(client, sample_workbook).status_code == 403
    assert TrackerUpload.objects.count() == 0


def test_the_cli_import_keeps_its_file_too(db, sample_workbook):
    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    run = ImportRun.objects.get(pk=summary.import_run_id)
    assert bytes(run.original.content) == sample_workbook.read_bytes()
    assert run.original.sha256 == run.sha256


# The worker closes its database connection between jobs, as a long-running process should;
# inside a test's open transaction that would end the test's own, so this one commits.
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_reads_a_queued_upload(sample_plan, pmo_client, tmp_path):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    upload(pmo_client, altered_sample(tmp_path / "nov.xlsx", as_november))
    made = latest_upload()
    assert made.state == UploadState.QUEUED
    progress = pmo_client.get(
        reverse("imports:tracker_upload_detail", args=[made.pk]), {"format": "json"}
    ).json()
    assert progress["working"] is True
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    made.refresh_from_db()
    assert made.state == UploadState.READY
    assert made.preview["summary"]["updates_per_month"]["2022-11"] > 0


def test_an_administrator_can_end_an_upload_whose_worker_died_mid_import(
    sample_plan, client, role_users, pmo
):
    stored = TrackerFile.objects.create(name="a.xlsx", size=1, sha256="0" * 64, content=b"x")
    stuck = TrackerUpload.objects.create(
        plan=sample_plan, file=stored, uploaded_by=pmo, state=UploadState.APPLYING
    )
    client.force_login(role_users["admin"])
    assert client.get(reverse("admin:imports_trackerupload_changelist")).status_code == 200
    url = reverse("admin:imports_trackerupload_change", args=[stuck.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"state": UploadState.FAILED, "refusal": "Worker was killed"})

    assert response.status_code == 302
    stuck.refresh_from_db()
    assert (stuck.state, stuck.is_open) == (UploadState.FAILED, False)
