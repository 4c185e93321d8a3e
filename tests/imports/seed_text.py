"""Seed 004, the council's tracker printed page by page, read as a PMO would paste it.

The seed is the PDF's text: tab-separated cells, one printed row a line. This reading is the
test's own, deliberately simple and independent of planwatch's parser: it sorts every line
into legend, theme heading, group row, header row (and the header's second printed line),
data row or blank, and refuses any line it cannot place.
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path("/work/shared/seeds")
REF = re.compile(r"^[A-Z]{2}\.[A-Z]\.?\d+\.?\d*[a-d]?$")
THEME = re.compile(r"^Theme \d")
MONTH_WORDS = {"September", "October"}


@dataclass
class Page:
    groups: list[list[str]]
    header: list[str]
    header_more: list[str] | None = None
    rows: list[list[str]] = field(default_factory=list)

    def header_cells(self) -> list[str]:
        """The header with its second printed line joined on, cell by cell."""
        more = self.header_more or []
        return [
            " ".join(part for part in (cell, more[i] if i < len(more) else "") if part)
            for i, cell in enumerate(self.header)
        ]

    def column(self, *starts: str, last: bool = False) -> int:
        found = [
            i
            for i, cell in enumerate(self.header_cells())
            if any(cell.startswith(start) for start in starts)
        ]
        assert found, f"no column headed {starts} in {self.header}"
        return found[-1] if last else found[0]


@dataclass
class Seed:
    legend: list[list[str]]
    themes: list[tuple[str, list[Page]]]

    @property
    def pages(self) -> list[Page]:
        return [page for _name, pages in self.themes for page in pages]

    @property
    def rows(self) -> list[list[str]]:
        return [row for page in self.pages for row in page.rows]


def seed_path() -> Path:
    (path,) = SEEDS.glob("004_*.txt")
    return path


def seed_read() -> Seed:
    lines = [line.split("\t") for line in seed_path().read_text(encoding="utf-8").split("\n")]
    legend: list[list[str]] = []
    themes: list[tuple[str, list[Page]]] = []
    pending: list[list[str]] = []  # non-blank lines since the last data row: a page's groups
    page: Page | None = None
    for number, cells in enumerate(lines, start=1):
        filled = [cell for cell in cells if cell.strip()]
        if not filled:
            assert not pending or not themes, f"line {number}: blank between group and header"
            continue
        if len(filled) == 1 and THEME.match(filled[0]):
            themes.append((filled[0], []))
            page = None
        elif not themes:
            legend.append(cells)
        elif "Ref" in cells and "Action" in cells:
            page = Page(groups=pending, header=cells)
            themes[-1][1].append(page)
            pending = []
        elif page and not page.rows and all(cell.strip() in MONTH_WORDS for cell in filled):
            page.header_more = cells
        elif len(cells) > 1 and REF.match(cells[1].strip()):
            assert page is not None and not pending, f"line {number}: data row outside a page"
            page.rows.append(cells)
        else:
            pending.append(cells)
    assert not pending, "lines left after the last page"
    return Seed(legend, themes)


def seed_as_pasted_csv(seed: Seed, path: Path) -> Path:
    """The pages one under the other in one CSV: legend, then per theme its heading and each
    page's group rows, header row(s) and data rows, a blank line between pages."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows(seed.legend)
        for name, pages in seed.themes:
            writer.writerow([])
            writer.writerow([name])
            for page in pages:
                writer.writerow([])
                writer.writerows(page.groups)
                writer.writerow(page.header)
                if page.header_more:
                    writer.writerow(page.header_more)
                writer.writerows(page.rows)
    return path
