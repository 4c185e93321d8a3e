"""The risk register and heatmap as report sections, for any report built as a Document.

A report adds `risk_register_section(plan=..., month=...)`; the heatmap becomes a table
whose cells carry their band's colour, so Word, PDF and the web page all show it.
"""

from datetime import date

from planwatch.domain.risk_matrix import RiskBand
from planwatch.risks.matrix import Scored
from planwatch.risks.selectors import Heatmap, heatmap_counts, register_list

from .rendering.document import Bullets, Cell, Paragraph, Section, Table

BAND_TONE = {RiskBand.LOW: "green", RiskBand.MEDIUM: "amber", RiskBand.HIGH: "red"}


def _scored_cell(scored: Scored | None) -> Cell:
    if scored is None:
        return Cell("Not scored", "grey")
    return Cell(f"{scored.score} {scored.band_label}", BAND_TONE[scored.band])


def heatmap_table(heatmap: Heatmap) -> Table:
    """Impact rows (4 at the top) by likelihood columns; each cell its count and risks."""
    headers, _rows = heatmap.table()
    rows = tuple(
        (
            f"{row[0].impact} {heatmap.matrix.impact[row[0].impact].label}",
            *(
                Cell(
                    str(cell.count)
                    + (f" ({', '.join(r.reference for r in cell.risks)})" if cell.risks else ""),
                    BAND_TONE[cell.band],
                )
                for cell in row
            ),
        )
        for row in heatmap.rows
    )
    when = f"as at {heatmap.month:%B %Y}" if heatmap.month else "now"
    return Table(
        caption=f"Residual risk heatmap {when}: risks by impact (rows) and likelihood (columns)",
        headers=("Impact \\ Likelihood", *headers[1:]),
        rows=rows,
    )


def risk_register_section(*, plan, month: date | None = None, level: int = 2) -> Section:
    """The heatmap and the register, residual scores as at `month` (None: now)."""
    heatmap = heatmap_counts(plan=plan, month=month)
    rows = register_list(plan=plan, month=month, status="" if month else "open")
    blocks: list = [
        Paragraph(
            f"{heatmap.total} risk{'s' if heatmap.total != 1 else ''} on the heatmap. Score = "
            "impact x likelihood through the corporate risk matrix."
        ),
        heatmap_table(heatmap),
    ]
    if heatmap.unscored:
        when = f" as at {month:%B %Y}" if month else ""
        count = len(heatmap.unscored)
        blocks.append(
            Paragraph(
                f"{count} risk{'s' if count != 1 else ''} not yet scored{when}, so not on the "
                "heatmap: " + ", ".join(f"{r.reference} {r.title}" for r in heatmap.unscored),
            )
        )
    blocks.append(
        Table(
            caption="Risk register",
            headers=("Risk", "Owner", "Inherent", "Residual", "Target", "Trend"),
            rows=tuple(
                (
                    f"{row.risk.reference} {row.risk.title}",
                    row.risk.owner or "Not given",
                    _scored_cell(row.inherent),
                    _scored_cell(row.residual),
                    _scored_cell(row.target),
                    row.trend.label if row.trend else "No earlier review",
                )
                for row in rows
            ),
        )
        if rows
        else Bullets(("No risks in the register.",))
    )
    heading = f"Risk register as at {month:%B %Y}" if month else "Risk register"
    return Section(heading=heading, blocks=tuple(blocks), level=level)
