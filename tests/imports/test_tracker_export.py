"""The tracker export: the council's layout, and export -> import gives the same plan back."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.imports.services import tracker_import
from planwatch.imports.tracker_export import tracker_export_write
from planwatch.plans.export import plan_export
from planwatch.plans.models import Plan
from tests.imports.workbooks import sample_sheets

pytestmark = pytest.mark.django_db


def _comparable(plan: Plan) -> dict:
    data = plan_export(plan=plan)
    del data["plan"]["name"]
    return data


def _warnings(plan: Plan) -> list[tuple]:
    run = ImportRun.objects.filter(plan=plan).order_by("-id").first()
    return sorted(
        DataQualityWarning.objects.filter(import_run=run).values_list(
            "sheet", "row", "column", "ref", "category", "message", "value"
        ),
        key=repr,
    )


def _round_trip(plan: Plan, tmp_path) -> Plan:
    path = tmp_path / "exported.xlsx"
    tracker_export_write(plan=plan, path=path)
    tracker_import(path=path, plan_name="Round trip")
    return Plan.objects.get(name="Round trip")


def test_export_then_import_gives_the_same_plan_and_the_same_warnings(sample_plan, tmp_path):
    again = _round_trip(sample_plan, tmp_path)
    original, copy = _comparable(sample_plan), _comparable(again)
    assert copy["themes"] == original["themes"]
    assert _warnings(again) == _warnings(sample_plan)


def test_every_sheet_has_the_sample_workbooks_name_and_header_row(sample_plan, tmp_path):
    path = tmp_path / "exported.xlsx"
    tracker_export_write(plan=sample_plan, path=path)
    exported = load_workbook(path)
    sample = sample_sheets()
    assert exported.sheetnames == [name for name, _values, _formats in sample]
    for name, values, _formats in sample:
        if name.startswith("Theme"):
            header = [cell.value for cell in exported[name][2]]
            # The one renamed header: the month under "Change Control required" says so itself.
            expected = [
                "Change Control required (October)" if h == "October" else h for h in values[1]
            ]
            assert header == expected, name


def test_cells_keep_what_the_council_wrote(sample_plan, tmp_path):
    path = tmp_path / "exported.xlsx"
    tracker_export_write(plan=sample_plan, path=path)
    sheet = load_workbook(path)["Theme 3 - Strategic Direction"]
    assert sheet["C3"].value == "<b>Regen Pipeline Development and Delivery</b>"
    co = load_workbook(path)["Theme 2 - Corporate Oversight"]
    assert co["H3"].number_format == "mmm-yy"
    assert co["H3"].value.date() == date(2021, 12, 1)


def test_a_month_written_in_planwatch_is_in_the_export(sample_plan, role_users, tmp_path):
    from planwatch.plans.models import Action
    from planwatch.updates.services import cycle_open, progress_update_submit

    pmo = role_users["pmo"]
    cycle = cycle_open(
        user=pmo,
        plan=sample_plan,
        month=date(2022, 11, 1),
        deadline=date(2022, 11, 14),
        today=date(2022, 11, 1),
    )
    action = Action.objects.get(plan=sample_plan, ref="OC.A1.2")
    progress_update_submit(
        user=pmo,
        cycle=cycle,
        action=action,
        status="medium_progress",
        commentary="Listening groups slipped into December.",
        no_change=False,
        change=None,
        expected_version=0,
        today=date(2022, 11, 9),
    )
    path = tmp_path / "exported.xlsx"
    tracker_export_write(plan=sample_plan, path=path)
    sheet = load_workbook(path)["Theme 1 - Organisational Cultur"]
    header = [cell.value for cell in sheet[2]]
    status_col = header.index("Status (November 2022)")
    update_col = header.index("Update (Initial and Date)(November 22)")
    row = next(r for r in sheet.iter_rows(min_row=3, values_only=True) if r[1] == "OC.A1.2")
    assert row[status_col].startswith("Medium")
    assert row[update_col].startswith("Listening groups slipped into December.")
    again = _round_trip(sample_plan, tmp_path)
    november = [
        update
        for theme in _comparable(again)["themes"]
        for workstream in theme["workstreams"]
        for action in workstream["actions"]
        if action["ref"] == "OC.A1.2"
        for update in action["updates"]
        if update["month"] == "2022-11"
    ]
    assert november and november[0]["status"] == "medium_progress"
    assert november[0]["author_initials"]


def test_download_is_an_xlsx_of_the_plan(pmo_client, sample_plan):
    response = pmo_client.get(reverse("imports:tracker_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('-tracker.xlsx"')
    assert response.content[:2] == b"PK"


def test_cli_writes_the_workbook_and_refuses_a_plan_that_does_not_exist(sample_plan, tmp_path):
    path = tmp_path / "out.xlsx"
    call_command("export_tracker", "--output", str(path), "--plan", "Improvement Plan")
    assert load_workbook(path).sheetnames[1].startswith("Theme 1")
    with pytest.raises(CommandError, match="no plan named"):
        call_command("export_tracker", "--output", str(path), "--plan", "Nope")
    with pytest.raises(CommandError, match="xlsx"):
        call_command("export_tracker", "--output", str(tmp_path / "out.csv"))


def test_reference_texts_are_exported_and_link_the_same_recommendations(sample_plan, tmp_path):
    from planwatch.traceability.demo import demo_catalogue, demo_load
    from planwatch.traceability.services import catalogue_load, recommendation_links_refresh

    demo_load(plan=sample_plan)
    again = _round_trip(sample_plan, tmp_path)
    # The catalogue is not part of the tracker: "CIPFA Rec all" needs it to know every rec.
    catalogue_load(plan=again, entries=demo_catalogue())
    recommendation_links_refresh(plan=again)

    def links(plan):
        return sorted(
            (str(rec), ref)
            for rec in plan.recommendations.all()
            for ref in rec.actions.values_list("ref", flat=True)
        )

    assert links(again) == links(sample_plan)
    sheet = load_workbook(tmp_path / "exported.xlsx")["Theme 4 - Decision Making"]
    header = [cell.value for cell in sheet[2]]
    assert "Reference" in header


def test_a_value_changed_since_the_import_is_exported_as_the_plan_now_has_it(sample_plan, tmp_path):
    from planwatch.domain.fuzzy_dates import parse_fuzzy_date
    from planwatch.plans.models import Action

    action = Action.objects.get(plan=sample_plan, ref="OC.A1.2")
    action.set_due(parse_fuzzy_date("Feb 2023"))
    action.title = "Phase 2 Engagement: Determining Desired Culture (extended)"
    action.save()
    again = _round_trip(sample_plan, tmp_path)
    copy = Action.objects.get(plan=again, ref="OC.A1.2")
    assert copy.due_text == "Feb 2023"
    assert copy.title == action.title


def test_export_costs_the_same_queries_whatever_the_number_of_updates(sample_plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from planwatch.imports.tracker_export import tracker_export_bytes
    from planwatch.plans.models import Action, ProgressUpdate

    with CaptureQueriesContext(connection) as before:
        tracker_export_bytes(plan=sample_plan)
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=action,
            month=date(2022, 11, 1),
            status="on_track",
            status_text="On Track",
            commentary=f"November for {action.ref}",
        )
        for action in Action.objects.filter(plan=sample_plan)
    )
    with CaptureQueriesContext(connection) as after:
        tracker_export_bytes(plan=sample_plan)
    assert len(after) == len(before)
