"""The plan's own risk register (seed 002, Section 4) as demo data: `demo/risk-register.json`.

The plan gives the risks' wording but no scores, owners or review dates, so the risks load
unscored; nothing is invented. Loading twice adds nothing the second time.
"""

import json
from pathlib import Path

from django.db import transaction

from planwatch.plans.models import Action, Theme

from .models import Risk, RiskStatus
from .services import links_set, links_text

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "risk-register.json"
TEXT_FIELDS = ("title", "description", "cause", "effect", "controls")


def demo_register() -> dict:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def demo_load(*, plan) -> str:
    register = demo_register()
    themes = {t.code: t for t in Theme.objects.filter(plan=plan)}
    refs = {
        ref
        for entry in register["risks"]
        for ref in entry["action_refs"] + entry["mitigating_action_refs"]
    }
    actions = {a.ref: a for a in Action.objects.filter(plan=plan, ref__in=refs)}
    added = []
    for entry in register["risks"]:
        if Risk.objects.filter(plan=plan, reference=entry["reference"]).exists():
            continue
        linked = (
            [themes[c] for c in entry["theme_codes"] if c in themes],
            [actions[r] for r in entry["action_refs"] if r in actions],
            [actions[r] for r in entry["mitigating_action_refs"] if r in actions],
        )
        risk = Risk(
            plan=plan,
            reference=entry["reference"],
            status=RiskStatus.OPEN,
            source=register["source"],
            links_text=links_text(*linked),
            **{name: entry[name] for name in TEXT_FIELDS},
        )
        risk.full_clean()
        risk.save()
        links_set(risk, *linked)
        added.append(risk.reference)
    if not added:
        return f"Risk register: the plan's {len(register['risks'])} key risks were already loaded"
    return (
        f"Risk register: {len(added)} key risks from the plan document (Section 4) loaded "
        f"unscored, as the plan gives no scores ({', '.join(added)})"
    )
