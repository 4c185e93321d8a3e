"""The month's commentary, per workstream, as `domain.narrative_prefill` reads it: the updates
the PMO has accepted, in plan order, with the exceptions' ratings. Only accepted ones: the
narrative goes into editions, which count nothing the PMO has not reviewed."""

from collections import defaultdict
from datetime import date

from planwatch.domain.counting import Audience
from planwatch.domain.narrative_prefill import CommentaryLine, NarrativeDraft, narrative_draft
from planwatch.domain.statuses import Status
from planwatch.domain.theme_summary import exception_rating
from planwatch.plans.counting import counted_updates_q
from planwatch.plans.models import ProgressUpdate, Theme

_STATUSES = {status.value: status for status in Status}


def narrative_drafts(*, theme: Theme, month: date) -> dict[int, NarrativeDraft]:
    """Each workstream's draft for `month`, by workstream id; one query."""
    rows = (
        ProgressUpdate.objects.filter(
            counted_updates_q(Audience.PUBLISHED), action__theme=theme, month=month
        )
        .exclude(commentary="")
        .order_by("action__sort_key")
        .values_list(
            "action__workstream_id", "action__ref", "action__is_main", "status", "commentary"
        )
    )
    lines: dict[int, list[CommentaryLine]] = defaultdict(list)
    for workstream_id, ref, is_main, status, commentary in rows:
        rating = exception_rating(_STATUSES.get(status))
        lines[workstream_id].append(CommentaryLine(ref, commentary, is_main, rating))
    return {pk: narrative_draft(found) for pk, found in lines.items()}
