"""The shape every planwatch report is built as, whatever format it is read in.

A report's engine turns data into a `Document` once; `rendering.py` turns that one document
into the web page, Word and PDF. So the Word and PDF a Cabinet member reads can never say
something the web page does not, and no report formats Word or PDF itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from planwatch.domain.charts import Chart

# The RAG vocabulary of the council's summaries, plus grey for "not rated".
Tone = Literal["green", "amber", "red", "grey"]
TONES: frozenset[str] = frozenset({"green", "amber", "red", "grey"})


# Cell shading in Word and print: GOV.UK palette, with text colour that keeps contrast.
SHADE = {
    "green": ("00703C", "FFFFFF"),
    "amber": ("FFDD00", "0B0C0C"),
    "red": ("D4351C", "FFFFFF"),
    "grey": ("B1B4B6", "0B0C0C"),
}


@dataclass(frozen=True)
class Cell:
    """A table cell that carries a RAG colour (drawn as a coloured tag or a shaded cell)."""

    text: str
    tone: Tone | None = None

    def __post_init__(self) -> None:
        if self.tone is not None and self.tone not in TONES:
            raise ValueError(f"unknown tone {self.tone!r}")


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # printed bold before the text, e.g. "Progress commentary:"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str | Cell, ...], ...]
    # A row may run over a page: the council layouts' one row per theme is pages long, and a
    # row kept whole that cannot fit a page breaks WeasyPrint.
    long_rows: bool = False

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.headers):
                raise ValueError(
                    f"{self.caption}: row {number} has {len(row)} cells "
                    f"for {len(self.headers)} headers"
                )


@dataclass(frozen=True)
class Figure:
    """A chart: SVG on the page and in the PDF, a PNG in Word, always with its data table."""

    chart: Chart


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    level: int = 2

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 4:
            raise ValueError(f"{self.heading}: heading level must be 1 to 4")


Block: TypeAlias = "Paragraph | Bullets | Table | Figure | Section"


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    landscape: bool = True
    # Said under the title and, in print, at the foot of every page: e.g. that the month's
    # figures are provisional ("Provisional: 40 of 58 updates in").
    status_note: str = ""


def cell_text(value: str | Cell) -> str:
    return value.text if isinstance(value, Cell) else value


def cell_tone(value: str | Cell) -> Tone | None:
    return value.tone if isinstance(value, Cell) else None
