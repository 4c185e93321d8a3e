"""Writes for the monthly cycle: open and close a month, write, submit and review updates.

Every service checks the acting person's permission itself (views check too, but a service
must be safe whoever calls it) and runs in one transaction. Edits of an existing update go
through `save_versioned`, so two people saving one update never overwrite each other.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, check
from planwatch.changes.errors import ChangeRequestError
from planwatch.changes.services import change_request_raise
from planwatch.domain.counting import OWNER_RATINGS
from planwatch.domain.statuses import STATUS_DEFINITIONS, Status
from planwatch.evidence.selectors import action_has_success_evidence
from planwatch.plans.concurrency import EditConflict, save_versioned
from planwatch.plans.latest_status import actions_latest_status_refresh
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, UpdateState

from . import selectors
from .models import UpdateCycle

UPDATE_STATUSES = OWNER_RATINGS
CLOSED_NEEDS_EVIDENCE = (
    "Closed needs evidence that the measures of success were met: add it on the action page first"
)


class UpdateError(Exception):
    """A monthly-cycle rule was broken; the message says what to do, `field` where."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class ChangeProposal:
    """A change-control request made with an update, in change_request_raise's terms."""

    kind: str
    proposed: dict
    reason: str


# --- Cycles --------------------------------------------------------------------------------


@transaction.atomic
def cycle_open(*, user, plan: Plan, month: date, deadline: date, today: date) -> UpdateCycle:
    """Open `month` for updates, due by `deadline`; one cycle per plan-month, one open at a
    time (so "the open cycle" is never ambiguous for owners)."""
    check(user, Perm.MANAGE_CYCLE)
    # Serialises cycle changes per plan, so two PMO officers cannot both open "the" cycle.
    Plan.objects.select_for_update().get(pk=plan.pk)
    month_name = f"{month:%B %Y}"
    if month.day != 1:
        raise UpdateError("Choose a month", field="month")
    latest = selectors.plan_latest_update_month(plan=plan)
    if latest and month < latest:
        raise UpdateError(
            f"The plan already has updates for {latest:%B %Y}: choose {latest:%B %Y} or later",
            field="month",
        )
    next_month = selectors.add_months(today.replace(day=1), 1)
    if month > next_month:
        raise UpdateError(
            f"A cycle can be opened at most a month ahead: choose {next_month:%B %Y} or earlier",
            field="month",
        )
    if UpdateCycle.objects.filter(plan=plan, month=month).exists():
        raise UpdateError(f"There is already a cycle for {month_name}", field="month")
    open_cycle = selectors.cycle_open_get(plan=plan)
    if open_cycle is not None:
        raise UpdateError(
            f"The {open_cycle.month:%B %Y} cycle is still open: close it before opening another",
            field="month",
        )
    # A past deadline is allowed: a PMO catching up on a missed month records that cycle
    # late, and its updates are simply late (and chased) from the start.
    if not month <= deadline <= selectors.month_end(selectors.add_months(month, 1)):
        raise UpdateError(
            f"The deadline must fall in {month_name} or the month after it", field="deadline"
        )
    cycle = UpdateCycle(plan=plan, month=month, deadline=deadline, opened_by=user)
    cycle._history_user = user
    cycle.full_clean()
    try:
        with transaction.atomic():
            cycle.save()
    except IntegrityError:
        # Someone opened the same month a moment ago.
        raise UpdateError(f"There is already a cycle for {month_name}", field="month") from None
    return cycle


@transaction.atomic
def cycle_close(*, user, cycle: UpdateCycle) -> UpdateCycle:
    """Close the cycle; whatever is still outstanding or unreviewed stays as it is."""
    check(user, Perm.MANAGE_CYCLE)
    cycle = UpdateCycle.objects.select_for_update().get(pk=cycle.pk)
    if not cycle.is_open:
        raise UpdateError(f"The {cycle.month:%B %Y} cycle is already closed")
    cycle.closed_by, cycle.closed_at = user, timezone.now()
    cycle._history_user = user
    cycle.full_clean()
    cycle.save(update_fields=["closed_by", "closed_at"])
    return cycle


# --- Writing an update ---------------------------------------------------------------------


