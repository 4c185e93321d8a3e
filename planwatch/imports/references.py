"""The tracker import's optional Reference column: kept per main action, read, and linked.

Called inside the import's transaction, so a refused workbook leaves references as they were.
"""

from planwatch.domain.references import parse_references
from planwatch.plans.models import Plan
from planwatch.traceability.models import ReferenceSource
from planwatch.traceability.services import recommendation_links_refresh, references_set

from .parse import ImportWarning, TrackerRow


def workbook_references_apply(
    *, plan: Plan, rows: list[TrackerRow], filename: str, warnings: list[ImportWarning]
) -> None:
    with_column = [row for row in rows if "reference" in row.text]
    if not with_column:
        # A workbook without the column says nothing about references: keep what is held.
        return
    texts = {}
    for row in with_column:
        text = row.text["reference"]
        texts[row.key] = (text, f"{filename}, sheet '{row.sheet}' row {row.row}"[:300])
        parsed = parse_references(text)
        for fragment in parsed.unreadable:
            warnings.append(
                ImportWarning(
                    "reference",
                    f"could not read '{fragment}' as a review recommendation; the Reference "
                    "text is kept as written",
                    sheet=row.sheet,
                    row=row.row,
                    column="Reference",
                    ref=row.key,
                    value=text,
                )
            )
    references_set(plan=plan, source=ReferenceSource.WORKBOOK, texts=texts, replace_all=True)
    recommendation_links_refresh(plan=plan)
