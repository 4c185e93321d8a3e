"""A theme's monthly RAG status, from the council's "Theme Status Key" (end of seed 000).

The key, verbatim:

    Green Theme: High and Medium Risk areas are on track. Green risk areas have a small number
    of sub-actions with amber/red progress.
    Amber Theme: High and Medium risk areas have some medium delivery issues and/ or green
    risk areas have medium/high delivery issues.
    Red Theme: High and Medium Risk areas have a number of medium/significant delivery issues
    and/or green risk areas have a number of significant delivery issues.

The key is prose, so the counts behind "a small number", "some" and "a number of" are ours,
not the council's. They live in ``ThemeThresholds`` so the PMO can change them. Assumptions:

- A "risk area" is a main action; "green risk" means Low Risk (the summaries call High /
  Medium / Low Risk red / amber / green). High- and medium-risk actions are "priority" here.
- A delivery issue is a sub-action rated Medium progress (a medium issue, amber) or
  Significant issues/slippage (a significant issue, red). Every other status (On track, Not
  due to start, Complete, On hold, New action, ...) is not an issue. A main action's own
  status counts like a sub-action's: one without sub-actions carries its own (OC.D4.0).
- Priority actions (defaults): 1 issue of any kind is "some" -> Amber; 2 or more issues, or
  any significant issue, is "a number of" -> Red.
- Low-risk actions (defaults): up to 2 amber/red sub-actions are "a small number" and leave
  the theme Green; 3 or more -> Amber; 3 or more significant -> Red.
- An unrated main action counts as medium risk (a priority action): the conservative reading,
  so that its issues are never hidden among the tolerated low-risk ones.
- Counting a significant issue wherever a medium one would count keeps the status monotone:
  adding an issue, or worsening amber to red, never improves the theme.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Literal

from planwatch.domain.risk_matrix import RiskBand
from planwatch.domain.statuses import Status

Rag = Literal["green", "amber", "red"]

# The key as the council prints it under its 2022 summary, one sentence per colour.
THEME_STATUS_KEY: tuple[tuple[Rag, str], ...] = (
    (
        "green",
        "Green Theme: High and Medium Risk areas are on track. Green risk areas have a small "
        "number of sub-actions with amber/red progress.",
    ),
    (
        "amber",
        "Amber Theme: High and Medium risk areas have some medium delivery issues and/ or "
        "green risk areas have medium/high delivery issues.",
    ),
    (
        "red",
        "Red Theme: High and Medium Risk areas have a number of medium/significant delivery "
        "issues and/or green risk areas have a number of significant delivery issues.",
    ),
)
_RAG_ORDER: dict[Rag, int] = {"green": 0, "amber": 1, "red": 2}


@dataclass(frozen=True)
class SubActionProgress:
    ref: str
    status: Status


@dataclass(frozen=True)
class MainActionProgress:
    """A main action's risk (None when unrated) and this month's statuses: its own, if it
    carries one, and its live sub-actions'."""

    ref: str
    risk: RiskBand | None
    sub_actions: tuple[SubActionProgress, ...] = ()
    status: Status | None = None


@dataclass(frozen=True)
class ThemeThresholds:
    """Counts that turn the key's prose into rules; the defaults are assumptions.

    priority_issues_for_amber: "some" issues in high/medium-risk actions (amber or red).
    priority_issues_for_red: "a number of" medium/significant issues there.
    priority_significant_for_red: significant issues there that alone make the theme Red.
    low_risk_issues_tolerated: "a small number" of amber/red sub-actions of low-risk actions
        that still leave the theme Green; one more makes it Amber.
    low_risk_significant_for_red: "a number of" significant issues in low-risk actions.
    """

    priority_issues_for_amber: int = 1
    priority_issues_for_red: int = 2
    priority_significant_for_red: int = 1
    low_risk_issues_tolerated: int = 2
    low_risk_significant_for_red: int = 3

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            least = 0 if field.name == "low_risk_issues_tolerated" else 1
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"{field.name} must be a whole number of at least {least}")
        if self.priority_issues_for_red < self.priority_issues_for_amber:
            raise ValueError(
                "priority_issues_for_red must not be below priority_issues_for_amber: "
                "fewer issues cannot make the theme Red than make it Amber"
            )


DEFAULT_THRESHOLDS = ThemeThresholds()


@dataclass(frozen=True)
class ThemeStatus:
    rag: Rag
    reasons: tuple[str, ...]


