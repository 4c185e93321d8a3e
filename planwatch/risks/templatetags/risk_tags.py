"""Band and trend tags for the register's pages."""

from django import template
from django.utils.html import format_html

register = template.Library()

TREND_WORDS = {"up": ("Up", "red"), "down": ("Down", "green"), "same": ("Same", "grey")}


@register.filter
def band_tag(scored, empty: str = "Not scored"):
    """`3 x 2 = 6` and a tag in the band's colour; a grey tag when not scored."""
    if scored is None:
        return format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', empty)
    return format_html(
        '<span class="risks-score">{}</span> <strong class="govuk-tag govuk-tag--{}">{}</strong>',
        scored.score,
        scored.tag_colour,
        scored.band_label,
    )


@register.filter
def trend_tag(trend):
    if trend is None:
        return format_html(
            '<span class="govuk-hint govuk-!-margin-0">{}</span>', "No earlier review"
        )
    words, colour = TREND_WORDS[trend.direction]
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>'
        '<span class="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-0">'
        "{} to {} since {}</span>",
        colour,
        words,
        trend.previous_score,
        trend.score,
        trend.previous_month.strftime("%b %Y"),
    )


@register.filter
def band_class(band) -> str:
    return f"risks-cell--{band.value}"
