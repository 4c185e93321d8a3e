"""The browser import: upload, preview in the worker, then confirm or cancel.

Every step that reads or writes the plan is the CLI's own code (`tracker_read`,
`tracker_import`); this module only keeps the upload's state, so the two routes cannot drift.
One open upload per plan is enforced by a unique index, so two PMOs racing get one winner
and one clear refusal.
"""

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Plan

from .errors import TrackerImportError
from .limits import bound
from .models import ImportRun, TrackerUpload, UploadState
from .preview import tracker_preview
from .reader import tracker_file_check
from .selectors import import_run_latest, tracker_upload_open
from .services import tracker_file_store, tracker_import

logger = logging.getLogger(__name__)
# Progress is written every so many rows: often enough to move the bar, rarely enough not
# to slow the read.
PROGRESS_EVERY = 500


class UploadRefused(Exception):
    """An upload or a step on it that cannot go ahead; the message is for the page."""


def max_upload_bytes() -> int:
    return bound("PLANWATCH_IMPORT_MAX_UPLOAD_BYTES")


def tracker_upload_start(*, plan: Plan, user, name: str, content: bytes) -> TrackerUpload:
    """Keep the file and queue its preview; refused while another upload holds the plan."""
    check(user, Perm.IMPORT_TRACKER)
    if not content:
        raise UploadRefused(f"{name} is empty")
    _content_check(name, content)
    _refuse_if_open(plan)
    try:
        with transaction.atomic():
            upload = TrackerUpload.objects.create(
                plan=plan,
                uploaded_by=user,
                file=tracker_file_store(name=Path(name).name, content=content),
                previewed_after=import_run_latest(plan=plan),
            )
    except IntegrityError:
        _refuse_if_open(plan)
        raise
    tracker_upload_preview_task.enqueue(upload.pk)
    return upload


def tracker_upload_read(upload_id: int) -> None:
    """The worker's half of an upload: read the file and work out the preview."""
    upload = TrackerUpload.objects.select_related("file", "plan").get(pk=upload_id)
    claimed = TrackerUpload.objects.filter(pk=upload_id, state=UploadState.QUEUED).update(
        state=UploadState.READING
    )
    if not claimed:
        return  # cancelled while it waited

    def progress(done: int, total: int) -> None:
        TrackerUpload.objects.filter(pk=upload_id, state=UploadState.READING).update(
            rows_read=done, rows_total=total
        )

    try:
        with _as_file(upload.file.name, bytes(upload.file.content)) as path:
            preview = tracker_preview(
                path=path, plan_name=upload.plan.name, user=upload.uploaded_by, progress=progress
            )
    except TrackerImportError as error:
        _finish(upload_id, UploadState.FAILED, refusal=f"{error}; nothing was imported")
        return
    total = preview["summary"]["main_actions"] + preview["summary"]["sub_actions"]
    TrackerUpload.objects.filter(pk=upload_id, state=UploadState.READING).update(
        state=UploadState.READY, preview=preview, rows_read=total, rows_total=total
    )


def tracker_upload_confirm(*, upload: TrackerUpload, user) -> None:
    """Hand a previewed upload to the worker to import, unless the plan moved since."""
    check(user, Perm.IMPORT_TRACKER)
    if upload.state != UploadState.READY:
        raise UploadRefused(f"This upload is {upload.get_state_display().lower()}, not ready")
    latest = import_run_latest(plan=upload.plan)
    if latest is not None and latest.pk != upload.previewed_after_id:
        _finish(upload.pk, UploadState.CANCELLED, refusal=_stale(latest), user=user)
        raise UploadRefused(_stale(latest))
    moved = TrackerUpload.objects.filter(pk=upload.pk, state=UploadState.READY).update(
        state=UploadState.APPLYING, decided_by=user, decided_at=timezone.now()
    )
    if not moved:
        raise UploadRefused("Someone else has just confirmed or cancelled this upload")
    tracker_upload_apply_task.enqueue(upload.pk)


def tracker_upload_apply(upload_id: int) -> None:
    """The worker's import of a confirmed upload: the CLI's import, all or nothing."""
    upload = TrackerUpload.objects.select_related("file", "plan", "decided_by").get(pk=upload_id)
    if upload.state != UploadState.APPLYING:
        return
    try:
        with _as_file(upload.file.name, bytes(upload.file.content)) as path:
            summary = tracker_import(
                path=path,
                plan_name=upload.plan.name,
                user=upload.decided_by or upload.uploaded_by,
                original=upload.file,
            )
    except TrackerImportError as error:
        _finish(upload_id, UploadState.FAILED, refusal=f"{error}; nothing was imported")
        return
    TrackerUpload.objects.filter(pk=upload_id).update(
        state=UploadState.IMPORTED, import_run_id=summary.import_run_id
    )


def tracker_upload_cancel(*, upload: TrackerUpload, user) -> None:
    check(user, Perm.IMPORT_TRACKER)
    cancelled = TrackerUpload.objects.filter(
        pk=upload.pk, state__in=[UploadState.QUEUED, UploadState.READING, UploadState.READY]
    ).update(state=UploadState.CANCELLED, decided_by=user, decided_at=timezone.now())
    if not cancelled:
        raise UploadRefused(
            f"This upload is {upload.get_state_display().lower()} and can no longer be cancelled"
        )


def _content_check(name: str, content: bytes) -> None:
    with _as_file(name, content) as path:
        try:
            tracker_file_check(path)
        except TrackerImportError as error:
            raise UploadRefused(f"{error}; nothing was uploaded") from None


def _refuse_if_open(plan: Plan) -> None:
    upload = tracker_upload_open(plan=plan)
    if upload is None:
        return
    who = upload.uploaded_by.get_full_name() or upload.uploaded_by.get_username()
    raise UploadRefused(
        f"{who} is already importing {upload.file.name} into this plan "
        f"(uploaded {timezone.localtime(upload.uploaded_at):%d %B %Y at %H:%M}). "
        "Only one import can be open at a time: wait until it is confirmed or cancelled."
    )


def _stale(latest: ImportRun) -> str:
    return (
        f"{latest.filename} was imported into this plan after this preview was made, so the "
        "preview no longer shows what would change. Upload the file again for a new preview."
    )


def _finish(upload_id: int, state: UploadState, *, refusal: str = "", user=None) -> None:
    TrackerUpload.objects.filter(pk=upload_id).update(
        state=state, refusal=refusal, decided_by=user, decided_at=timezone.now()
    )


@contextmanager
def _as_file(name: str, content: bytes) -> Iterator[Path]:
    """The bytes as a file under their own name, which the reader and the import record."""
    with tempfile.TemporaryDirectory(prefix="planwatch-import-") as folder:
        path = Path(folder) / (Path(name).name or "tracker")
        path.write_bytes(content)
        yield path


# The worker's jobs. A fault planwatch did not foresee still ends the upload (refused, with the
# details in the log), so a plan is never left held by an upload nobody can finish.
INTERNAL_FAULT = (
    "planwatch could not finish this import because of an internal fault, logged for the "
    "system administrator; nothing was imported"
)


@task()
def tracker_upload_preview_task(upload_id: int) -> None:
    _guarded(tracker_upload_read, upload_id)


@task()
def tracker_upload_apply_task(upload_id: int) -> None:
    _guarded(tracker_upload_apply, upload_id)


def _guarded(step, upload_id: int) -> None:
    try:
        step(upload_id)
    except Exception:
        logger.exception("tracker upload %s failed in the worker", upload_id)
        _finish(upload_id, UploadState.FAILED, refusal=INTERNAL_FAULT)
