"""Next month's workbook adds that month's updates; the tracker's quirks of layout are tolerated."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from planwatch.domain.statuses import Status
from planwatch.imports.models import DataQualityWarning
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate

from .workbooks import altered_sample, as_november, write_workbook

pytestmark = pytest.mark.django_db

HEADER = [
    "Workstream",
    "Ref",
    "Action",
    "Director Lead",
    "Start date",
    "Due date",
    "Main Action Risk",
]


def test_next_months_workbook_adds_that_months_updates_and_keeps_the_earlier_ones(
    sample_workbook, tmp_path
):
    tracker_import(path=sample_workbook, plan_name="Plan")
    october_before = ProgressUpdate.objects.filter(month=date(2022, 10, 1)).count()

    summary = tracker_import(
        path=altered_sample(tmp_path / "nov.xlsx", as_november), plan_name="Plan"
    )

    november = ProgressUpdate.objects.filter(month=date(2022, 11, 1))
    assert november.count() == summary.updates_per_month["2022-11"] > 0
    assert ProgressUpdate.objects.filter(month=date(2022, 9, 1)).count() == 268
    assert ProgressUpdate.objects.filter(month=date(2022, 10, 1)).count() == october_before
    moved_on = november.get(action__ref="OC.A1.2")
    assert (moved_on.status, moved_on.author_initials) == (Status.COMPLETE, "DS")
    assert Action.objects.get(ref="OC.A1.2").latest_status == Status.COMPLETE


def test_columns_are_found_by_header_wording_not_position(tmp_path):
    path = write_workbook(
        tmp_path / "reordered.xlsx",
        [
            (
                "Theme 4 - Decision Making",
                [
                    [
                        "Due Date ",
                        "REF",
                        "Action",
                        "update owner",
                        "Status (Nov 2022)",
                        "Evidence (Nov 22)",
                    ],
                    [
                        "Dec 2022",
                        "DM.A1.0",
                        "Implement 4-yearly election cycle",
                        "Head of Democratic Services",
                        "On Track",
                        "Fine (AB 3.11.22)",
                    ],
                ],
            )
        ],
    )

    tracker_import(path=path, plan_name="Plan")

    action = Action.objects.get(ref="DM.A1.0")
    assert (action.due_kind, action.due_earliest) == ("month", date(2022, 12, 1))
    assert action.update_owner == "Head of Democratic Services"
    update = action.updates.get()
    assert (update.month, update.status, update.author_initials) == (
        date(2022, 11, 1),
        "on_track",
        "AB",
    )


def test_blank_rows_repeated_headers_theme_headings_and_legend_sheets_are_tolerated(tmp_path):
    path = write_workbook(
        tmp_path / "messy.xlsx",
        [
            ("Key", [["Progress against Plan Status Rating", "Definition"], ["On Track", "…"]]),
            (
                "Sheet1",
                [
                    ["Theme 2 - Corporate Oversight"],
                    HEADER,
                    [
                        "ERP",
                        "CO.A1.0",
                        "Implement Oracle Fusion",
                        "Director- Finance",
                        None,
                        "TBC",
                        "Medium Risk",
                    ],
                    [None, None, None],
                    HEADER,
                    [
                        "ERP",
                        "CO.A1.1",
                        "Cabinet approval",
                        "Director- Finance",
                        None,
                        "Complete",
                        "N/A",
                    ],
                ],
            ),
        ],
    )

    summary = tracker_import(path=path, plan_name="Plan")

    assert (summary.main_actions, summary.sub_actions) == (1, 1)
    assert summary.sheets_skipped == ["Key"]
    assert Action.objects.get(ref="CO.A1.1").parent.ref == "CO.A1.0"
    assert Action.objects.get(ref="CO.A1.0").theme.name == "Corporate Oversight"


def test_unknown_statuses_and_columns_are_kept_and_reported(tmp_path):
    path = write_workbook(
        tmp_path / "odd.xlsx",
        [
            (
                "Theme 1",
                [
                    [*HEADER, "Status (October 2022)", "Budget code"],
                    [
                        "W",
                        "OC.Z1.0",
                        "Odd action",
                        "",
                        "",
                        "",
                        "Low Risk",
                        "Waiting on LGA",
                        "X-42",
                    ],
                ],
            )
        ],
    )

    tracker_import(path=path, plan_name="Plan")

    update = ProgressUpdate.objects.get(action__ref="OC.Z1.0")
    assert (update.status, update.status_text) == (Status.UNRECOGNISED, "Waiting on LGA")
    assert ["Budget code", "X-42"] in Action.objects.get(ref="OC.Z1.0").source_cells
    categories = set(DataQualityWarning.objects.values_list("category", flat=True))
    assert {"status", "column"} <= categories


def test_the_command_prints_its_summary_as_json(sample_workbook, capsys):
    call_command("import_tracker", str(sample_workbook), "--format", "json", "--plan", "P")

    summary = json.loads(capsys.readouterr().out)
    assert summary["main_actions"] == 66
    assert summary["updates_per_month"] == {"2022-09": 268, "2022-10": 295}
    assert summary["warnings"] == sum(summary["warnings_by_category"].values())


def test_the_command_shows_progress_on_large_files(tmp_path, capsys):
    rows = [HEADER] + [
        ["W", f"OC.A{n}.0", f"Action {n}", "", "May-22", "Dec-22", "Low Risk"]
        for n in range(1, 2501)
    ]
    path = write_workbook(tmp_path / "large.xlsx", [("Theme 1", rows)])

    call_command("import_tracker", str(path), "--plan", "Large")

    captured = capsys.readouterr()
    assert "Reading [" in captured.err
    assert "main actions: 2500" in captured.out
