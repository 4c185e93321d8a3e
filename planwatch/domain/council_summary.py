"""The Summary column of the council's 2022 Theme Progress Summary (seed 000), in its words.

Seed 000 opens each theme with "Of the 16 main action areas, there are: • zero main actions
with a red risk rating, • 7 main actions with an amber risk rating, • 8 main actions with a
green risk rating. • 1 main action has not yet been risk rated (…)", then says how the live
sub-actions of each red and amber group stand ("All live sub-actions to deliver the action
are on track • 2 sub-actions are not yet due to commence • 2 sub-actions have been completed
this month"), and names green or unrated groups only where they have delivery issues. Every
number comes from `ThemeFigures`, so it agrees with the JSON and the other layouts.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from planwatch.domain.theme_summary import (
    GROUP_LABELS,
    Band,
    BandCounts,
    Group,
    MilestoneLine,
    ThemeFigures,
)

_NUMBER_WORDS = {0: "zero"}
_BAND_WORD = {Band.RED: "a red", Band.AMBER: "an amber", Band.GREEN: "a green"}
# The groups a live sub-action can be in: the ones the seed's "all live sub-actions … are on
# track" speaks of. Not-yet-due and completed ones are said separately, the others listed.
_LIVE = (Group.ON_TRACK, Group.MEDIUM, Group.SIGNIFICANT)
_SAID = frozenset({*_LIVE, Group.NOT_DUE_TO_START, Group.COMPLETED_THIS_MONTH})


@dataclass(frozen=True)
class Statement:
    """One paragraph of the statement: its opening words and its bullet points."""

    opening: str
    bullets: tuple[str, ...] = ()


def _number(n: int) -> str:
    return _NUMBER_WORDS.get(n, str(n))


def _plural(n: int, one: str, many: str) -> str:
    return f"{_number(n)} {one if n == 1 else many}"


def main_action_statement(figures: ThemeFigures) -> Statement:
    """ "Of the 16 main action areas, there are: • zero main actions with a red risk rating, …"."""
    bands = dict(figures.main_actions_by_band)
    rated = [
        f"{_plural(bands[band], 'main action', 'main actions')} with {_BAND_WORD[band]} risk rating"
        for band in (Band.RED, Band.AMBER, Band.GREEN)
    ]
    bullets = [f"{text}," for text in rated[:-1]] + [f"{rated[-1]}."]
    unrated = figures.unrated_main_actions
    if unrated:
        verb = "has" if len(unrated) == 1 else "have"
        names = "; ".join(m.title for m in unrated)
        bullets.append(
            f"{_plural(len(unrated), 'main action', 'main actions')} {verb} not yet been "
            f"risk rated ({names})"
        )
    return Statement(f"Of the {figures.main_actions} main action areas, there are:", tuple(bullets))


def _issue_bullets(counts: Mapping[Group, int]) -> list[str]:
    bullets = []
    for group, words in (
        (Group.SIGNIFICANT, "significant"),
        (Group.MEDIUM, "medium"),
    ):
        if counts[group]:
            verb = "has" if counts[group] == 1 else "have"
            bullets.append(
                f"{_plural(counts[group], 'sub-action', 'sub-actions')} {verb} or will "
                f"experience {words} slippage or issues"
            )
    return bullets


def _band_bullets(band: BandCounts) -> list[str]:
    counts = dict(band.groups)
    bullets: list[str] = []
    issues = _issue_bullets(counts)
    if counts[Group.ON_TRACK] and not issues:
        bullets.append("All live sub-actions to deliver the action are on track")
    elif counts[Group.ON_TRACK]:
        n = counts[Group.ON_TRACK]
        verb = "is" if n == 1 else "are"
        bullets.append(
            f"{_plural(n, 'sub-action', 'sub-actions')} {verb} on track with little or no slippage"
        )
    bullets += issues
    if n := counts[Group.NOT_DUE_TO_START]:
        verb = "is" if n == 1 else "are"
        bullets.append(f"{_plural(n, 'sub-action', 'sub-actions')} {verb} not yet due to commence")
    if n := counts[Group.COMPLETED_THIS_MONTH]:
        verb = "has" if n == 1 else "have"
        bullets.append(
            f"{_plural(n, 'sub-action', 'sub-actions')} {verb} been completed this month"
        )
    for group, n in band.groups:
        if n and group not in _SAID:
            bullets.append(f"{_plural(n, 'sub-action', 'sub-actions')} {GROUP_LABELS[group]}")
    return bullets


def _issue_names(figures: ThemeFigures, band: Band) -> tuple[str, ...]:
    """The sub-actions of `band` with medium or significant issues, named as the seed does."""
    band_of = {m.ref: m.band for m in figures.counted_main_actions}

    def in_band(line: MilestoneLine) -> bool:
        return band_of.get(line.parent_ref, Band.UNRATED) is band

    lines = [x for x in (*figures.significant, *figures.medium) if in_band(x)]
    return tuple(f"{x.title} ({x.ref})" for x in lines)


def band_statements(figures: ThemeFigures) -> tuple[Statement, ...]:
    """How each risk group's sub-actions stand: red and amber always, as seed 000 does;
    green and the not yet rated only where some have delivery issues."""
    statements = []
    for band in figures.by_band:
        if band.band in (Band.RED, Band.AMBER):
            if not band.main_actions:
                continue
            actions = _plural(band.main_actions, "action", "actions")
            opening = f"Of the {actions} with {_BAND_WORD[band.band]} risk rating:"
            statements.append(Statement(opening, tuple(_band_bullets(band))))
            continue
        names = _issue_names(figures, band.band)
        if not names:
            continue
        if band.band is Band.GREEN:
            opening = "Actions with a green risk rating have areas of medium progress or issues."
        else:
            opening = "Of the main actions that have not yet been risk rated:"
        counts = dict(band.groups)
        bullets = (*_issue_bullets(counts), f"These relate to: {'; '.join(names)}")
        statements.append(Statement(opening, bullets))
    return tuple(statements)


def council_statement(figures: ThemeFigures) -> tuple[Statement, ...]:
    """The whole computed part of the 2022 Summary cell, in order."""
    return (main_action_statement(figures), *band_statements(figures))


def statement_text(statements: tuple[Statement, ...]) -> str:
    """The statement as a table cell's text: one line per opening and per bullet point."""
    lines: list[str] = []
    for statement in statements:
        lines.append(statement.opening)
        lines += [f"• {bullet}" for bullet in statement.bullets]
    return "\n".join(lines)
