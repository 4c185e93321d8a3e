"""Adding evidence to an action: the only way evidence is written.

Each service checks the acting user may add evidence to the action, refuses anything
validation.py does not accept before writing a byte, and records who added it in the
audit trail. Evidence is never edited or deleted from here: it is a record.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from planwatch.accounts.permissions import Perm, check
from planwatch.plans.models import Action, ProgressUpdate

from . import validation
from .models import Evidence
from .validation import EvidenceRefused

__all__ = ["EvidenceRefused", "evidence_add_file", "evidence_add_link"]

HISTORY_REASON_FILE = "Evidence file added"
HISTORY_REASON_LINK = "Evidence link added"
TITLE_MAX_LENGTH = Evidence._meta.get_field("title").max_length


def evidence_add_file(
    *,
    user,
    action: Action,
    upload: UploadedFile,
    title: str,
    shows_success_measures: bool,
    progress_update: ProgressUpdate | None = None,
) -> Evidence:
    """Keep an uploaded file as evidence for `action`; EvidenceRefused says why not."""
    check(user, Perm.ADD_EVIDENCE, action)
    _check_update_belongs(action=action, progress_update=progress_update)
    title = _clean_title(title)
    file_type = validation.check_file(
        name=upload.name or "",
        size=upload.size or 0,
        stream=upload,
        max_bytes=settings.PLANWATCH_EVIDENCE_MAX_BYTES,
    )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    evidence = Evidence(
        action=action,
        progress_update=progress_update,
        title=title,
        original_name=validation.display_name(upload.name or ""),
        content_type=file_type.content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        shows_success_measures=shows_success_measures,
        added_by=user,
    )
    # Stored under a name of our making: the uploader's name is only ever shown, never used.
    evidence.file.save(f"{uuid.uuid4().hex}.{file_type.extension}", upload, save=False)
    try:
        _save_with_history(evidence, user=user, reason=HISTORY_REASON_FILE)
    except BaseException:
        evidence.file.delete(save=False)
        raise
    return evidence


def evidence_add_link(
    *,
    user,
    action: Action,
    url: str,
    title: str,
    shows_success_measures: bool,
    progress_update: ProgressUpdate | None = None,
) -> Evidence:
    """Keep a web link (http or https only) as evidence for `action`."""
    check(user, Perm.ADD_EVIDENCE, action)
    _check_update_belongs(action=action, progress_update=progress_update)
    title = _clean_title(title)
    evidence = Evidence(
        action=action,
        progress_update=progress_update,
        title=title,
        url=validation.check_link(url),
        shows_success_measures=shows_success_measures,
        added_by=user,
    )
    _save_with_history(evidence, user=user, reason=HISTORY_REASON_LINK)
    return evidence


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise EvidenceRefused("Enter a title for the evidence", field="title")
    if len(title) > TITLE_MAX_LENGTH:
        raise EvidenceRefused(
            f"The title must be {TITLE_MAX_LENGTH} characters or fewer", field="title"
        )
    return title


def _check_update_belongs(*, action: Action, progress_update: ProgressUpdate | None) -> None:
    if progress_update is not None and progress_update.action_id != action.pk:
        raise EvidenceRefused(
            f"That monthly update is not one of {action.ref}'s", field="progress_update"
        )


@transaction.atomic
def _save_with_history(evidence: Evidence, *, user, reason: str) -> None:
    evidence.full_clean()
    # Read by django-simple-history, so the trail names the adder even outside a request.
    evidence._history_user = user
    evidence._change_reason = reason
    evidence.save()
