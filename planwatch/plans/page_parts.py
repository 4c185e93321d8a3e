"""What apps above the register add to its pages, registered from their AppConfig.ready.

The register sits below the apps that read import warnings, score risks or run the monthly
cycle (docs/architecture.md), so it cannot import them; they hand it a function instead.
Each registry is a named list, so a page shows only the parts of the apps installed.
"""

from collections.abc import Callable
from datetime import date

from django.http import HttpRequest

from .models import Action, Plan

ActionPagePart = Callable[[HttpRequest, Action], dict[str, object]]
OpenMonth = Callable[[Plan], date | None]

_action_page_parts: dict[str, ActionPagePart] = {}
_open_month: dict[str, OpenMonth] = {}


def action_page_part_register(name: str, part: ActionPagePart) -> None:
    """Add context to every action page; `name` keeps a second registration from doubling it."""
    _action_page_parts[name] = part


def action_page_parts(request: HttpRequest, action: Action) -> dict[str, object]:
    context: dict[str, object] = {}
    for part in _action_page_parts.values():
        context.update(part(request, action))
    return context


def open_month_register(name: str, open_month: OpenMonth) -> None:
    """Say which month the plan is being updated for (the open monthly cycle's)."""
    _open_month[name] = open_month


def open_month(plan: Plan) -> date | None:
    """The month the plan is being updated for, or None when no app knows of one."""
    for provider in _open_month.values():
        month = provider(plan)
        if month is not None:
            return month
    return None
