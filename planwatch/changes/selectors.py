"""Reads of change control: what is pending (and so frozen), the chain per action, the log.

Each read costs a fixed number of queries however many requests there are.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from planwatch.accounts.permissions import Perm, user_can
from planwatch.domain.fuzzy_dates import FuzzyDate, parse_fuzzy_date
from planwatch.domain.slippage import slippage_on
from planwatch.plans.models import Action, Plan, Theme

from .models import FIELDS_TOUCHED, ChangeKind, ChangeRequest, Decision

NEW_ACTION_KINDS = (ChangeKind.NEW_ACTION, ChangeKind.NEW_SUB_ACTION)

# The Action model fields behind each name in FIELDS_TOUCHED, for code that edits fields
# (the admin): "due" is five columns, and a duplicate's link goes with its lifecycle.
MODEL_FIELDS_TOUCHED = {
    "due": ("due_text", "due_kind", "due_earliest", "due_latest", "due_note", "due_every_months"),
    "start": ("start_text", "start_kind", "start_earliest", "start_latest", "start_note"),
    "lifecycle": ("lifecycle", "duplicate_of"),
}


def pending_for_action(*, action: Action) -> QuerySet[ChangeRequest]:
    """The action's pending requests, oldest first (for a main action, new sub-actions too)."""
    return (
        ChangeRequest.objects.filter(action=action, decision=Decision.PENDING)
        .select_related("raised_by")
        .order_by("raised_at", "pk")
    )


def frozen_fields(*, action: Action) -> set[str]:
    """What pending requests are about, named as in FIELDS_TOUCHED ("due", "title", …).

    Nothing may change these except Leadership Team's decision: not a second request, not
    an import, not the admin.
    """
    kinds = ChangeRequest.objects.filter(action=action, decision=Decision.PENDING).values_list(
        "kind", flat=True
    )
    return {name for kind in kinds for name in FIELDS_TOUCHED[ChangeKind(kind)]}


def frozen_model_fields(*, action: Action) -> set[str]:
    """frozen_fields as the Action's own field names, for forms that edit it."""
    return {
        model_field
        for name in frozen_fields(action=action)
        for model_field in MODEL_FIELDS_TOUCHED.get(name, (name,))
    }


def change_request_can_withdraw(*, user, change_request: ChangeRequest) -> bool:
    """Whether to offer this person the withdraw button: the raiser, or PMO, while pending."""
    if change_request.decision != Decision.PENDING:
        return False
    if change_request.raised_by_id is not None and change_request.raised_by_id == user.pk:
        return True
    return user_can(user, Perm.EDIT_PLAN)


def change_request_get(*, pk: int) -> ChangeRequest:
    """One request with everything its page shows; raises ChangeRequest.DoesNotExist."""
    return ChangeRequest.objects.select_related(
        "plan",
        "action",
        "action__theme",
        "action__parent",
        "raised_by",
        "decided_by",
        "progress_update",
    ).get(pk=pk)


# --- One action's change control -----------------------------------------------------------


@dataclass
class ActionChangeControl:
    action: Action
    baseline: FuzzyDate
    current: FuzzyDate
    # Months the current due date is later than the baseline (negative: earlier); None when
    # either cannot be read as a date.
    slippage: int | None
    rebaseline_count: int
    pending: list[ChangeRequest] = field(default_factory=list)
    # Approved requests in the order they were decided: the chain of changes to the plan.
    approved: list[ChangeRequest] = field(default_factory=list)
    # Rejected and withdrawn, newest first: kept so nobody asks twice without knowing.
    closed: list[ChangeRequest] = field(default_factory=list)


