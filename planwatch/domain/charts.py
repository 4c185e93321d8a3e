"""Charts as standalone SVG text, each with the data table that must always go beside it.

Drawn by hand rather than by a chart library: the output is one small SVG string that a
page can inline under a strict CSP (no script, no style attributes), CairoSVG can turn into a
PNG for Word and WeasyPrint can embed in a PDF. Whatever the numbers, drawing never fails:
values that cannot be drawn (negative, NaN, infinite) are drawn as nothing, and the data
table still shows them as given.
"""

import hashlib
import math
from dataclasses import dataclass
from typing import Literal

from planwatch.domain.chart_text import (
    coord,
    drawable,
    format_value,
    full_number,
    nice_ticks,
    safe_colour,
    shorten,
    xml_attr,
    xml_text,
)

# GOV.UK Design System colours, matching the status tags where a status is charted.
GREEN = "#00703c"
ORANGE = "#f47738"
RED = "#d4351c"
GREY = "#b1b4b6"
DARK_GREY = "#505a5f"
TURQUOISE = "#28a197"
BLUE = "#1d70b8"
PURPLE = "#4c2c92"
TEXT = "#0b0c0c"
_GRIDLINE = "#e5e6e7"

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
_FONT_SIZE = 14
# Rough width of one character at _FONT_SIZE: enough to keep labels from colliding.
_CHAR_WIDTH = 7.8
_LEGEND_MAX_CHARS = 48


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str  # hex like "#00703c"
    dashed: bool = False  # line charts: a planned line reads apart from the actual one


@dataclass(frozen=True)
class Chart:
    kind: Literal["stacked_bar", "line"]
    title: str
    description: str  # one-sentence summary for screen readers
    x_labels: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str = ""
    x_label: str = ""  # heads the first column of the data table


# --- Values --------------------------------------------------------------------------------


def _value_at(series: Series, index: int) -> float | None:
    return series.values[index] if index < len(series.values) else None


def _axis_maximum(chart: Chart) -> float:
    count = len(chart.x_labels)
    if chart.kind == "stacked_bar":
        totals = [sum(drawable(_value_at(s, i) or 0.0) for s in chart.series) for i in range(count)]
        return max(totals, default=0.0)
    return max(
        (drawable(_value_at(s, i) or 0.0) for s in chart.series for i in range(count)),
        default=0.0,
    )


# --- Layout --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plot:
    left: float
    top: float
    right: float
    bottom: float
    axis_top: int

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def y(self, value: float) -> float:
        return self.bottom - self.height * (value / self.axis_top)


def _legend_rows(series: tuple[Series, ...], width: float) -> list[list[tuple[Series, float]]]:
    """Legend entries flowed into rows that fit `width`, each with its drawn width."""
    rows: list[list[tuple[Series, float]]] = [[]]
    used = 0.0
    for entry in series:
        entry_width = 22 + len(shorten(entry.name, _LEGEND_MAX_CHARS)) * _CHAR_WIDTH + 20
        if rows[-1] and used + entry_width > width:
            rows.append([])
            used = 0.0
        rows[-1].append((entry, entry_width))
        used += entry_width
    return [row for row in rows if row]


