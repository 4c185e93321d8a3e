"""The register as a report section: the same counts as the heatmap, coloured by band."""

import pytest

from planwatch.reports.rendering.document import Cell, Document, Table
from planwatch.reports.rendering.html import document_html
from planwatch.reports.risk_sections import risk_register_section
from planwatch.risks.selectors import heatmap_counts
from tests.risks.helpers import OCTOBER, review, risk_add

pytestmark = pytest.mark.django_db


def test_the_section_carries_the_heatmap_counts_and_the_register(pmo, plan):
    risk = risk_add(pmo, plan, "R01", residual_impact=4, residual_likelihood=3)
    risk_add(pmo, plan, "R02", title="Unscored risk")
    review(pmo, risk, OCTOBER, 2, 2)

    section = risk_register_section(plan=plan)

    heatmap_table, register = [b for b in section.blocks if isinstance(b, Table)]
    counts = {
        (int(row[0][0]), likelihood): int(cell.text.split()[0])
        for row in heatmap_table.rows
        for likelihood, cell in enumerate(row[1:], start=1)
    }
    assert counts == heatmap_counts(plan=plan).counts
    assert heatmap_table.rows[2][2] == Cell("1 (R01)", "green")  # impact 2 x likelihood 2
    assert register.rows[0][3] == Cell("4 Low", "green")
    html = document_html(Document(title="Risks", subtitle="", sections=(section,)))
    assert "Unscored risk" in html


def test_as_at_a_month_the_section_reads_the_snapshots(pmo, plan):
    risk = risk_add(pmo, plan, "R01", residual_impact=4, residual_likelihood=4)
    review(pmo, risk, OCTOBER, 3, 3)

    section = risk_register_section(plan=plan, month=OCTOBER)

    assert section.heading == "Risk register as at October 2022"
    register = [b for b in section.blocks if isinstance(b, Table)][1]
    assert register.rows[0][3] == Cell("9 Medium", "amber")
