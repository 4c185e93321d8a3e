"""The emphasis the council typed into tracker cells, as runs any output can draw.

Cells hold a little HTML: "<b>Sep-22</b>", "<i>Complete</i>", an "<br>" in commentary,
"&amp;" for "&". A page, a Word file and a PDF must show that as bold, italic and line
breaks, never as tags; a plain-text reading (a CSV, a chart label) takes the words only.
Other HTML tags are dropped; "<" that starts no HTML tag ("< 5%", "<Development>") stays.
Emphasis left open runs to the end of the cell, as a browser would show it.
"""

import html
import re
from dataclasses import dataclass

# Only HTML's own tag names are markup: "<Development>" in prose is text, kept and escaped.
_HTML_TAGS = (
    "a|abbr|b|big|blockquote|br|code|del|div|em|font|h[1-6]|hr|i|ins|li|mark|ol|p|pre|s|"
    "small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul"
)
_TOKENS = re.compile(rf"<(/?)({_HTML_TAGS})(?![A-Za-z0-9])[^<>]*>|<!--.*?-->", re.I | re.S)
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em"})
_BREAKS = frozenset({"br", "p", "div", "li", "tr"})


@dataclass(frozen=True)
class Run:
    """Text drawn one way; a newline in it is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


def emphasis_runs(text: str) -> tuple[Run, ...]:
    """The cell's text as runs of one style each, entities decoded, other tags gone."""
    runs: list[Run] = []
    bold = italic = 0
    breaks = 0  # line breaks seen since the last text: drawn only if more text follows

    def add(piece: str) -> None:
        nonlocal breaks
        if not piece:
            return
        piece = "\n" * breaks + html.unescape(piece)
        breaks = 0
        run = Run(piece, bold > 0, italic > 0)
        if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
            runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic)
        else:
            runs.append(run)

    position = 0
    for match in _TOKENS.finditer(text):
        add(text[position : match.start()])
        position = match.end()
        closing, name = match.group(1) == "/", (match.group(2) or "").lower()
        if name in _BOLD:
            bold = max(bold - 1, 0) if closing else bold + 1
        elif name in _ITALIC:
            italic = max(italic - 1, 0) if closing else italic + 1
        elif name in _BREAKS and (name == "br" or closing) and runs:
            breaks += 1
    add(text[position:])
    return tuple(runs)


def plain_text(text: str) -> str:
    """The words of the cell, with its line breaks, and no markup."""
    return "".join(run.text for run in emphasis_runs(text))
