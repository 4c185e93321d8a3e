"""The action page's Evidence section, so plans' views and templates need not know evidence.

Use: `{% load evidence_tags %}{% action_evidence action %}`; the page's request gives the
user, and the permission helper decides whether they see the "Add evidence" button.
"""

from django import template

from planwatch.accounts.permissions import Perm, user_can

from ..selectors import evidence_list_for_action
from ..validation import FILE_TYPES, human_size

register = template.Library()
CONTENT_TYPE_NAMES = {
    file_type.content_type: file_type.noun.split(" ", 1)[1] for file_type in FILE_TYPES.values()
}


@register.inclusion_tag("evidence/_action_evidence.html", takes_context=True)
def action_evidence(context, action):
    request = context["request"]
    return {
        "request": request,
        "action": action,
        "evidence_list": list(evidence_list_for_action(action=action)),
        "can_add": user_can(request.user, Perm.ADD_EVIDENCE, action),
    }


@register.filter
def evidence_kind(evidence) -> str:
    """“PDF, 1.2 MB” for a file; “Link” for a link."""
    if not evidence.file:
        return "Link"
    kind = CONTENT_TYPE_NAMES.get(evidence.content_type, "File")
    return f"{kind[:1].upper()}{kind[1:]}, {human_size(evidence.size or 0)}"
