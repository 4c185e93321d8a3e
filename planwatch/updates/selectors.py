"""Reads for the monthly cycle: who owes which updates, what PMO has to review, what is late.

Which actions owe an update for a month (decided here, once, for every page, the reminders
and the counts):
- the action is in the plan (lifecycle live; closed, business-as-usual and duplicate actions
  left it by change control);
- its status *before* the month is still live: not Complete, Closed, N/A or Duplicate. The
  status before the month, not the action's latest status, so an action rated Complete this
  month still counts as owed-and-submitted for this month rather than dropping out of it;
- an action still "Not due to start" owes nothing until the month its start can have
  arrived (its earliest start date falls on or before the month's end). One whose start is
  unknown ("TBC") owes nothing either: its owner updates it when work begins, from the
  "not due to start" list on the My updates page, and nobody is chased for it.
An action with no status yet (a new action) owes one.

"Before the month" means the newest submitted or accepted update of an earlier month:
drafts and returned updates are nobody's word yet. Imported updates arrive as submitted.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from planwatch.accounts.models import UPDATING_CAPACITIES, ActionOwner, OwnerRole
from planwatch.domain.counting import FINISHED_STATUSES, add_months
from planwatch.domain.statuses import Status
from planwatch.plans.counting import COUNTED_STATES
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, UpdateState

from .models import UpdateCycle

# States in which the owner still has to act (no update at all counts too).
OUTSTANDING_STATES = (UpdateState.DRAFT, UpdateState.RETURNED)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


# --- Cycles --------------------------------------------------------------------------------


def cycle_get(*, pk: int) -> UpdateCycle:
    """Raises UpdateCycle.DoesNotExist."""
    return UpdateCycle.objects.select_related("plan", "opened_by", "closed_by").get(pk=pk)


def cycle_open_get(*, plan: Plan) -> UpdateCycle | None:
    """The plan's open cycle; services allow only one at a time."""
    return UpdateCycle.objects.filter(plan=plan, closed_at__isnull=True).first()


def plan_latest_update_month(*, plan: Plan) -> date | None:
    """The newest month the plan has any update for, imported or written here."""
    latest = (
        ProgressUpdate.objects.filter(action__plan=plan).order_by("-month").values("month").first()
    )
    return latest["month"] if latest else None


@dataclass
class CycleCounts:
    cycle: UpdateCycle
    owed: int = 0
    submitted: int = 0  # awaiting review
    accepted: int = 0
    returned: int = 0
    draft: int = 0
    not_started: int = 0  # owed, and no update of any kind yet
    late: int = 0  # owed, not submitted or accepted, and the deadline has passed
    owed_done: int = 0  # owed, and submitted or accepted

    @property
    def outstanding(self) -> int:
        return self.owed - self.owed_done


