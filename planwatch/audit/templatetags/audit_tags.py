"""The action page's link to its history, shown only to those who may see the audit trail.

Use: `{% load audit_tags %}{% action_history_link action %}`.
"""

from django import template

from planwatch.accounts.permissions import Perm, user_can

register = template.Library()


@register.inclusion_tag("audit/_history_link.html", takes_context=True)
def action_history_link(context, action):
    request = context["request"]
    return {
        "request": request,
        "action": action,
        "can_view": user_can(request.user, Perm.VIEW_AUDIT, action),
    }
