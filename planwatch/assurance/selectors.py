"""Reads for the assurance page: the council's rating checks run over a plan for one month.

Every query is over the whole plan (themes, actions, updates, evidence, dismissals), so the
page costs the same handful of queries whatever the plan's size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from planwatch.domain.counting import is_counted_action
from planwatch.domain.rating_checks import (
    ActionFacts,
    Flag,
    FlagKind,
    MonthRecord,
    check_action,
)
from planwatch.domain.statuses import Status
from planwatch.evidence.models import Evidence
from planwatch.plans.counting import COUNTED_STATES
from planwatch.plans.models import Action, Lifecycle, Plan, ProgressUpdate, Theme

from .models import KIND_LABELS, FlagDismissal

DATE_PARTS = ("text", "kind", "earliest", "latest", "note")


@dataclass(frozen=True)
class FlagRow:
    flag: Flag
    action_id: int
    ref: str
    title: str
    month: date
    dismissal: FlagDismissal | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.flag.kind]

    @property
    def dismissed(self) -> bool:
        return self.dismissal is not None

    @property
    def form_id(self) -> str:
        """An HTML id for this flag's dismiss form (dots would need escaping in selectors)."""
        return f"{self.ref.replace('.', '-')}-{self.flag.kind.value}"


@dataclass
class ThemeFlags:
    theme: Theme
    open: list[FlagRow] = field(default_factory=list)
    dismissed: list[FlagRow] = field(default_factory=list)

    def count(self, kind: FlagKind) -> int:
        return sum(1 for row in self.open if row.flag.kind is kind)


@dataclass
class AssuranceFlags:
    plan: Plan
    month: date
    themes: list[ThemeFlags]
    checked: int  # actions the checks were run over

    @property
    def open_count(self) -> int:
        return sum(len(theme.open) for theme in self.themes)

    @property
    def dismissed_count(self) -> int:
        return sum(len(theme.dismissed) for theme in self.themes)

    def counts(self) -> list[tuple[str, list[int], int]]:
        """(kind label, open flags per theme in theme order, total) for each kind."""
        rows = []
        for kind in FlagKind:
            per_theme = [theme.count(kind) for theme in self.themes]
            rows.append((KIND_LABELS[kind], per_theme, sum(per_theme)))
        return rows

    def theme_totals(self) -> list[int]:
        return [len(theme.open) for theme in self.themes]


# What the checks read of an action; the rest (owners, source cells) is not fetched.
CHECKED_FIELDS = [
    *("id", "theme_id", "parent_id", "ref", "title", "is_main", "sort_key", "lifecycle"),
    "rebaseline_count",
    *(f"{date}_{part}" for date in ("start", "due") for part in DATE_PARTS),
    *(f"baseline_due_{part}" for part in DATE_PARTS[:-1]),
    *("due_every_months", "baseline_due_every_months"),
]


def _first(month: date) -> date:
    return month.replace(day=1)


def _checked_actions(plan: Plan) -> list[Action]:
    """The actions that carry a rating (`domain.counting.is_counted_action`): sub-actions,
    main actions with no sub-actions, and lettered parts in place of the row they divide.

    Actions that have left the plan (closed, business as usual, duplicate) are skipped: they
    are no longer rated each month, so every date check would fire on an action nobody is
    asked to deliver any more, and their last rating stands in the history, not in this
    month's report. A main action counts as having sub-actions even if all have left the
    plan, since its own row has always been a heading over them, not a rated milestone.
    """
    actions = list(Action.objects.filter(plan=plan).only(*CHECKED_FIELDS))
    parents = {action.parent_id for action in actions if action.parent_id}
    return [
        action
        for action in actions
        if action.lifecycle == Lifecycle.LIVE
        and is_counted_action(has_sub_actions=action.pk in parents)
    ]


