"""A file that cannot be a tracker is refused with one clear line, and nothing is written."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planwatch.imports.errors import TrackerImportError
from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, Plan, ProgressUpdate, Theme, Workstream

from .workbooks import altered_sample, write_workbook

pytestmark = pytest.mark.django_db
MODELS = (Plan, Theme, Workstream, Action, ProgressUpdate, ImportRun, DataQualityWarning)


def table_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def existing_plan(sample_workbook):
    """A plan already imported, so a failed import could damage something."""
    tracker_import(path=sample_workbook, plan_name="Improvement Plan")
    return table_counts()


def assert_refused(path, existing, *, says: str) -> None:
    with pytest.raises(TrackerImportError) as refused:
        tracker_import(path=path, plan_name="Improvement Plan")
    assert says in str(refused.value)
    assert "\n" not in str(refused.value)
    assert table_counts() == existing


def test_a_damaged_zip_named_xlsx_is_refused(tmp_path, existing_plan):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")

    assert_refused(path, existing_plan, says="not a readable Excel workbook")


def test_a_binary_file_of_another_type_is_refused_by_its_content(tmp_path, existing_plan):
    path = tmp_path / "tracker.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    assert_refused(path, existing_plan, says="neither an Excel workbook (.xlsx) nor a text CSV")


def test_a_truncated_workbook_is_refused(tmp_path, sample_workbook, existing_plan):
    data = sample_workbook.read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])

    assert_refused(path, existing_plan, says="not a readable Excel workbook")


def test_a_workbook_without_a_ref_column_is_refused(tmp_path, existing_plan):
    path = write_workbook(
        tmp_path / "no-ref.xlsx",
        [
            (
                "Theme 1",
                [["Workstream", "Action", "Due date"], ["W", "A", "May-22"]],
            )
        ],
    )

    assert_refused(path, existing_plan, says="no sheet has a header row with a 'Ref' column")


def test_a_workbook_with_a_ref_twice_is_refused_naming_both_rows(tmp_path, existing_plan):
    def duplicate_last_row(name, rows):
        return [*rows, list(rows[-1])] if name.startswith("Theme 4") else rows

    path = altered_sample(tmp_path / "duplicate.xlsx", duplicate_last_row)

    assert_refused(
        path, existing_plan, says="appears twice (first on sheet 'Theme 4 - Decision Making'"
    )


def test_a_missing_file_is_refused(tmp_path, existing_plan):
    assert_refused(tmp_path / "nowhere.xlsx", existing_plan, says="does not exist")


def test_an_error_part_way_through_writing_rolls_everything_back(
    tmp_path, sample_workbook, existing_plan, monkeypatch
):
    from planwatch.imports import services

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    changed = altered_sample(
        tmp_path / "changed.xlsx",
        lambda name, rows: [
            [*row[:2], "Renamed", *row[3:]] if i > 1 else row for i, row in enumerate(rows)
        ],
    )
    monkeypatch.setattr(services, "actions_latest_status_refresh", fail)
    with pytest.raises(RuntimeError):
        tracker_import(path=changed, plan_name="Improvement Plan")

    assert table_counts() == existing_plan
    assert not Action.objects.filter(title="Renamed").exists()


def test_the_command_exits_non_zero_with_a_one_line_reason(tmp_path, existing_plan):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(b"garbage")

    with pytest.raises(CommandError) as failed:
        call_command("import_tracker", str(path))

    assert "tracker.xlsx" in str(failed.value) and "nothing was imported" in str(failed.value)
    assert table_counts() == existing_plan


def test_the_console_script_prints_no_traceback_for_a_bad_file(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_text("just,some\ncells,here\n")

    result = subprocess.run(
        [sys.executable, "-m", "planwatch.cli", "import-tracker", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        env={"PLANWATCH_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no sheet has a header row" in result.stderr
