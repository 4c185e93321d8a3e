"""The small pieces of chart drawing: numbers as people read them, text safe inside SVG.

Kept apart from `charts` so the layout code there reads as layout.
"""

import math
import re
from xml.sax.saxutils import escape, quoteattr

FALLBACK_COLOUR = "#505a5f"


def format_value(value: float) -> str:
    """A value as the data table shows it: whole numbers without a decimal point."""
    if math.isnan(value):
        return "not a number"
    if math.isinf(value):
        return "infinite" if value > 0 else "minus infinite"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


# Far beyond any count, and small enough that sums and axis maths stay finite.
_DRAW_LIMIT = 1e300


def drawable(value: float) -> float:
    return min(value, _DRAW_LIMIT) if math.isfinite(value) and value > 0 else 0.0


def nice_ticks(maximum: float) -> tuple[int, ...]:
    """Whole-number ticks from 0 to at least `maximum`, about five of them, steps of 1, 2 or 5."""
    if not math.isfinite(maximum) or maximum <= 1:
        return (0, 1)
    raw = maximum / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    whole_step = max(1, int(step))
    top = math.ceil(maximum / whole_step) * whole_step
    return tuple(range(0, top + 1, whole_step))


# XML 1.0 cannot carry control characters at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def xml_attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def shorten(value: str, max_chars: int) -> str:
    value = " ".join(value.split())
    if len(value) <= max_chars:
        return value
    return value[: max(1, max_chars - 1)] + "\u2026"


_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def safe_colour(value: str) -> str:
    return value if _HEX.fullmatch(value) else FALLBACK_COLOUR


def coord(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def full_number(value: float) -> str:
    """A value in full, for data-value attributes that tests and tools read back."""
    return str(int(value)) if value == int(value) else repr(value)
