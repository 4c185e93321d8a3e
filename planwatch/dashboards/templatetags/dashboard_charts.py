"""Template helpers that put a chart and its data table on a page."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from planwatch.domain.charts import Chart
from planwatch.domain.charts import chart_svg as draw_chart_svg
from planwatch.domain.charts import chart_table as chart_table_rows

register = template.Library()


@register.filter
def chart_svg(chart: Chart) -> SafeString:
    # chart_svg escapes every piece of text it writes, so its output is safe markup.
    return mark_safe(draw_chart_svg(chart))


@register.simple_tag
def chart_table(chart: Chart) -> dict[str, object]:
    headers, rows = chart_table_rows(chart)
    return {"headers": headers, "rows": rows}