def chart_svg(
    chart: Chart,
    *,
    width: int = 720,
    height: int = 320,
    show_title: bool = False,
    element_id: str | None = None,
) -> str:
    """The chart as a standalone <svg> element (role="img", <title>, <desc>).

    The title is drawn only when asked: on a page the figure's caption already says it.
    """
    width, height = max(width, 240), max(height, 160)
    ident = (
        element_id
        or "chart-" + hashlib.sha1(repr((chart, width, height)).encode()).hexdigest()[:10]
    )
    ticks = nice_ticks(_axis_maximum(chart))
    tick_chars = max(len(format_value(tick)) for tick in ticks)
    y_label_space = 26 if chart.y_label else 0
    left = min(width / 3, 12 + y_label_space + tick_chars * _CHAR_WIDTH)
    legend = _legend_rows(chart.series, width - left - 16)
    legend_height = 24 * len(legend)
    top = 40.0 if show_title else 16.0
    bottom = max(top + 20, height - legend_height - 36)
    plot = _Plot(left, top, width - 16, bottom, ticks[-1])

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="pw-chart" '
        f'font-family={xml_attr(FONT_FAMILY)} font-size="{_FONT_SIZE}">',
        f'<title id="{ident}-title">{xml_text(chart.title)}</title>',
        f'<desc id="{ident}-desc">{xml_text(chart.description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if show_title:
        parts.append(
            f'<text x="{coord(left)}" y="24" font-size="18" font-weight="bold" fill="{TEXT}">'
            f"{xml_text(shorten(chart.title, int((width - left) / 10)))}</text>"
        )
    parts += _y_axis(chart, plot, ticks)
    has_data = bool(chart.x_labels and chart.series)
    if has_data and chart.kind == "stacked_bar":
        parts += _bars(chart, plot)
    elif has_data:
        parts += _lines(chart, plot)
    else:
        parts.append(
            f'<text x="{coord(plot.left + plot.width / 2)}" '
            f'y="{coord(plot.top + plot.height / 2)}" '
            f'text-anchor="middle" fill="{TEXT}">No data to show</text>'
        )
    parts += _x_labels(chart, plot)
    parts += _legend(legend, plot, height - legend_height, as_lines=chart.kind == "line")
    parts.append("</svg>")
    return "".join(parts)


def _y_axis(chart: Chart, plot: _Plot, ticks: tuple[int, ...]) -> list[str]:
    parts = []
    for tick in ticks:
        y = coord(plot.y(tick))
        colour = TEXT if tick == 0 else _GRIDLINE
        parts.append(
            f'<line x1="{coord(plot.left)}" y1="{y}" x2="{coord(plot.right)}" y2="{y}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{coord(plot.left - 6)}" y="{y}" dy="0.35em" text-anchor="end" '
            f'fill="{TEXT}">{xml_text(format_value(tick))}</text>'
        )
    if chart.y_label:
        middle = coord(plot.top + plot.height / 2)
        label = shorten(chart.y_label, max(4, int(plot.height / _CHAR_WIDTH)))
        parts.append(
            f'<text x="16" y="{middle}" transform="rotate(-90 16 {middle})" '
            f'text-anchor="middle" fill="{TEXT}">{xml_text(label)}</text>'
        )
    return parts


def _slot(chart: Chart, plot: _Plot) -> float:
    return plot.width / max(1, len(chart.x_labels))


def _x_centre(chart: Chart, plot: _Plot, index: int) -> float:
    return plot.left + _slot(chart, plot) * (index + 0.5)


def _bars(chart: Chart, plot: _Plot) -> list[str]:
    slot = _slot(chart, plot)
    bar_width = min(slot * 0.6, 80.0)
    parts = []
    for index, label in enumerate(chart.x_labels):
        x = coord(_x_centre(chart, plot, index) - bar_width / 2)
        total = 0.0
        for entry in chart.series:
            value = _value_at(entry, index)
            drawn = drawable(value or 0.0)
            if not drawn:
                continue
            height = plot.height * drawn / plot.axis_top
            parts.append(
                f'<rect x="{x}" y="{coord(plot.y(total + drawn))}" width="{coord(bar_width)}" '
                f'height="{coord(height)}" fill="{safe_colour(entry.colour)}" stroke="#ffffff" '
                f'stroke-width="1" data-series={xml_attr(entry.name)} '
                f'data-value="{full_number(drawn)}"><title>{xml_text(entry.name)}, '
                f"{xml_text(label)}: {xml_text(format_value(drawn))}</title></rect>"
            )
            total += drawn
        total_text = format_value(total)
        if total and len(total_text) * _CHAR_WIDTH < slot:
            parts.append(
                f'<text x="{coord(_x_centre(chart, plot, index))}" y="{coord(plot.y(total) - 5)}" '
                f'text-anchor="middle" fill="{TEXT}">{xml_text(total_text)}</text>'
            )
    return parts


