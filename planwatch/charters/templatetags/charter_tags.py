from django import template
from django.utils.html import format_html

from planwatch.domain.milestone_status import MILESTONE_LABELS, MilestoneStatus
from planwatch.plans.templatetags.planwatch_tags import TAG_MODIFIERS

register = template.Library()


@register.filter
def milestone_tag(status: MilestoneStatus):
    """A GOV.UK tag for a key milestone's live status."""
    label, colour = MILESTONE_LABELS[MilestoneStatus(status)]
    modifier = f" govuk-tag--{colour}" if colour in TAG_MODIFIERS else ""
    return format_html('<strong class="govuk-tag{}">{}</strong>', modifier, label)
