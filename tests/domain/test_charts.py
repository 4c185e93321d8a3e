"""Charts drawn as SVG: well-formed, accessible, faithful to the numbers, never failing."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.charts import (
    Chart,
    Series,
    chart_svg,
    chart_table,
    format_value,
    nice_ticks,
)

SVG = "{http://www.w3.org/2000/svg}"


def bar_chart(*series: Series, labels=("Sep 2022", "Oct 2022")) -> Chart:
    return Chart(
        kind="stacked_bar",
        title="Status by month",
        description="Stacked bars of statuses.",
        x_labels=tuple(labels),
        series=series,
        y_label="Sub-actions",
        x_label="Month",
    )


def parse(chart: Chart, **kwargs) -> ET.Element:
    return ET.fromstring(chart_svg(chart, **kwargs))


def rects_by_series(root: ET.Element) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("data-series")]


def test_svg_is_standalone_accessible_markup():
    chart = bar_chart(Series("On track", (3, 4), "#00703c"))

    root = parse(chart)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "720" and root.get("height") == "320"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Status by month"
    assert desc.text == "Stacked bars of statuses."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_svg_has_no_style_attributes_or_scripts_for_the_strict_csp():
    svg = chart_svg(bar_chart(Series("On track", (3, 4), "#00703c")))

    assert "style=" not in svg
    assert "<script" not in svg


def test_stacked_bars_heights_are_proportional_to_values():
    chart = bar_chart(Series("On track", (10, 5), "#00703c"), Series("Medium", (2, 20), "#f47738"))

    rects = rects_by_series(parse(chart))

    ratios = {float(rect.get("height")) / float(rect.get("data-value")) for rect in rects}
    assert len(rects) == 4
    assert max(ratios) - min(ratios) < 0.01


def test_stacked_segments_sit_on_top_of_each_other():
    chart = bar_chart(Series("A", (10,), "#00703c"), Series("B", (5,), "#d4351c"), labels=["Sep"])

    lower, upper = rects_by_series(parse(chart))

    assert float(upper.get("y")) + float(upper.get("height")) == pytest.approx(
        float(lower.get("y")), abs=0.02
    )


def test_legend_names_every_series():
    chart = bar_chart(Series("On track", (1, 2), "#00703c"), Series("Medium", (0, 1), "#f47738"))

    texts = [text.text for text in parse(chart).iter(f"{SVG}text")]

    assert "On track" in texts and "Medium" in texts


def test_line_chart_draws_a_line_per_series_and_a_point_per_value():
    chart = Chart(
        kind="line",
        title="Burn-up",
        description="Completed against plan.",
        x_labels=("Sep 2022", "Oct 2022", "Nov 2022"),
        series=(
            Series("Completed", (1, 3, 6), "#1d70b8"),
            Series("Planned", (2, 4, 8), "#505a5f", dashed=True),
        ),
    )

    root = parse(chart)

    lines = list(root.iter(f"{SVG}polyline"))
    assert [line.get("data-series") for line in lines] == ["Completed", "Planned"]
    assert lines[1].get("stroke-dasharray")
    points = [c for c in root.iter(f"{SVG}circle")]
    assert [c.get("data-value") for c in points] == ["1", "3", "6", "2", "4", "8"]
    # A higher value sits higher on the page.
    heights = [float(c.get("cy")) for c in points[:3]]
    assert heights == sorted(heights, reverse=True)


def test_text_is_escaped():
    nasty = 'R&D <b>"plan"</b>'
    chart = bar_chart(Series(nasty, (1, 2), "#00703c"), labels=[nasty, "x"])

    svg = chart_svg(chart)

    assert "<b>" not in svg
    assert nasty in [text.text for text in ET.fromstring(svg).iter(f"{SVG}text")]


def test_unusable_colour_falls_back_to_a_safe_one():
    svg = chart_svg(bar_chart(Series("A", (1, 2), '"><script>')))

    assert "<script>" not in svg
    ET.fromstring(svg)


def test_empty_chart_says_there_is_no_data():
    chart = bar_chart(labels=())

    texts = [text.text for text in parse(chart).iter(f"{SVG}text")]

    assert "No data to show" in texts


def test_title_is_drawn_only_when_asked():
    chart = bar_chart(Series("A", (1, 2), "#00703c"))

    assert "Status by month" not in [t.text for t in parse(chart).iter(f"{SVG}text")]
    assert "Status by month" in [t.text for t in parse(chart, show_title=True).iter(f"{SVG}text")]


def test_table_has_label_column_then_one_per_series():
    chart = bar_chart(Series("On track", (3, 4), "#00703c"), Series("Medium", (1.5, 0), "#f47738"))

    headers, rows = chart_table(chart)

    assert headers == ("Month", "On track", "Medium")
    assert rows == (("Sep 2022", "3", "1.5"), ("Oct 2022", "4", "0"))


def test_table_leaves_a_missing_value_blank():
    _headers, rows = chart_table(bar_chart(Series("Short", (7,), "#00703c")))

    assert rows == (("Sep 2022", "7"), ("Oct 2022", ""))


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (12, "12"), (12.0, "12"), (1234567, "1,234,567"), (2.5, "2.5"), (1 / 3, "0.33")],
)
def test_values_are_written_plainly(value, text):
    assert format_value(value) == text


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (0, (0, 1)),
        (1, (0, 1)),
        (3, (0, 1, 2, 3)),
        (7, (0, 2, 4, 6, 8)),
        (10, (0, 2, 4, 6, 8, 10)),
        (105, (0, 50, 100, 150)),
        (0.4, (0, 1)),
    ],
)
def test_ticks_are_whole_numbers_covering_the_maximum(maximum, ticks):
    assert nice_ticks(maximum) == ticks


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_ticks_always_cover_the_maximum_in_few_even_steps(maximum):
    ticks = nice_ticks(maximum)

    assert ticks[0] == 0 and ticks[-1] >= maximum
    assert 2 <= len(ticks) <= 12
    assert len({b - a for a, b in itertools.pairwise(ticks)}) == 1


labels = st.text(max_size=80)
values = st.one_of(
    st.floats(min_value=0, max_value=1e12, allow_nan=False),
    st.integers(min_value=0, max_value=10**9).map(float),
    st.floats(),  # negative, NaN and infinite too: drawn as nothing, never an error
)
series = st.builds(
    Series,
    name=labels,
    values=st.lists(values, max_size=14).map(tuple),
    colour=st.sampled_from(["#00703c", "#f47738", "#d4351c", "#b1b4b6", "not a colour"]),
    dashed=st.booleans(),
)
charts = st.builds(
    Chart,
    kind=st.sampled_from(["stacked_bar", "line"]),
    title=labels,
    description=labels,
    x_labels=st.lists(labels, max_size=14).map(tuple),
    series=st.lists(series, max_size=7).map(tuple),
    y_label=labels,
    x_label=labels,
)


@given(charts, st.integers(min_value=-10, max_value=3000), st.integers(-10, 3000), st.booleans())
def test_any_chart_draws_well_formed_svg_and_a_full_table(chart, width, height, show_title):
    root = ET.fromstring(chart_svg(chart, width=width, height=height, show_title=show_title))

    assert root.get("role") == "img"
    headers, rows = chart_table(chart)
    assert len(headers) == 1 + len(chart.series)
    assert [row[0] for row in rows] == list(chart.x_labels)
    for entry in chart.series:
        column = 1 + chart.series.index(entry)
        shown = [row[column] for row in rows]
        assert shown == [
            format_value(entry.values[i]) if i < len(entry.values) else ""
            for i in range(len(chart.x_labels))
        ]


@given(
    st.lists(st.floats(min_value=0, max_value=1e9, allow_nan=False), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=4),
)
def test_any_stacked_bars_are_proportional_and_inside_the_plot(values, series_count):
    chart = bar_chart(
        *(Series(f"S{n}", tuple(values), "#00703c") for n in range(series_count)),
        labels=[f"M{i}" for i in range(len(values))],
    )

    rects = rects_by_series(parse(chart))

    drawn = [v for v in values if v > 0]
    assert len(rects) == len(drawn) * series_count
    for rect in rects:
        assert float(rect.get("height")) >= 0
        assert float(rect.get("y")) >= 0
    # Heights are rounded to 0.01px, so compare the ratio where the bar is tall enough.
    ratios = [
        float(rect.get("height")) / float(rect.get("data-value"))
        for rect in rects
        if float(rect.get("height")) >= 10
    ]
    for ratio in ratios:
        assert ratio == pytest.approx(ratios[0], rel=1e-3)
