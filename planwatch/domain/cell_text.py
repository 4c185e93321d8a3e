"""Cell values as text, shared by the domain readers so they agree on what a cell "says"."""

import html
import re

_BREAKS = re.compile(r"<(?:br|/?p|/?div)\b[^<>]*>", re.IGNORECASE)
# A tag must start with a letter, "/" or "!", so "< 5%" and "a<b" in prose survive.
_TAGS = re.compile(r"<[A-Za-z/!][^<>]*>")


def as_text(value: object) -> str:
    """None as "", a string as itself, anything else as str() without ever raising."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # an arbitrary object's __str__ may fail; a reading must not
        return object.__repr__(value)


def without_markup(text: str) -> str:
    """The text with HTML-like tags removed (line breaks become spaces) and entities decoded."""
    return html.unescape(_TAGS.sub("", _BREAKS.sub(" ", text)))
