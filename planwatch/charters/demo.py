"""The sample plan's theme charters, read off the plan document (seed 002) into
`demo/theme-charters.json`. Loading is idempotent and never overwrites a charter someone
has already recorded or edited: a theme that has one is left alone."""

import json
from pathlib import Path

from django.db import transaction

from planwatch.plans.models import Action, Plan, Theme, Workstream

from .models import CharterWorkstream, KeyDeliverable, KeyMilestone, SuccessMeasure, ThemeCharter

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "theme-charters.json"
REASON = "Loaded from the plan document (demo)"


def demo_data(path: Path = DEMO_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@transaction.atomic
def demo_load(*, plan: Plan, path: Path = DEMO_FILE) -> str:
    themes = {theme.code: theme for theme in Theme.objects.filter(plan=plan)}
    refs = {a.ref: a for a in Action.objects.filter(plan=plan).only("pk", "ref")}
    workstreams = {(w.theme_id, w.name): w for w in Workstream.objects.filter(theme__plan=plan)}
    loaded, kept, missing_themes, linked, unlinked, missing_refs = [], [], [], 0, 0, []
    for code, data in demo_data(path)["themes"].items():
        theme = themes.get(code)
        if theme is None:
            missing_themes.append(code)
            continue
        if ThemeCharter.objects.filter(theme=theme).exists():
            kept.append(code)
            continue
        charter = _saved(
            ThemeCharter(
                theme=theme,
                objectives="\n".join(data["objectives"]),
                success_intro=data["evidence_of_success_intro"],
            )
        )
        for order, item in enumerate(data["workstreams"], start=1):
            _saved(
                CharterWorkstream(
                    charter=charter,
                    order=order,
                    name=item["name"],
                    aim=item["aim"],
                    workstream=workstreams.get((theme.pk, item["tracker_workstream"])),
                )
            )
        for order, item in enumerate(data["key_milestones"], start=1):
            actions = [refs[ref] for ref in item["refs"] if ref in refs]
            missing_refs += [ref for ref in item["refs"] if ref not in refs]
            milestone = _saved(
                KeyMilestone(
                    charter=charter,
                    order=order,
                    text=item["text"],
                    due_text=item["due"],
                    linked_refs=", ".join(a.ref for a in actions),
                )
            )
            milestone.actions.set(actions)
            linked, unlinked = linked + bool(actions), unlinked + (not actions)
        for order, item in enumerate(data["key_deliverables"], start=1):
            _saved(
                KeyDeliverable(charter=charter, order=order, text=item["text"], level=item["level"])
            )
        for order, text in enumerate(data["evidence_of_success"], start=1):
            _saved(SuccessMeasure(charter=charter, order=order, text=text))
        loaded.append(code)
    line = (
        f"Theme charters: loaded {len(loaded)} ({', '.join(loaded) or 'none'}); "
        f"{linked} key milestones linked to actions, {unlinked} not linked"
    )
    if kept:
        line += f"; kept the existing charters of {', '.join(kept)}"
    if missing_themes:
        line += f"; no theme {', '.join(missing_themes)} in {plan}"
    if missing_refs:
        line += f"; refs not in {plan}: {', '.join(missing_refs)}"
    return line


def _saved(instance):
    instance._change_reason = REASON
    instance.save()
    return instance
