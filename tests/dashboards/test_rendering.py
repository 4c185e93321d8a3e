"""Charts as PNG for Word: a real image, drawn at twice the size for sharpness."""

import io

from PIL import Image

from planwatch.dashboards.rendering import chart_png
from planwatch.domain.charts import Chart, Series

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_chart_png_is_a_png_at_twice_the_size():
    chart = Chart(
        kind="stacked_bar",
        title="Status & progress <by month>",
        description="Bars.",
        x_labels=("Sep 2022", "Oct 2022"),
        series=(Series("On track", (62, 33), "#00703c"), Series("Medium", (26, 24), "#f47738")),
    )

    png = chart_png(chart)

    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1440, 640)
    # Not a blank canvas: the bars' green is drawn somewhere.
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1_000_000)}
    assert (0, 112, 60) in colours


def test_empty_chart_still_renders():
    chart = Chart(kind="line", title="Nothing", description="No data.", x_labels=(), series=())

    assert chart_png(chart).startswith(PNG_SIGNATURE)