def progress_update_save_draft(
    *,
    user,
    cycle: UpdateCycle,
    action: Action,
    status: str,
    commentary: str,
    no_change: bool,
    expected_version: int,
    change: ChangeProposal | None = None,
) -> ProgressUpdate:
    """Keep the owner's work without submitting it; nothing is checked but the vocabulary.

    A change request is refused here rather than dropped: there is nowhere to keep one until
    it is raised, and it is raised only when the update is submitted.
    """
    return _write(
        user=user,
        cycle=cycle,
        action=action,
        status=status,
        commentary=commentary,
        no_change=no_change,
        change=change,
        expected_version=expected_version,
        today=None,
    )


def progress_update_submit(
    *,
    user,
    cycle: UpdateCycle,
    action: Action,
    status: str,
    commentary: str,
    no_change: bool,
    change: ChangeProposal | None,
    expected_version: int,
    today: date,
) -> ProgressUpdate:
    """Submit the month's update for PMO review, signed "(XX dd.mm.yy)", raising any change
    request in the same transaction (so a refused request leaves nothing submitted)."""
    return _write(
        user=user,
        cycle=cycle,
        action=action,
        status=status,
        commentary=commentary,
        no_change=no_change,
        change=change,
        expected_version=expected_version,
        today=today,
    )


@transaction.atomic
def _write(
    *, user, cycle, action, status, commentary, no_change, change, expected_version, today
) -> ProgressUpdate:
    check(user, Perm.WRITE_UPDATE, action)
    submit = today is not None
    if action.plan_id != cycle.plan_id:
        raise UpdateError(f"{action.ref} is not in the plan this cycle is for")
    if not cycle.is_open:
        raise UpdateError(f"The {cycle.month:%B %Y} cycle is closed: updates can no longer be made")
    if action.lifecycle != Lifecycle.LIVE:
        raise UpdateError(f"{action.ref} has left the plan ({action.get_lifecycle_display()})")
    if status and status not in UPDATE_STATUSES:
        raise UpdateError("Choose a status from the list", field="status")
    commentary = commentary.strip()
    if change is not None and not submit:
        raise UpdateError(
            "A change request is raised when the update is submitted: submit the update, "
            "or clear the change request to save a draft",
            field="change_kind",
        )
    update = ProgressUpdate.objects.filter(action=action, month=cycle.month).first()
    if update is not None and update.version != expected_version:
        raise EditConflict(update)
    if update is None and expected_version:
        raise UpdateError("This update no longer exists: reload the page")
    if update is not None and update.state not in (UpdateState.DRAFT, UpdateState.RETURNED):
        raise UpdateError(
            f"This update is {update.get_state_display().lower()}, so it can no longer be "
            "changed: ask PMO to return it if it needs correcting"
        )
    previous = selectors.update_previous(action=action, month=cycle.month)
    if submit:
        status, commentary = _checked_for_submit(action, status, commentary, no_change, previous)
    values = {
        "status": status or Status.NO_STATUS,
        "status_text": STATUS_DEFINITIONS[Status(status)].label if status else "",
        "commentary": commentary,
        "no_change": no_change,
    }
    if submit:
        values.update(
            state=UpdateState.SUBMITTED,
            submitted_by=user,
            submitted_at=timezone.now(),
            author_initials=initials_of(user),
            author_date_text=f"{today:%d.%m.%y}",
        )
        if change is not None:
            values.update(change_control=True, change_control_text="Yes")
    update = _save(user, action, cycle.month, update, values, expected_version, submit)
    if change is not None:
        _raise_change(user, action, cycle.month, update, change)
    if submit:
        actions_latest_status_refresh(Action.objects.filter(pk=action.pk))
    return update


def _checked_for_submit(action, status, commentary, no_change, previous) -> tuple[str, str]:
    if not status:
        raise UpdateError("Choose a status", field="status")
    if no_change:
        if previous is None:
            raise UpdateError(
                "There is no earlier update to carry forward: write the evidence commentary",
                field="no_change",
            )
        if status != previous.status:
            label = STATUS_DEFINITIONS[Status(previous.status)].label
            raise UpdateError(
                f"“No change” keeps {previous.month:%B %Y}'s status ({label}): choose {label} "
                "or untick “No change”",
                field="no_change",
            )
        commentary = carried_commentary(previous=previous, typed=commentary)
    elif not commentary:
        raise UpdateError(
            "Enter the evidence for the status rating, or tick “No change” if nothing has "
            "changed since last month",
            field="commentary",
        )
    if status == Status.CLOSED and not action_has_success_evidence(action=action):
        raise UpdateError(CLOSED_NEEDS_EVIDENCE, field="status")
    return status, commentary


