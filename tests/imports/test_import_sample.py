"""The council's real October 2022 tracker imports completely: every row, every cell."""

from collections import Counter
from datetime import date, datetime

import pytest

from planwatch.domain.fuzzy_dates import parse_fuzzy_date
from planwatch.domain.statuses import Status, read_status
from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, ProgressUpdate, Theme, Workstream

from .workbooks import sample_as_csv
from .workbooks import sample_data_rows as _data_rows

pytestmark = pytest.mark.django_db

EXPECTED_THEMES = {
    "OC": "Organisational Culture",
    "CO": "Corporate Oversight",
    "SD": "Strategic Direction",
    "DM": "Decision Making",
    "PC": "Procurement & Commercial",
    "PR": "Partnerships & Relationships",
}


def test_sample_imports_295_actions_of_which_66_are_main_actions(sample_workbook):
    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    assert (summary.main_actions, summary.sub_actions) == (66, 229)
    assert Action.objects.count() == 295
    assert Action.objects.filter(is_main=True).count() == 66
    assert summary.themes == 6
    assert summary.sheets_skipped == ["Status key"]


def test_sample_themes_get_their_full_names_despite_excel_cutting_sheet_names(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    assert dict(Theme.objects.values_list("code", "name")) == EXPECTED_THEMES
    assert list(Theme.objects.order_by("order").values_list("code", flat=True)) == list(
        EXPECTED_THEMES
    )


def test_sample_workstreams_are_taken_from_their_column_not_the_ref_letter(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    assert Action.objects.get(ref="OC.F1.0").workstream.name != (
        Action.objects.get(ref="OC.F2.0").workstream.name
    )
    per_theme = {(values[1][:2], values[0].strip()) for *_, values, _f, _h in _data_rows()}
    assert Workstream.objects.count() == len(per_theme)


def test_every_cell_of_every_action_row_is_kept_as_written_in_column_order(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    actions = {action.ref: action for action in Action.objects.all()}

    checked = 0
    for sheet, number, values, formats, header in _data_rows():
        action = actions[values[1].strip()]
        assert (action.source_sheet, action.source_row) == (sheet, number)
        expected = []
        for value, number_format, column in zip(values, formats, header, strict=True):
            if value is None or str(value).strip() == "":
                continue
            if isinstance(value, datetime):
                value = {"date": value.isoformat(), "number_format": number_format}
            expected.append((column, value))
        kept = [(column, value) for column, value in action.source_cells]
        assert [v for _, v in kept] == [v for _, v in expected], f"{sheet} row {number}"
        assert [c for c, _ in kept if not c.startswith("Change Control")] == [
            c for c, _ in expected if c != "October"
        ]
        checked += len(kept)
    assert checked > 2500


def test_every_status_and_commentary_cell_becomes_a_monthly_update(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    updates = {(u.action.ref, u.month): u for u in ProgressUpdate.objects.select_related("action")}

    for _sheet, _number, values, _formats, _header in _data_rows():
        ref = values[1].strip()
        # The change-control column belongs to October, the month the workbook was due.
        for month, status_col, comment_col, flag in (
            (date(2022, 9, 1), 11, 12, None),
            (date(2022, 10, 1), 13, 14, values[15]),
        ):
            status, commentary = values[status_col], values[comment_col]
            if status is None and commentary is None and flag is None:
                assert (ref, month) not in updates
                continue
            update = updates[(ref, month)]
            assert update.status_text == (status or "").strip()
            assert update.status == read_status(status).status
            assert update.commentary == (commentary or "").strip()


def test_updates_per_month_and_change_control_flags_match_the_workbook(sample_workbook):
    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    assert summary.updates_per_month == {"2022-09": 268, "2022-10": 295}
    flagged = {
        values[1].strip()
        for *_, values, _f, _h in _data_rows()
        if str(values[15] or "").strip().lower() in {"yes", "y"}
    }
    october = ProgressUpdate.objects.filter(month=date(2022, 10, 1), change_control=True)
    assert set(october.values_list("action__ref", flat=True)) == flagged
    assert len(flagged) == 69


def test_october_statuses_are_read_with_the_councils_vocabulary(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    october = Counter(
        ProgressUpdate.objects.filter(month=date(2022, 10, 1)).values_list("status", flat=True)
    )

    assert october[Status.UNRECOGNISED] == 0
    assert sum(october.values()) == 295
    assert october[Status.COMPLETE] > 0 and october[Status.NEW_ACTION] > 0


def test_dates_keep_the_original_text_beside_their_reading(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")

    slip = Action.objects.get(ref="PR.D1.0")
    assert slip.due_text == "Jul-05"
    assert slip.due_earliest == date(2005, 7, 1)
    marked_up = Action.objects.get(ref="SD.A1.0")
    assert marked_up.due_text == "<b>Apr-27</b>"
    assert marked_up.due == parse_fuzzy_date("<b>Apr-27</b>")
    assert marked_up.title == "Regen Pipeline Development and Delivery"


def test_implausible_dates_and_unreadable_values_are_reported_not_fixed(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    messages = list(
        DataQualityWarning.objects.filter(ref="PR.D1.0").values_list("message", flat=True)
    )

    assert any("2005" in message for message in messages)
    assert DataQualityWarning.objects.filter(ref="PC.A1.5", category="date").count() == 2


def test_main_actions_carry_risk_and_sub_actions_point_to_their_main_action(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    main_risks = Counter(Action.objects.filter(is_main=True).values_list("risk_level", flat=True))
    sub = Action.objects.get(ref="OC.A1.2")

    assert sub.parent.ref == "OC.A1.0"
    assert main_risks["high"] == 1
    assert sum(main_risks.values()) == 66
    assert Action.objects.get(ref="OC.A1.0").risk_level == "low"


def test_reimporting_the_same_workbook_changes_nothing(sample_workbook):
    tracker_import(path=sample_workbook, plan_name="Plan")
    before = list(ProgressUpdate.objects.order_by("pk").values())

    summary = tracker_import(path=sample_workbook, plan_name="Plan")

    assert (summary.actions_created, summary.actions_updated) == (0, 0)
    assert (summary.updates_created, summary.updates_changed) == (0, 0)
    after = list(ProgressUpdate.objects.order_by("pk").values())
    assert [{k: v for k, v in u.items() if k != "updated_at"} for u in after] == [
        {k: v for k, v in u.items() if k != "updated_at"} for u in before
    ]


def test_dry_run_reports_the_same_figures_and_writes_nothing(sample_workbook):
    dry = tracker_import(path=sample_workbook, plan_name="Plan", dry_run=True)

    assert dry.dry_run and dry.main_actions == 66 and dry.updates_created == 268 + 295
    assert Action.objects.count() == 0
    assert ImportRun.objects.count() == 0


def test_a_csv_of_the_sample_imports_to_the_same_plan(sample_workbook, tmp_path):
    tracker_import(path=sample_workbook, plan_name="From Excel")
    tracker_import(path=sample_as_csv(tmp_path / "tracker.csv"), plan_name="From CSV")

    def snapshot(plan_name):
        return {
            action.ref: (
                action.theme.code,
                action.theme.name,
                action.workstream.name,
                action.title,
                action.due_kind,
                action.due_earliest,
                action.due_latest,
                action.risk_level,
                action.parent.ref if action.parent else None,
                tuple(
                    (u.month, u.status, u.status_text, u.commentary, u.change_control)
                    for u in action.updates.order_by("month")
                ),
            )
            for action in Action.objects.filter(plan__name=plan_name).select_related(
                "theme", "workstream", "parent"
            )
        }

    assert snapshot("From CSV") == snapshot("From Excel")
