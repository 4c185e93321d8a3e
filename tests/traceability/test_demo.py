"""The demo traceability derived from seed 002, loaded onto the sample plan."""

import csv

import pytest

from planwatch.domain.references import parse_references
from planwatch.plans.models import Action, Recommendation
from planwatch.traceability.demo import CATALOGUE_CSV, REFERENCES_CSV, demo_load
from planwatch.traceability.models import ActionReference, ReferenceSource

pytestmark = pytest.mark.django_db


def _rows(path):
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_every_matched_demo_row_names_a_main_action_of_the_sample_with_that_title(sample_plan):
    titles = dict(Action.objects.filter(plan=sample_plan, is_main=True).values_list("ref", "title"))
    matched = [row for row in _rows(REFERENCES_CSV) if row["tracker_ref"]]
    assert {row["tracker_ref"] for row in matched} == set(titles)
    for row in matched:
        assert row["tracker_title"] == titles[row["tracker_ref"]], row["tracker_ref"]


def test_unmatched_rows_say_why(sample_plan):
    for row in _rows(REFERENCES_CSV):
        if not row["tracker_ref"] or not row["seed_002_reference"]:
            assert row["note"], row


def test_every_demo_reference_reads_fully_and_every_citation_is_catalogued():
    catalogue = {(r["review"], r["kind"], r["number"]) for r in _rows(CATALOGUE_CSV)}
    for row in _rows(REFERENCES_CSV):
        parsed = parse_references(row["seed_002_reference"])
        assert parsed.unreadable == (), row
        for item in parsed.items:
            if item.number != "all":
                assert (item.review.value, item.kind, item.number) in catalogue, item


def test_demo_load_links_recommendations_to_actions_and_is_idempotent(sample_plan):
    first = demo_load(plan=sample_plan)
    links = set(
        Recommendation.actions.through.objects.values_list("recommendation_id", "action_id")
    )
    recs = Recommendation.objects.count()
    second = demo_load(plan=sample_plan)
    assert first == second
    assert (
        set(Recommendation.actions.through.objects.values_list("recommendation_id", "action_id"))
        == links
    )
    assert Recommendation.objects.count() == recs == len(_rows(CATALOGUE_CSV))
    assert "62 actions" in first
    held = ActionReference.objects.filter(source=ReferenceSource.PLAN_DOCUMENT)
    assert held.count() == 62


def test_cited_recommendations_link_to_the_actions_the_plan_document_names(sample_plan):
    demo_load(plan=sample_plan)
    rec = Recommendation.objects.get(source="Grant Thornton", kind="Improvement", number="15")
    assert sorted(rec.actions.values_list("ref", flat=True)) == ["DM.B1.0", "OC.B1.0", "SD.A2.0"]
    # "CIPFA Rec all" on CO.B1.0 and CO.B2.0 reaches every CIPFA recommendation.
    for cipfa in Recommendation.objects.filter(source="CIPFA"):
        assert {"CO.B1.0", "CO.B2.0"} <= set(cipfa.actions.values_list("ref", flat=True))
    assert (
        not Recommendation.objects.get(source="Grant Thornton", kind="Improvement", number="1")
        .actions.exclude(ref="OC.C2.0")
        .exists()
    )