def cycle_counts(*, cycle: UpdateCycle, today: date) -> CycleCounts:
    """Two queries whatever the size of the plan."""
    counts = CycleCounts(cycle)
    owed = _owed(cycle).aggregate(
        owed=Count("pk"),
        done=Count("pk", filter=Q(this_state__in=COUNTED_STATES)),
        none=Count("pk", filter=Q(this_state="")),
    )
    counts.owed, counts.owed_done, counts.not_started = owed["owed"], owed["done"], owed["none"]
    by_state = dict(
        ProgressUpdate.objects.filter(action__plan_id=cycle.plan_id, month=cycle.month)
        .values_list("state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts.submitted = by_state.get(UpdateState.SUBMITTED, 0)
    counts.accepted = by_state.get(UpdateState.ACCEPTED, 0)
    counts.returned = by_state.get(UpdateState.RETURNED, 0)
    counts.draft = by_state.get(UpdateState.DRAFT, 0)
    counts.late = counts.outstanding if deadline_passed(cycle=cycle, today=today) else 0
    return counts


def cycle_list(*, plan: Plan, today: date) -> list[CycleCounts]:
    """The plan's cycles, newest first, each with its counts (two queries a cycle)."""
    cycles = UpdateCycle.objects.filter(plan=plan).select_related("opened_by", "closed_by")
    return [cycle_counts(cycle=cycle, today=today) for cycle in cycles]


def deadline_passed(*, cycle: UpdateCycle, today: date) -> bool:
    """The deadline day itself is still on time."""
    return today > cycle.deadline


def cycle_month_choices(*, plan: Plan, today: date) -> list[date]:
    """Months a cycle may be opened for, newest first: from the newest month with updates
    (or last month, for a plan with none) to next month, less those that have a cycle."""
    this_month = today.replace(day=1)
    latest = plan_latest_update_month(plan=plan) or add_months(this_month, -1)
    taken = set(UpdateCycle.objects.filter(plan=plan).values_list("month", flat=True))
    months, month = [], add_months(this_month, 1)
    while month >= latest:
        if month not in taken:
            months.append(month)
        month = add_months(month, -1)
    return months


# --- Owed actions --------------------------------------------------------------------------


def _counted_before(month: date):
    return (
        ProgressUpdate.objects.filter(
            action=OuterRef("pk"), month__lt=month, state__in=COUNTED_STATES
        )
        .exclude(status=Status.NO_STATUS)
        .order_by("-month")
    )


def _this_month(month: date):
    return ProgressUpdate.objects.filter(action=OuterRef("pk"), month=month)


def _candidates(cycle: UpdateCycle) -> QuerySet[Action]:
    """Live actions not finished before the month, annotated with what the pages need."""
    return (
        Action.objects.filter(plan_id=cycle.plan_id, lifecycle=Lifecycle.LIVE)
        .annotate(
            prior_status=Coalesce(
                Subquery(_counted_before(cycle.month).values("status")[:1]),
                Value(Status.NO_STATUS.value),
            ),
            # "" for no update: a NULL would drop out of exclude(this_state__in=...).
            this_state=Coalesce(Subquery(_this_month(cycle.month).values("state")[:1]), Value("")),
        )
        .exclude(prior_status__in=FINISHED_STATUSES)
    )


def _start_arrived(cycle: UpdateCycle) -> Q:
    return Q(start_earliest__lte=month_end(cycle.month))


def _owed(cycle: UpdateCycle) -> QuerySet[Action]:
    return _candidates(cycle).filter(
        ~Q(prior_status=Status.NOT_DUE_TO_START) | _start_arrived(cycle)
    )


def _not_yet_started(cycle: UpdateCycle) -> QuerySet[Action]:
    return _candidates(cycle).filter(
        Q(prior_status=Status.NOT_DUE_TO_START) & ~_start_arrived(cycle)
    )


def action_list_owed(*, cycle: UpdateCycle) -> QuerySet[Action]:
    """Every action that owes an update for the cycle's month, in ref order."""
    return _owed(cycle).order_by("sort_key")


def _updating_owner_ids(*, user=None, owner_role: OwnerRole | None = None):
    links = ActionOwner.objects.filter(capacity__in=UPDATING_CAPACITIES)
    if owner_role is not None:
        links = links.filter(owner_role=owner_role)
    if user is not None:
        links = links.filter(owner_role__holders=user)
    return links.values("action_id")


@dataclass
class OwedRow:
    action: Action
    previous: ProgressUpdate | None  # the newest counted update of an earlier month
    update: ProgressUpdate | None  # this month's, in any state

    @property
    def state(self) -> str:
        return self.update.state if self.update else ""

    @property
    def done(self) -> bool:
        return self.state in COUNTED_STATES


@dataclass
class MyUpdates:
    cycle: UpdateCycle
    owed: list[OwedRow] = field(default_factory=list)
    not_yet_started: list[OwedRow] = field(default_factory=list)

    @property
    def outstanding(self) -> int:
        return sum(1 for row in self.owed if not row.done)


def my_updates(*, cycle: UpdateCycle, user=None, owner_role: OwnerRole | None = None) -> MyUpdates:
    """The cycle's owed and not-yet-started actions narrowed to those `user` holds a role
    for and/or those `owner_role` owns; neither narrows to nothing: pass both as None only
    for PMO's view of every action. Four queries whatever the size of the plan."""
    owed, waiting = _owed(cycle), _not_yet_started(cycle)
    if user is not None or owner_role is not None:
        ids = _updating_owner_ids(user=user, owner_role=owner_role)
        owed, waiting = owed.filter(pk__in=ids), waiting.filter(pk__in=ids)
    result = MyUpdates(cycle)
    result.owed = _rows(cycle, owed)
    result.not_yet_started = _rows(cycle, waiting)
    return result


def _rows(cycle: UpdateCycle, actions: QuerySet[Action]) -> list[OwedRow]:
    actions = list(
        actions.select_related("theme")
        .annotate(
            previous_id=Subquery(_counted_before(cycle.month).values("pk")[:1]),
            update_id=Subquery(_this_month(cycle.month).values("pk")[:1]),
        )
        .order_by("sort_key")
    )
    ids = {a.previous_id for a in actions} | {a.update_id for a in actions}
    updates = ProgressUpdate.objects.in_bulk([pk for pk in ids if pk]) if ids else {}
    return [
        OwedRow(action, updates.get(action.previous_id), updates.get(action.update_id))
        for action in actions
    ]


def owner_role_choices(*, plan: Plan, user=None) -> list[OwnerRole]:
    """Roles that write updates on the plan's actions (only those `user` holds, if given)."""
    writes = ActionOwner.objects.filter(owner_role=OuterRef("pk"), capacity__in=UPDATING_CAPACITIES)
    roles = OwnerRole.objects.filter(plan=plan).filter(Exists(writes))
    if user is not None:
        roles = roles.filter(holders=user)
    return list(roles.order_by("name"))


# --- One action's update -------------------------------------------------------------------


def update_previous(*, action: Action, month: date) -> ProgressUpdate | None:
    """The update shown beside the form and carried by "No change"."""
    return (
        ProgressUpdate.objects.filter(action=action, month__lt=month, state__in=COUNTED_STATES)
        .exclude(status=Status.NO_STATUS)
        .order_by("-month")
        .first()
    )


def update_for_month(*, action: Action, month: date) -> ProgressUpdate | None:
    return (
        ProgressUpdate.objects.select_related("submitted_by", "reviewed_by")
        .filter(action=action, month=month)
        .first()
    )


# --- Review, late and close ----------------------------------------------------------------


def update_list_for_review(*, cycle: UpdateCycle, state: str) -> QuerySet[ProgressUpdate]:
    """The month's updates in one state (imported ones included), in ref order."""
    return (
        ProgressUpdate.objects.filter(action__plan_id=cycle.plan_id, month=cycle.month, state=state)
        .select_related("action", "submitted_by", "reviewed_by")
        .order_by("action__sort_key")
    )


def update_next_for_review(*, cycle: UpdateCycle, after: ProgressUpdate) -> ProgressUpdate | None:
    """The next update awaiting review after `after` in ref order, else the first one."""
    waiting = update_list_for_review(cycle=cycle, state=UpdateState.SUBMITTED).exclude(pk=after.pk)
    return waiting.filter(action__sort_key__gt=after.action.sort_key).first() or waiting.first()


@dataclass
class OutstandingRow:
    action: Action
    state: str  # "" for no update at all, draft or returned
    owners: list[tuple[str, list[str]]]  # (role name, names of the people holding it)


def action_list_outstanding(*, cycle: UpdateCycle) -> list[OutstandingRow]:
    """Owed actions with no submitted or accepted update, with who owes them."""
    actions = (
        _owed(cycle)
        .exclude(this_state__in=COUNTED_STATES)
        .prefetch_related(
            Prefetch(
                "owners",
                queryset=ActionOwner.objects.filter(capacity__in=UPDATING_CAPACITIES)
                .select_related("owner_role")
                .prefetch_related("owner_role__holders")
                .order_by("owner_role__name"),
            )
        )
        .order_by("sort_key")
    )
    rows = []
    for action in actions:
        owners: dict[str, list[str]] = {}
        for link in action.owners.all():
            owners[link.owner_role.name] = [
                person.get_full_name() or person.get_username()
                for person in link.owner_role.holders.all()
            ]
        rows.append(OutstandingRow(action, action.this_state, list(owners.items())))
    return rows


def action_list_late(*, cycle: UpdateCycle, today: date) -> list[OutstandingRow]:
    """Owed but not submitted by the deadline; nothing is late until the deadline has passed."""
    if not deadline_passed(cycle=cycle, today=today):
        return []
    return action_list_outstanding(cycle=cycle)


def reminder_recipients(*, cycle: UpdateCycle) -> dict[object, list[Action]]:
    """Each person holding a role (as holder or delegate) on an outstanding action, with the
    outstanding actions they could write. Active users only."""
    outstanding = _owed(cycle).exclude(this_state__in=COUNTED_STATES).values("pk")
    links = (
        ActionOwner.objects.filter(action__in=outstanding, capacity__in=UPDATING_CAPACITIES)
        .select_related("action")
        .prefetch_related("owner_role__holders")
        .order_by("action__sort_key")
    )
    people: dict[int, tuple[object, dict[int, Action]]] = {}
    for link in links:
        for person in link.owner_role.holders.all():
            if person.is_active:
                people.setdefault(person.pk, (person, {}))[1][link.action_id] = link.action
    return {person: list(actions.values()) for person, actions in people.values()}
