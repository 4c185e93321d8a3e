"""Demo traceability for the sample plan, read off seed 002 (the Improvement Plan document).

`demo/plan-references.csv`: each delivery-plan row's Reference text beside the tracker main
action whose title it matches (both titles kept so a reader can check each match, and the
unmatched rows listed). `demo/recommendations.csv`: the reviews' recommendations as far as
seed 002 gives them: it counts them but never quotes their wording.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from planwatch.plans.models import Plan

from .models import ReferenceSource
from .services import (
    CatalogueEntry,
    catalogue_load,
    recommendation_links_refresh,
    references_set,
)

DEMO_DIR = Path(settings.BASE_DIR) / "demo"
REFERENCES_CSV = DEMO_DIR / "plan-references.csv"
CATALOGUE_CSV = DEMO_DIR / "recommendations.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def demo_catalogue() -> list[CatalogueEntry]:
    return [
        CatalogueEntry(row["review"], row["kind"], row["number"], row["text"], row["note"])
        for row in _rows(CATALOGUE_CSV)
    ]


def demo_references() -> dict[str, tuple[str, str]]:
    """{tracker ref: (Reference text, where in seed 002 it was read)} for matched rows."""
    return {
        row["tracker_ref"]: (
            row["seed_002_reference"],
            f"Improvement Plan delivery plan row '{row['seed_002_title']}'"[:300],
        )
        for row in _rows(REFERENCES_CSV)
        if row["tracker_ref"] and row["seed_002_reference"]
    }


@transaction.atomic
def demo_load(*, plan: Plan) -> str:
    catalogue = catalogue_load(plan=plan, entries=demo_catalogue())
    texts = demo_references()
    references_set(plan=plan, source=ReferenceSource.PLAN_DOCUMENT, texts=texts)
    links = recommendation_links_refresh(plan=plan)
    held = plan.actions.filter(references__source=ReferenceSource.PLAN_DOCUMENT).count()
    return (
        f"traceability: {catalogue} recommendations catalogued, plan-document references on "
        f"{held} actions, {links} recommendation-action links"
    )
