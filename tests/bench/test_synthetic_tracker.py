"""The benchmark's synthetic tracker imports cleanly, so bench figures measure real work."""

import pytest

from bench.synthetic_tracker import tracker_write
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate

pytestmark = pytest.mark.django_db


def test_synthetic_tracker_imports_every_action_and_month(tmp_path):
    path = tmp_path / "tracker.xlsx"
    facts = tracker_write(path, actions=60, months=3)

    summary = tracker_import(path=path, plan_name="Bench")

    assert summary.main_actions == facts.main_actions
    assert summary.main_actions + summary.sub_actions == 60
    assert Action.objects.count() == 60
    assert ProgressUpdate.objects.count() == facts.filled_months
    assert summary.sheets_skipped == ["Status key"]
    # Only the quirks the generator copies from the real workbook are reported.
    assert set(summary.warnings_by_category) <= {"date", "markup", "sheet"}