def _histories(plan: Plan, month: date) -> dict[int, list[MonthRecord]]:
    """Each action's reported months up to the report month; drafts and returned updates are
    not yet what the owner reported, so they are left out as the summaries leave them out."""
    histories: dict[int, list[MonthRecord]] = defaultdict(list)
    updates = ProgressUpdate.objects.filter(
        action__plan=plan, month__lte=month, state__in=COUNTED_STATES
    ).values_list("action_id", "month", "status", "commentary")
    for action_id, update_month, status, commentary in updates:
        histories[action_id].append(MonthRecord(update_month, _status(status), commentary))
    return histories


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.UNRECOGNISED


def _evidenced(plan: Plan) -> set[int]:
    # Evidence uploaded after the month still answers the question the flag asks ("where is
    # the evidence?"), so it counts whenever it was added.
    return set(
        Evidence.objects.filter(action__plan=plan, shows_success_measures=True).values_list(
            "action_id", flat=True
        )
    )


def action_facts(action: Action, history: list[MonthRecord], evidenced: bool) -> ActionFacts:
    return ActionFacts(
        ref=action.ref,
        title=action.title,
        start=action.start,
        baseline_due=action.baseline_due,
        current_due=action.due,
        rebaseline_count=action.rebaseline_count,
        history=tuple(history),
        has_success_evidence=evidenced,
    )


def assurance_flags(*, plan: Plan, month: date) -> AssuranceFlags:
    """Every rating-check flag for the month, per theme, open and dismissed; five queries."""
    month = _first(month)
    themes = {theme.pk: ThemeFlags(theme) for theme in Theme.objects.filter(plan=plan)}
    actions = _checked_actions(plan)
    histories = _histories(plan, month)
    evidenced = _evidenced(plan)
    dismissals = {
        (dismissal.action_id, dismissal.kind): dismissal
        for dismissal in FlagDismissal.objects.filter(plan=plan, month=month).select_related(
            "dismissed_by"
        )
    }
    for action in sorted(actions, key=lambda action: action.sort_key):
        facts = action_facts(action, histories.get(action.pk, []), action.pk in evidenced)
        for flag in check_action(facts, month):
            dismissal = dismissals.get((action.pk, flag.kind.value))
            row = FlagRow(flag, action.pk, action.ref, action.title, month, dismissal)
            bucket = themes[action.theme_id]
            (bucket.dismissed if dismissal else bucket.open).append(row)
    return AssuranceFlags(plan, month, list(themes.values()), checked=len(actions))


def flags_for_action(*, action: Action, month: date) -> list[Flag]:
    """The flags the checks raise for one action in the month (for re-checking a dismissal)."""
    month = _first(month)
    history = [
        MonthRecord(update_month, _status(status), commentary)
        for update_month, status, commentary in ProgressUpdate.objects.filter(
            action=action, month__lte=month, state__in=COUNTED_STATES
        ).values_list("month", "status", "commentary")
    ]
    evidenced = Evidence.objects.filter(action=action, shows_success_measures=True).exists()
    return check_action(action_facts(action, history, evidenced), month)


def action_is_checked(action: Action) -> bool:
    if action.lifecycle != Lifecycle.LIVE:
        return False
    return is_counted_action(has_sub_actions=action.sub_actions.exists())


def assurance_months(*, plan: Plan) -> list[date]:
    """Months with reported updates, newest first: the months a check can speak about."""
    return list(
        ProgressUpdate.objects.filter(action__plan=plan, state__in=COUNTED_STATES)
        .values_list("month", flat=True)
        .distinct()
        .order_by("-month")
    )


@dataclass(frozen=True)
class SummaryFlag:
    ref: str
    kind: FlagKind
    kind_label: str
    reason: str


@dataclass(frozen=True)
class ThemeSummary:
    code: str
    name: str
    flags: tuple[SummaryFlag, ...]


def assurance_summary(*, plan: Plan, month: date) -> list[ThemeSummary]:
    """The open (undismissed) flags per theme, for the Theme Progress Summary's assurance
    section; every theme is listed, so "no flags" can be said for a theme too."""
    result = assurance_flags(plan=plan, month=month)
    return [
        ThemeSummary(
            code=theme.theme.code,
            name=theme.theme.name,
            flags=tuple(
                SummaryFlag(row.ref, row.flag.kind, row.kind_label, row.flag.reason)
                for row in theme.open
            ),
        )
        for theme in result.themes
    ]
