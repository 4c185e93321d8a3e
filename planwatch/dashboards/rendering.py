"""Charts as PNG images, for Word documents, which cannot show SVG reliably."""

import cairosvg

from planwatch.domain.charts import Chart, chart_svg

# Drawn at twice the size, so the image stays sharp when Word scales it to the page.
PNG_SCALE = 2


def chart_png(chart: Chart, *, width: int = 720, height: int = 320) -> bytes:
    svg = chart_svg(chart, width=width, height=height, show_title=False)
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=PNG_SCALE)