def carried_commentary(*, previous: ProgressUpdate, typed: str = "") -> str:
    """Last month's commentary with "No change" noted, plus anything the owner added."""
    note = f"No change since {previous.month:%B %Y}."
    if typed.startswith(note):
        return typed  # a returned update resubmitted: carried already
    first_line = f"{note} {typed}" if typed else note
    return f"{first_line}\n{previous.commentary}".strip()


def initials_of(user) -> str:
    """How the council signs: "DS" for Dee Smith; the username when there is no name."""
    words = f"{user.first_name} {user.last_name}".replace("-", " ").split()
    initials = "".join(word[0] for word in words if word[0].isalpha()).upper()
    return (initials or user.get_username()[:4].upper())[:20]


def _save(user, action, month, update, values, expected_version, submit) -> ProgressUpdate:
    reason = "Update submitted" if submit else "Update draft saved"
    if update is not None:
        for name, value in values.items():
            setattr(update, name, value)
        update.full_clean(validate_constraints=False)
        save_versioned(
            update, expected_version=expected_version, fields=list(values), user=user, reason=reason
        )
        return update
    values = {"state": UpdateState.DRAFT, "source": "Written in planwatch", **values}
    update = ProgressUpdate(action=action, month=month, **values)
    update._history_user = user
    update._change_reason = reason
    # The unique (action, month) constraint is left to the database: it is what settles
    # two people creating the same month's update at once.
    update.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError:
        raise EditConflict(ProgressUpdate.objects.get(action=action, month=month)) from None
    return update


# change_request_raise names the proposal key at fault; the update form's field for it.
CHANGE_ERROR_FIELDS = {
    "due_text": "change_value",
    "start_text": "change_value",
    "title": "change_value",
    "duplicate_of": "change_value",
    "reason": "change_reason",
}


def _raise_change(user, action, month, update, change: ChangeProposal) -> None:
    try:
        change_request_raise(
            user=user,
            action=action,
            kind=change.kind,
            reason=change.reason,
            proposed=change.proposed,
            month=month,
            progress_update=update,
        )
    except ChangeRequestError as error:
        field = CHANGE_ERROR_FIELDS.get(error.field, "change_kind")
        raise UpdateError(error.message, field=field) from error
    except ValidationError as error:
        raise UpdateError(" ".join(error.messages), field="change_kind") from error


# --- Review --------------------------------------------------------------------------------


def progress_update_accept(
    *, user, update: ProgressUpdate, expected_version: int, note: str = ""
) -> ProgressUpdate:
    return _review(user, update, UpdateState.ACCEPTED, note.strip(), expected_version)


def progress_update_return(
    *, user, update: ProgressUpdate, note: str, expected_version: int
) -> ProgressUpdate:
    """Send the update back to its owner, saying what to change (the note is required)."""
    if not note.strip():
        check(user, Perm.REVIEW_UPDATES)
        raise UpdateError("Enter a note saying what the owner needs to change", field="note")
    return _review(user, update, UpdateState.RETURNED, note.strip(), expected_version)


@transaction.atomic
def _review(user, update, state, note, expected_version) -> ProgressUpdate:
    check(user, Perm.REVIEW_UPDATES)
    cycle = UpdateCycle.objects.filter(plan_id=update.action.plan_id, month=update.month).first()
    if cycle is None or not cycle.is_open:
        raise UpdateError(f"There is no open cycle for {update.month:%B %Y} to review it in")
    current = ProgressUpdate.objects.get(pk=update.pk)
    if current.version != expected_version:
        raise EditConflict(current)
    if current.state != UpdateState.SUBMITTED:
        raise UpdateError(
            f"Only submitted updates can be reviewed; this one is "
            f"{current.get_state_display().lower()}"
        )
    update.state, update.review_note = state, note
    update.reviewed_by, update.reviewed_at = user, timezone.now()
    update.full_clean(validate_constraints=False)
    save_versioned(
        update,
        expected_version=expected_version,
        fields=["state", "review_note", "reviewed_by", "reviewed_at"],
        user=user,
        reason=f"Update {update.get_state_display().lower()}",
    )
    actions_latest_status_refresh(Action.objects.filter(pk=update.action_id))
    return update
