"""The importer's optional Reference column: kept, read, linked, and idempotent."""

import pytest

from planwatch.imports.models import DataQualityWarning
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Recommendation
from planwatch.traceability.models import ActionReference, ReferenceSource
from tests.imports.workbooks import altered_sample

pytestmark = pytest.mark.django_db


def _with_references(path, references: dict[str, str]):
    def alter(sheet, rows):
        if len(rows) < 2 or rows[1][1] != "Ref":
            return rows
        rows[1] = [*rows[1], "Reference"]
        for row in rows[2:]:
            row.append(references.get(row[1]))
        return rows

    return altered_sample(path, alter)


def _links():
    return sorted(
        (str(rec), ref)
        for rec in Recommendation.objects.all()
        for ref in rec.actions.values_list("ref", flat=True)
    )


def test_reference_column_is_kept_and_linked_to_recommendations(tmp_path):
    path = _with_references(
        tmp_path / "refs.xlsx",
        {
            "OC.A1.0": "Grant Thornton Statutory Rec 3",
            "DM.B1.0": "Grant Thornton Improvement Rec 15,19 CIPFA 4.2",
        },
    )
    tracker_import(path=path, plan_name="Plan")
    held = dict(
        ActionReference.objects.filter(source=ReferenceSource.WORKBOOK).values_list(
            "action__ref", "text"
        )
    )
    assert held == {
        "OC.A1.0": "Grant Thornton Statutory Rec 3",
        "DM.B1.0": "Grant Thornton Improvement Rec 15,19 CIPFA 4.2",
    }
    assert _links() == [
        ("CIPFA Rec 4.2", "DM.B1.0"),
        ("Grant Thornton Improvement Rec 15", "DM.B1.0"),
        ("Grant Thornton Improvement Rec 19", "DM.B1.0"),
        ("Grant Thornton Statutory Rec 3", "OC.A1.0"),
    ]


def test_reimporting_the_same_workbook_changes_nothing(tmp_path):
    path = _with_references(tmp_path / "refs.xlsx", {"OC.A1.0": "CIPFA 4.2, 4.3"})
    tracker_import(path=path, plan_name="Plan")
    before = (_links(), list(ActionReference.objects.values_list("pk", "text")))
    history = ActionReference.history.count()
    tracker_import(path=path, plan_name="Plan")
    assert (_links(), list(ActionReference.objects.values_list("pk", "text"))) == before
    assert ActionReference.history.count() == history


def test_a_reference_blanked_in_the_workbook_is_removed_with_its_links(tmp_path):
    tracker_import(
        path=_with_references(tmp_path / "a.xlsx", {"OC.A1.0": "CIPFA 4.2"}), plan_name="Plan"
    )
    tracker_import(
        path=_with_references(tmp_path / "b.xlsx", {"OC.A2.0": "CIPFA 4.3"}), plan_name="Plan"
    )
    assert list(ActionReference.objects.values_list("action__ref", flat=True)) == ["OC.A2.0"]
    assert _links() == [("CIPFA Rec 4.3", "OC.A2.0")]


def test_a_workbook_without_the_column_keeps_the_references_held(tmp_path, sample_workbook):
    tracker_import(
        path=_with_references(tmp_path / "a.xlsx", {"OC.A1.0": "CIPFA 4.2"}), plan_name="Plan"
    )
    tracker_import(path=sample_workbook, plan_name="Plan")
    assert _links() == [("CIPFA Rec 4.2", "OC.A1.0")]


def test_unreadable_reference_words_become_a_data_quality_warning(tmp_path):
    path = _with_references(
        tmp_path / "refs.xlsx", {"OC.A1.0": "Effective Local Structures CIPFA 4.2"}
    )
    tracker_import(path=path, plan_name="Plan")
    warning = DataQualityWarning.objects.get(category="reference")
    assert warning.ref == "OC.A1.0"
    assert "Effective Local Structures" in warning.message
    assert warning.value == "Effective Local Structures CIPFA 4.2"
    assert _links() == [("CIPFA Rec 4.2", "OC.A1.0")]


def test_a_dry_run_keeps_no_reference(tmp_path):
    path = _with_references(tmp_path / "refs.xlsx", {"OC.A1.0": "CIPFA 4.2"})
    tracker_import(path=path, plan_name="Plan", dry_run=True)
    assert not ActionReference.objects.exists()
    assert not Recommendation.objects.exists()
