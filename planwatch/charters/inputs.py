"""Reading PMO's charter input: text within limits, and a key milestone's action refs
(any case, separated by commas, semicolons or spaces) as the plan's actions."""

import re

from planwatch.plans.models import Action

from .errors import CharterError

TEXT_LIMIT = 2000


def text_clean(value: str, *, field: str, label: str, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise CharterError(f"Enter the {label}", field=field)
    if len(text) > TEXT_LIMIT:
        raise CharterError(f"The {label} must be {TEXT_LIMIT} characters or fewer", field=field)
    return text


REF_SPLIT = re.compile(r"[\s,;]+")


def actions_for_refs(*, plan, refs: str) -> list[Action]:
    """The plan's actions named in `refs` (separated by commas, semicolons or spaces)."""
    wanted = [ref for ref in REF_SPLIT.split((refs or "").strip()) if ref]
    unique = list(dict.fromkeys(ref.upper() for ref in wanted))
    found = {a.ref.upper(): a for a in Action.objects.filter(plan=plan, ref__in=unique)}
    missing = [ref for ref in unique if ref not in found]
    if missing:
        raise CharterError(
            f"There is no action {', '.join(missing)} in {plan}: give refs like OC.B2.2",
            field="action_refs",
        )
    return [found[ref] for ref in unique]


def milestone_fields(*, plan, text: str, due_text: str, action_refs: str):
    text = text_clean(text, field="text", label="milestone")
    due = (due_text or "").strip()
    if len(due) > 200:
        raise CharterError("The due date must be 200 characters or fewer", field="due_text")
    return text, due, actions_for_refs(plan=plan, refs=action_refs)