def _lines(chart: Chart, plot: _Plot) -> list[str]:
    parts = []
    for entry in chart.series:
        colour = safe_colour(entry.colour)
        points = [
            (index, drawable(value))
            for index in range(len(chart.x_labels))
            if (value := _value_at(entry, index)) is not None
        ]
        coords = " ".join(
            f"{coord(_x_centre(chart, plot, i))},{coord(plot.y(v))}" for i, v in points
        )
        dash = ' stroke-dasharray="8 5"' if entry.dashed else ""
        if len(points) > 1:
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="3"{dash} data-series={xml_attr(entry.name)}/>'
            )
        for index, value in points:
            parts.append(
                f'<circle cx="{coord(_x_centre(chart, plot, index))}" cy="{coord(plot.y(value))}" '
                f'r="4" fill="{colour}" data-series={xml_attr(entry.name)} '
                f'data-value="{full_number(value)}"><title>{xml_text(entry.name)}, '
                f"{xml_text(chart.x_labels[index])}: {xml_text(format_value(value))}"
                "</title></circle>"
            )
    return parts


def _x_labels(chart: Chart, plot: _Plot) -> list[str]:
    if not chart.x_labels:
        return []
    slot = _slot(chart, plot)
    longest = min(12, max(len(label) for label in chart.x_labels))
    # Too many labels to fit side by side: show every n-th, as a reader scans them anyway.
    every = max(1, math.ceil((longest * _CHAR_WIDTH + 8) / slot))
    max_chars = max(3, int((slot * every - 8) / _CHAR_WIDTH))
    y = coord(plot.bottom + 20)
    parts = []
    for index in range(0, len(chart.x_labels), every):
        label = chart.x_labels[index]
        parts.append(
            f'<text x="{coord(_x_centre(chart, plot, index))}" y="{y}" text-anchor="middle" '
            f'fill="{TEXT}">{xml_text(shorten(label, max_chars))}'
            f"<title>{xml_text(label)}</title></text>"
        )
    return parts


def _legend(
    rows: list[list[tuple[Series, float]]], plot: _Plot, top: float, *, as_lines: bool
) -> list[str]:
    parts = []
    for row_index, row in enumerate(rows):
        y = top + 24 * row_index + 6
        x = plot.left
        for entry, entry_width in row:
            colour = safe_colour(entry.colour)
            if as_lines:
                dash = ' stroke-dasharray="5 3"' if entry.dashed else ""
                parts.append(
                    f'<line x1="{coord(x)}" y1="{coord(y + 7)}" '
                    f'x2="{coord(x + 16)}" y2="{coord(y + 7)}" '
                    f'stroke="{colour}" stroke-width="3"{dash}/>'
                )
            else:
                parts.append(
                    f'<rect x="{coord(x)}" y="{coord(y)}" width="16" height="14" fill="{colour}"/>'
                )
            parts.append(
                f'<text x="{coord(x + 22)}" y="{coord(y + 7)}" dy="0.35em" fill="{TEXT}">'
                f"{xml_text(shorten(entry.name, _LEGEND_MAX_CHARS))}</text>"
            )
            x += entry_width
    return parts


# --- The table alternative -----------------------------------------------------------------


def chart_table(chart: Chart) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(headers, rows): the x label column, then one column per series; a row per x label."""
    headers = (chart.x_label or "Category", *(entry.name for entry in chart.series))
    rows = tuple(
        (
            label,
            *(
                "" if (value := _value_at(entry, index)) is None else format_value(value)
                for entry in chart.series
            ),
        )
        for index, label in enumerate(chart.x_labels)
    )
    return headers, rows
