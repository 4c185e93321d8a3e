"""The Theme Progress Summary's words: the summary statement and the notes beside the figures.

Every number here comes from `ThemeFigures`, so the JSON that carries both the figures and
these sentences lets tests check the prose against the data.
"""

from collections.abc import Iterable

from planwatch.domain.counting import add_months
from planwatch.domain.theme_summary import (
    GROUP_LABELS,
    Achievement,
    Band,
    Group,
    MilestoneLine,
    ThemeFigures,
    month_label,
)


def _by_main_action(lines: Iterable[MilestoneLine]) -> tuple[str, ...]:
    """Grouped by main action, as seed 000 names them: "Main (ref): sub (ref); sub (ref)"."""
    by_parent: dict[str, list[MilestoneLine]] = {}
    for item in lines:
        by_parent.setdefault(item.parent_ref, []).append(item)
    parts = []
    for parent_ref, items in by_parent.items():
        subs = "; ".join(f"{i.title} ({i.ref})" for i in items if i.ref != parent_ref)
        head = f"{items[0].parent_title} ({parent_ref})"
        parts.append(f"{head}: {subs}" if subs else head)
    return tuple(parts)


def named_groups(figures: ThemeFigures) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The significant and medium groups: an introduction and one item per main action."""
    named = []
    for lines, what in (
        (figures.significant, "significant slippage or issues"),
        (figures.medium, "medium slippage or issues"),
    ):
        if lines:
            verb = "relates" if len(lines) == 1 else "relate"
            named.append((f"The {len(lines)} with {what} {verb} to:", _by_main_action(lines)))
    return tuple(named)


def summary_sentences(figures: ThemeFigures) -> tuple[str, ...]:
    """The summary statement; the last sentences are `named_groups`, one per group."""
    bands = dict(figures.main_actions_by_band)
    unrated = figures.unrated_main_actions
    first = (
        f"Of the {figures.main_actions} main action areas, there are: "
        f"{bands[Band.RED]} with a red (high) risk rating, {bands[Band.AMBER]} amber (medium), "
        f"{bands[Band.GREEN]} green (low), {bands[Band.UNRATED]} not yet risk rated"
    )
    if unrated:
        first += " (" + "; ".join(f"{m.title} ({m.ref})" for m in unrated) + ")"
    count = figures.count
    sentences = [
        first + ".",
        f"Of the {figures.milestones} sub-actions counted for {month_label(figures.month)}: "
        f"{count(Group.ON_TRACK)} {_are(count(Group.ON_TRACK))} on track, "
        f"{count(Group.NOT_DUE_TO_START)} {_are(count(Group.NOT_DUE_TO_START))} not yet due "
        f"to commence, {count(Group.COMPLETED_THIS_MONTH)} "
        f"{_have(count(Group.COMPLETED_THIS_MONTH))} been completed this month, "
        f"{count(Group.SIGNIFICANT)} {_have(count(Group.SIGNIFICANT))} or will experience "
        f"significant slippage or issues, {count(Group.MEDIUM)} "
        f"{_have(count(Group.MEDIUM))} or will experience medium slippage or issues.",
    ]
    others = [
        f"{n} {GROUP_LABELS[g]}" for g, n in figures.groups if n and g not in _HEADLINE_GROUPS
    ]
    if others:
        sentences.append("The others: " + ", ".join(others) + ".")
    orphans = figures.without_main_action
    if orphans:
        verb = "has" if len(orphans) == 1 else "have"
        sentences.append(
            f"{len(orphans)} sub-action{'s' if len(orphans) != 1 else ''} {verb} no main action "
            f"row in the plan and {'is' if len(orphans) == 1 else 'are'} counted with the not yet "
            f"risk rated: {', '.join(o.ref for o in orphans)}."
        )
    for intro, items in named_groups(figures):
        sentences.append(f"{intro} {' | '.join(items)}.")
    return tuple(sentences)


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


_HEADLINE_GROUPS = frozenset(
    {
        Group.ON_TRACK,
        Group.NOT_DUE_TO_START,
        Group.COMPLETED_THIS_MONTH,
        Group.SIGNIFICANT,
        Group.MEDIUM,
    }
)


def achievement_note(achievement: Achievement) -> str:
    """Why some complete milestones are not listed: never claim a month we do not know."""
    n = achievement.complete_month_not_known
    if not n:
        return ""
    label = month_label(achievement.month)
    before = month_label(add_months(achievement.month, -1))
    return (
        f"{n} sub-action{'s were' if n != 1 else ' was'} first recorded as complete in {label} "
        f"with no record for {before}, so the month of completion is not known and "
        f"{'they are' if n != 1 else 'it is'} not listed as {label} achievements."
    )
