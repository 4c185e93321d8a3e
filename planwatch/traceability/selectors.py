"""Reads of traceability: each review's recommendations, the actions answering them, status.

Four queries whatever the plan's size: recommendations, their links, the plan's actions,
and the Reference texts.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from planwatch.domain.counting import DONE_STATUSES
from planwatch.domain.references import PAGE, ParsedReferences, Review, parse_references
from planwatch.domain.statuses import Status
from planwatch.plans.models import Action, Plan, Recommendation

from .models import ActionReference

DELIVERED = frozenset(status.value for status in DONE_STATUSES)
NEUTRAL_FOR_MAIN = frozenset({Status.NOT_APPLICABLE.value, Status.NO_STATUS.value})
NO_ACTION, DELIVERED_STATE, IN_PROGRESS = "no_action", "delivered", "in_progress"
STATES = {
    NO_ACTION: "No action addresses it",
    DELIVERED_STATE: "Fully delivered",
    IN_PROGRESS: "In progress",
}
REVIEW_ORDER = {review.value: order for order, review in enumerate(Review)}


@dataclass
class ActionStatus:
    pk: int
    ref: str
    title: str
    latest_status: str
    is_main: bool
    sub_actions: list["ActionStatus"] = field(default_factory=list)

    @property
    def delivered(self) -> bool:
        if not self.sub_actions:
            return self.latest_status in DELIVERED
        # A main action with milestones is usually rated "N/A" itself: they carry its progress.
        own = self.latest_status in DELIVERED or self.latest_status in NEUTRAL_FOR_MAIN
        return own and all(sub.delivered for sub in self.sub_actions)

    @property
    def sub_actions_delivered(self) -> int:
        return sum(1 for sub in self.sub_actions if sub.delivered)


@dataclass
class RecommendationRow:
    pk: int
    review: str
    kind: str
    number: str
    text: str
    note: str
    catalogued: bool
    actions: list[ActionStatus]

    @property
    def label(self) -> str:
        if self.number == "":
            return "The review as a whole"
        if self.kind == PAGE:
            return f"Page {self.number}"
        rec = "" if self.number.startswith("SN") else "Rec"
        return " ".join(part for part in (self.kind, rec, self.number) if part)

    @property
    def state(self) -> str:
        if not self.actions:
            return NO_ACTION
        return DELIVERED_STATE if all(a.delivered for a in self.actions) else IN_PROGRESS

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    def as_dict(self) -> dict[str, object]:
        return {
            "review": self.review,
            "kind": self.kind,
            "number": self.number,
            "label": self.label,
            "text": self.text,
            "note": self.note,
            "catalogued": self.catalogued,
            "state": self.state,
            "actions": [
                {
                    "ref": action.ref,
                    "title": action.title,
                    "latest_status": action.latest_status,
                    "delivered": action.delivered,
                    "sub_actions": len(action.sub_actions),
                    "sub_actions_delivered": action.sub_actions_delivered,
                }
                for action in self.actions
            ],
        }


@dataclass
class ReviewGroup:
    review: str
    recommendations: list[RecommendationRow]

    def count(self, state: str) -> int:
        return sum(1 for rec in self.recommendations if rec.state == state)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(state, label, self.count(state)) for state, label in STATES.items()]


@dataclass
class UnreadReference:
    ref: str
    text: str
    source: str
    parsed: ParsedReferences


@dataclass
class TraceabilityReport:
    reviews: list[ReviewGroup]
    references_held: int
    main_actions: int
    main_actions_with_reference: int
    unread: list[UnreadReference]
    state: str = ""

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [
            (state, label, sum(group.count(state) for group in self.reviews))
            for state, label in STATES.items()
        ]

    @property
    def total(self) -> int:
        return sum(len(group.recommendations) for group in self.reviews)

    def as_dict(self) -> dict[str, object]:
        return {
            "counts": {state: n for state, _label, n in self.counts},
            "main_actions": self.main_actions,
            "main_actions_with_reference": self.main_actions_with_reference,
            "reviews": [
                {"review": g.review, "recommendations": [r.as_dict() for r in g.recommendations]}
                for g in self.reviews
            ],
            "unread_references": [
                {"ref": u.ref, "text": u.text, "unreadable": list(u.parsed.unreadable)}
                for u in self.unread
            ],
        }


def _number_key(number: str) -> tuple:
    parts = number.replace("SN", "").split(".")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def _action_statuses(plan: Plan) -> dict[int, ActionStatus]:
    statuses: dict[int, ActionStatus] = {}
    parents: list[tuple[int, int]] = []
    for pk, ref, title, status, is_main, parent_id in (
        Action.objects.filter(plan=plan)
        .order_by("sort_key")
        .values_list("pk", "ref", "title", "latest_status", "is_main", "parent_id")
    ):
        statuses[pk] = ActionStatus(pk, ref, title, status, is_main)
        if parent_id:
            parents.append((pk, parent_id))
    for pk, parent_id in parents:
        if parent_id in statuses:
            statuses[parent_id].sub_actions.append(statuses[pk])
    return statuses


def traceability_report(*, plan: Plan, state: str = "") -> TraceabilityReport:
    """Every review's recommendations with the actions citing them; `state` filters them."""
    statuses = _action_statuses(plan)
    linked: dict[int, list[int]] = defaultdict(list)
    through = Recommendation.actions.through
    for rec_id, action_id in through.objects.filter(recommendation__plan=plan).values_list(
        "recommendation_id", "action_id"
    ):
        linked[rec_id].append(action_id)
    rows = [
        RecommendationRow(
            rec.pk,
            rec.source,
            rec.kind,
            rec.number,
            rec.text,
            rec.note,
            rec.catalogued,
            sorted(
                (statuses[pk] for pk in linked[rec.pk] if pk in statuses),
                key=lambda a: a.ref,
            ),
        )
        for rec in Recommendation.objects.filter(plan=plan)
    ]
    rows.sort(
        key=lambda r: (REVIEW_ORDER.get(r.review, 99), r.review, r.kind, _number_key(r.number))
    )
    if state in STATES:
        rows_shown = [row for row in rows if row.state == state]
    else:
        rows_shown, state = rows, ""
    groups: dict[str, list[RecommendationRow]] = {}
    for row in rows_shown:
        groups.setdefault(row.review, []).append(row)
    references = list(
        ActionReference.objects.filter(action__plan=plan).values_list(
            "action_id", "action__ref", "action__is_main", "text", "source"
        )
    )
    unread = []
    for _pk, ref, _main, text, source in references:
        parsed = parse_references(text)
        if parsed.unreadable:
            unread.append(UnreadReference(ref, text, source, parsed))
    with_reference = {pk for pk, _ref, main, _t, _s in references if main}
    return TraceabilityReport(
        reviews=[ReviewGroup(review, recs) for review, recs in groups.items()],
        references_held=len(references),
        main_actions=sum(1 for action in statuses.values() if action.is_main),
        main_actions_with_reference=len(with_reference),
        unread=sorted(unread, key=lambda u: u.ref),
        state=state,
    )


def recommendation_detail(*, plan: Plan, pk: int) -> tuple[RecommendationRow, list] | None:
    """One recommendation with its actions, and the Reference texts that cite it."""
    report = traceability_report(plan=plan)
    for group in report.reviews:
        for row in group.recommendations:
            if row.pk == pk:
                action_ids = [action.pk for action in row.actions]
                references = list(
                    ActionReference.objects.filter(action_id__in=action_ids)
                    .select_related("action")
                    .order_by("action__sort_key", "source")
                )
                return row, references
    return None
