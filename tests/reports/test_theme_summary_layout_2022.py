"""October 2022 from the sample in the council's 2022 layout (seed 000): one table per theme
with the seed's four headings, its statement in the seed's words, figures equal to a recount
made here from the plan, and the same JSON whatever the layout."""

import io
import re
from collections import Counter

import pytest
from docx import Document as WordDocument

from planwatch.plans.models import Action, ReportLayout
from planwatch.reports.rendering.document import Section, Table
from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.theme_summary.extras import theme_summary_extras
from planwatch.reports.theme_summary.files import theme_summary_files
from planwatch.reports.theme_summary.layout_2022 import document_2022, headers

from .conftest import OCTOBER

pytestmark = pytest.mark.django_db
SEED_HEADINGS = (
    "Theme",
    "Summary",
    "Achievements this period (September-October)",
    "Milestones due (rolling 3 months) October – December",
)


def _tables(document) -> list[Table]:
    return [
        block
        for section in document.sections
        if isinstance(section, Section)
        for block in section.blocks
        if isinstance(block, Table)
    ]


def test_the_headings_follow_seed_000s_for_its_own_month():
    from datetime import date

    assert headers(date(2022, 7, 1)) == (
        "Theme",
        "Summary",
        "Achievements this period (June-July)",
        "Milestones due (rolling 3 months) July – September",
    )


def test_october_is_one_table_per_theme_with_the_seeds_four_headings(october_report):
    tables = _tables(document_2022(october_report))
    assert len(tables) == 6
    for table, part in zip(tables, october_report.themes, strict=True):
        assert table.headers == SEED_HEADINGS
        assert len(table.rows) == 1
        assert table.rows[0][0].text.startswith(part.name)


def _pairs(report):
    return zip(_tables(document_2022(report)), report.themes, strict=True)


def _recount(code: str) -> Counter:
    """Main actions by risk, counted here from the plan's rows, not through the report."""
    rows = Action.objects.filter(theme__code=code, is_main=True)
    return Counter(rows.values_list("risk_level", flat=True))


def _said(summary: str, words: str) -> int:
    number = re.search(rf"• (zero|\d+) main actions? {words}", summary)
    assert number, f"no '{words}' in {summary[:300]}"
    return 0 if number[1] == "zero" else int(number[1])


def test_the_statement_is_in_the_seeds_words_and_equals_the_recount(october_report):
    for table, part in _pairs(october_report):
        summary = table.rows[0][1]
        levels = _recount(part.code)
        total = sum(levels.values())
        assert summary.startswith(f"Of the {total} main action areas, there are:\n")
        assert _said(summary, "with a red risk rating") == levels["high"]
        assert _said(summary, "with an amber risk rating") == levels["medium"]
        assert _said(summary, "with a green risk rating") == levels["low"]
        unrated = total - levels["high"] - levels["medium"] - levels["low"]
        if unrated:
            assert _said(summary, "(has|have) not yet been risk rated") == unrated
        if levels["medium"]:
            assert f"Of the {levels['medium']} action" in summary
        assert f"{part.name} Workstream Updates" in summary


def test_achievements_and_milestones_name_what_the_figures_hold(october_report):
    for table, part in _pairs(october_report):
        achievements, milestones = table.rows[0][2], table.rows[0][3]
        assert achievements.startswith("October:")
        for achievement in part.figures.achievements:
            for line in achievement.completed:
                assert f"{line.title} ({line.ref})" in achievements
        for due in part.figures.milestones_due:
            assert f"({due.line.ref}): {due.phrase}" in milestones


def test_the_theme_cell_writes_its_status_as_well_as_shading_it(october_report):
    for table, part in _pairs(october_report):
        cell = table.rows[0][0]
        assert cell.tone == part.figures.status.rag
        assert f"Theme status: {part.figures.status.rag.capitalize()}" in cell.text


def test_the_document_ends_with_the_theme_status_key_and_has_no_charts(october_report):
    document = document_2022(october_report)
    assert document.sections[-1].heading == "Theme Status Key"
    assert document.sections[-1].blocks[0].text.startswith("Green Theme: High and Medium")
    assert "Plan progress over the months" not in [s.heading for s in document.sections]


def test_word_has_the_six_tables_with_the_seeds_headings(october_report):
    word = WordDocument(io.BytesIO(document_docx(document_2022(october_report))))
    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Theme"]
    assert len(tables) == 6
    assert tuple(c.text for c in tables[0].rows[0].cells) == SEED_HEADINGS


def test_the_json_is_the_same_whatever_the_layout(sample_plan, october_report):
    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER)
    council = theme_summary_files(october_report, extras, ("json",), ReportLayout.COUNCIL_2022)
    analysis = theme_summary_files(october_report, extras, ("json",), ReportLayout.ANALYSIS)
    assert council == analysis


def test_the_2022_layout_is_the_length_of_the_councils_own(sample_plan, october_report):
    import pypdfium2

    extras = theme_summary_extras(plan=sample_plan, month=OCTOBER)
    council = theme_summary_files(october_report, extras, ("pdf",), ReportLayout.COUNCIL_2022)
    analysis = theme_summary_files(october_report, extras, ("pdf",), ReportLayout.ANALYSIS)
    pages = len(pypdfium2.PdfDocument(council["pdf"]))
    # Seed 000 runs to about a dozen landscape pages for six themes.
    assert pages <= 16
    assert pages < len(pypdfium2.PdfDocument(analysis["pdf"]))
