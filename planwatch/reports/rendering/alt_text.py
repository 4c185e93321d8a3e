"""A chart's text alternative, the same in the PDF (/Alt) and in Word (wp:docPr/@descr)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planwatch.domain.charts import Chart


def chart_alt_text(chart: Chart) -> str:
    """The chart in words: its title and what it shows. Its data table follows it."""
    title = chart.title.rstrip(".")
    return f"{title}. {chart.description}".strip()