@dataclass
class _Issues:
    medium: list[str]
    significant: list[str]

    @property
    def count(self) -> int:
        return len(self.medium) + len(self.significant)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _evidence(issues: _Issues, whose: str) -> list[str]:
    lines = []
    for refs, what in (
        (issues.significant, "significant issues/slippage (red)"),
        (issues.medium, "medium progress slippage (amber)"),
    ):
        if refs:
            verb = "has" if len(refs) == 1 else "have"
            lines.append(
                f"{_plural(len(refs), 'sub-action')} of {whose} actions {verb} {what}: "
                + _ref_list(refs)
            )
    return lines


def _collect(main_actions: Iterable[MainActionProgress]) -> tuple[_Issues, _Issues, list[str]]:
    priority, low = _Issues([], []), _Issues([], [])
    unrated: list[str] = []
    for main in main_actions:
        if main.risk is None:
            unrated.append(main.ref)
        issues = low if main.risk is RiskBand.LOW else priority
        rated: list[tuple[str, Status]] = [(s.ref, s.status) for s in main.sub_actions]
        if main.status is not None:
            rated.insert(0, (main.ref, main.status))
        for ref, status in rated:
            if status is Status.SIGNIFICANT_ISSUES:
                issues.significant.append(ref)
            elif status is Status.MEDIUM_PROGRESS:
                issues.medium.append(ref)
    return priority, low, unrated


def _rules(priority: _Issues, low: _Issues, t: ThemeThresholds) -> list[tuple[Rag, str]]:
    """Every rule of the key that these issues trigger, as (rag, sentence)."""
    fired: list[tuple[Rag, str]] = []
    p_sig = len(priority.significant)
    if p_sig >= t.priority_significant_for_red:
        fired.append(
            (
                "red",
                f"Red: high/medium-risk actions have {_plural(p_sig, 'significant issue')} "
                f"({t.priority_significant_for_red} or more makes the theme Red).",
            )
        )
    if priority.count >= t.priority_issues_for_red:
        fired.append(
            (
                "red",
                f"Red: high/medium-risk actions have {_plural(priority.count, 'delivery issue')} "
                f"({t.priority_issues_for_red} or more makes the theme Red).",
            )
        )
    if priority.count >= t.priority_issues_for_amber:
        fired.append(
            (
                "amber",
                f"Amber: high/medium-risk actions have "
                f"{_plural(priority.count, 'delivery issue')} "
                f"({t.priority_issues_for_amber} or more makes the theme Amber).",
            )
        )
    l_sig = len(low.significant)
    if l_sig >= t.low_risk_significant_for_red:
        fired.append(
            (
                "red",
                f"Red: low-risk actions have {_plural(l_sig, 'significant issue')} "
                f"({t.low_risk_significant_for_red} or more makes the theme Red).",
            )
        )
    if low.count > t.low_risk_issues_tolerated:
        fired.append(
            (
                "amber",
                f"Amber: low-risk actions have {_plural(low.count, 'sub-action')} with amber/red "
                f"progress (more than the {t.low_risk_issues_tolerated} tolerated).",
            )
        )
    return fired


def theme_status(
    main_actions: Iterable[MainActionProgress],
    thresholds: ThemeThresholds = DEFAULT_THRESHOLDS,
) -> ThemeStatus:
    """The theme's RAG status for the month, with one-line reasons a PMO can read: first the
    rules that decided it, then the refs behind them, then any unrated actions."""
    priority, low, unrated = _collect(main_actions)
    fired = _rules(priority, low, thresholds)
    rag: Rag = max((r for r, _ in fired), key=_RAG_ORDER.__getitem__, default="green")
    reasons = [sentence for r, sentence in fired if r == rag]
    if rag == "green":
        if priority.count:
            reasons.append(
                f"Green: high/medium-risk actions have {_plural(priority.count, 'delivery issue')}"
                f", fewer than the {thresholds.priority_issues_for_amber} that makes it Amber."
            )
        else:
            reasons.append("Green: high- and medium-risk actions are on track.")
        if low.count:
            reasons.append(
                f"Low-risk actions have {_plural(low.count, 'sub-action')} with amber/red "
                f"progress, within the {thresholds.low_risk_issues_tolerated} tolerated."
            )
    reasons += _evidence(priority, "high/medium-risk")
    reasons += _evidence(low, "low-risk")
    if unrated:
        reasons.append(_unrated_note(unrated))
    return ThemeStatus(rag, tuple(reasons))


def _unrated_note(refs: Sequence[str]) -> str:
    verb = "has" if len(refs) == 1 else "have"
    return f"{_ref_list(refs)} {verb} no risk rating, so counted as medium risk."


def _ref_list(refs: Sequence[str]) -> str:
    # A reason is one line whatever a ref cell held (a stray line break in the workbook).
    return ", ".join(" ".join(ref.split()) for ref in refs)
