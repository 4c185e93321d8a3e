"""A first draft of a workstream's Focus 1 narrative, taken word for word from the month's
commentary, for PMO to edit (seeds 003 and 001: Summary, Progress this month, Next steps,
Issues raised).

Extractive only: every sentence is the owner's, with the ref it came from, so nothing is said
that nobody wrote. The rules:

- *Summary*: the main actions' own commentary.
- *Progress this month*: the sub-actions' commentary, but for exceptions.
- *Issues raised*: the commentary of exceptions (Medium progress or Significant issues), with
  the rating; none, "No issues raised".
- *Next steps*: the sentences, from any of them, that speak of what comes next ("next step",
  "will", "to be", "planned", "scheduled", "due to").

Each piece is cut to `LIMIT` characters at a sentence or word boundary.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

LIMIT = 400
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_NEXT = re.compile(
    r"\b(next steps?|will|to be|planned|scheduled|due to (?:be|take|go|commence|start))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CommentaryLine:
    ref: str
    commentary: str
    is_main: bool
    rating: str = ""  # "Amber" or "Red" for an exception, else ""


@dataclass(frozen=True)
class NarrativeDraft:
    summary: str
    progress_this_month: str
    next_steps: str
    issues_raised: str


def trimmed(text: str, limit: int = LIMIT) -> str:
    """`text` with its whitespace tidied, cut at the last sentence end (else word) within
    `limit`, with an ellipsis where anything was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if end >= limit // 2:
        return cut[: end + 1] + " …"
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _said(line: CommentaryLine, text: str) -> str:
    return f"{line.ref}: {trimmed(text)}"


def narrative_draft(lines: Iterable[CommentaryLine]) -> NarrativeDraft:
    summary, progress, next_steps, issues = [], [], [], []
    written = False
    for line in lines:
        text = " ".join(line.commentary.split())
        if not text:
            continue
        written = True
        if line.rating:
            issues.append(f"{line.ref} ({line.rating} rated): {trimmed(text)}")
        elif line.is_main:
            summary.append(_said(line, text))
        else:
            progress.append(_said(line, text))
        ahead = [s for s in _SENTENCE.split(text) if _NEXT.search(s)]
        if ahead:
            next_steps.append(_said(line, " ".join(ahead)))
    return NarrativeDraft(
        summary="\n".join(summary),
        progress_this_month="\n".join(progress),
        next_steps="\n".join(next_steps),
        # "No issues raised" only where someone wrote something and none of it is an issue.
        issues_raised="\n".join(issues) or ("No issues raised." if written else ""),
    )