def action_change_control(*, action: Action) -> ActionChangeControl:
    """Baseline against current due date, slippage, and every request about the action.

    Requests about an action are those naming it, plus the approved request that added it.
    """
    requests = (
        ChangeRequest.objects.filter(
            Q(action=action)
            | Q(plan_id=action.plan_id, kind__in=NEW_ACTION_KINDS, proposed__ref=action.ref)
        )
        .select_related("raised_by", "decided_by")
        .order_by("raised_at", "pk")
    )
    control = ActionChangeControl(
        action=action,
        baseline=action.baseline_due,
        current=action.due,
        slippage=slippage_on(action.baseline_due, action.due, timezone.localdate()),
        rebaseline_count=action.rebaseline_count,
    )
    for request in requests:
        if request.decision == Decision.PENDING:
            control.pending.append(request)
        elif request.decision == Decision.APPROVED:
            control.approved.append(request)
        else:
            control.closed.append(request)
    control.approved.sort(key=lambda r: (r.decided_at is None, r.decided_at, r.pk))
    control.closed.sort(key=lambda r: (r.decided_at or r.raised_at, r.pk), reverse=True)
    return control


# --- The change-control log ----------------------------------------------------------------


@dataclass
class LogEntry:
    request: ChangeRequest
    ref: str
    # The ref links to an action page only when the action exists (not a proposed new one).
    ref_exists: bool
    # For a due-date change: the slippage from the baseline if (or as) approved.
    slippage_if_approved: int | None = None


@dataclass
class LogMonth:
    month: date
    entries: list[LogEntry] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def decision_counts(self) -> list[tuple[str, int]]:
        """(label, n) for each decision the month has, in the order decisions are listed."""
        return [(label, self.counts[v]) for v, label in Decision.choices if self.counts.get(v)]


@dataclass
class ChangeLog:
    months: list[LogMonth]
    # By decision, within the month and theme filters (not the decision filter), so Leadership
    # Team always sees how many are pending beside how many were approved.
    counts: list[tuple[str, str, int]]
    total: int
    shown: int


def change_log_months(*, plan: Plan) -> list[date]:
    """Months with at least one request, newest first."""
    return list(
        ChangeRequest.objects.filter(plan=plan)
        .order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )


def change_log(
    *,
    plan: Plan,
    month: date | None = None,
    decision: str = "",
    theme: Theme | None = None,
) -> ChangeLog:
    """The plan's requests by month (newest first) and decision, with counts."""
    requests = ChangeRequest.objects.filter(plan=plan)
    if month is not None:
        requests = requests.filter(month=month)
    if theme is not None:
        requests = requests.filter(
            Q(action__theme=theme)
            | Q(action__isnull=True, proposed__ref__startswith=f"{theme.code}.")
        )
    by_decision = Counter(dict(requests.order_by().values_list("decision").annotate(n=Count("id"))))
    counts = [(value, label, by_decision.get(value, 0)) for value, label in Decision.choices]
    if decision:
        requests = requests.filter(decision=decision)
    requests = requests.select_related(
        "action", "action__theme", "raised_by", "decided_by"
    ).order_by("-month", "action__theme__order", "action__sort_key", "raised_at", "pk")

    months: dict[date, LogMonth] = {}
    for request in requests:
        log_month = months.setdefault(request.month, LogMonth(request.month))
        log_month.entries.append(_log_entry(request))
        log_month.counts[request.decision] = log_month.counts.get(request.decision, 0) + 1
    return ChangeLog(
        months=list(months.values()),
        counts=counts,
        total=sum(by_decision.values()),
        shown=sum(len(m.entries) for m in months.values()),
    )


def slippage_if_approved(change_request: ChangeRequest) -> int | None:
    """For a due-date request: the slippage from the baseline the new date means.

    An action with no baseline yet takes the approved date as its baseline: no slippage.
    """
    action = change_request.action
    if change_request.kind != ChangeKind.DUE_DATE or action is None:
        return None
    new = parse_fuzzy_date(change_request.proposed.get("due_text", ""))
    baseline = action.baseline_due if action.baseline_due_text else new
    return slippage_on(baseline, new, timezone.localdate())


def _log_entry(request: ChangeRequest) -> LogEntry:
    action = request.action
    if request.kind in NEW_ACTION_KINDS:
        ref = request.proposed.get("ref", "")
        entry = LogEntry(request, ref, request.decision == Decision.APPROVED)
    else:
        entry = LogEntry(request, action.ref if action else "", action is not None)
    entry.slippage_if_approved = slippage_if_approved(request)
    return entry
