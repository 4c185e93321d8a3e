"""`planwatch export-json`: the whole plan, in the agreed contract, with nothing lost."""

import json
from datetime import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.domain.fuzzy_dates import DateKind
from planwatch.domain.refs import parse_ref
from planwatch.domain.statuses import Status
from planwatch.plans.export import plan_export
from planwatch.plans.models import Action

from ..imports.workbooks import sample_data_rows

pytestmark = pytest.mark.django_db


def exported_actions(data):
    for theme in data["themes"]:
        for workstream in theme["workstreams"]:
            for action in workstream["actions"]:
                yield theme, workstream, action


def test_export_follows_the_contract_for_every_action(sample_plan):
    data = plan_export(plan=sample_plan)
    actions = list(exported_actions(data))

    assert [theme["code"] for theme in data["themes"]] == ["OC", "CO", "SD", "DM", "PC", "PR"]
    assert len(actions) == 295
    for theme, workstream, action in actions:
        assert {"code", "name", "workstreams"} <= theme.keys()
        assert workstream["name"]
        assert action["ref"].startswith(theme["code"] + ".")
        assert action["is_main"] == action["ref"].endswith(".0")
        # Refs are as the council wrote them (CO.D.2.0); the parent is the row the ref's
        # reading belongs to: a sub-action's main action, a lettered part's sub-action.
        ref = parse_ref(action["ref"])
        parent = action["parent_ref"] and parse_ref(action["parent_ref"])
        assert action["is_main"] or parent is None or str(parent) == ref.parent_ref
        assert isinstance(action["title"], str)
        for when in (action["start"], action["due"]):
            assert set(when) >= {"text", "kind", "earliest", "latest"}
            assert DateKind(when["kind"])
        assert set(action["risk"]) >= {"level", "description"}
        for update in action["updates"]:
            assert len(update["month"]) == 7 and update["month"][4] == "-"
            assert Status(update["status"])
            assert isinstance(update["change_control"], bool)
            assert {"status_text", "commentary"} <= update.keys()


def test_every_workbook_cell_survives_import_and_export(sample_plan):
    exported = {
        action["ref"]: action for *_, action in exported_actions(plan_export(plan=sample_plan))
    }

    for sheet, number, values, formats, _header in sample_data_rows():
        action = exported[values[1].strip()]
        assert action["source"]["sheet"] == sheet and action["source"]["row"] == number
        kept = [cell["value"] for cell in action["source"]["cells"]]
        for value, number_format in zip(values, formats, strict=True):
            if value is None or str(value).strip() == "":
                continue
            if isinstance(value, datetime):
                value = {"date": value.isoformat(), "number_format": number_format}
            assert value in kept


def test_export_keeps_original_date_text_and_its_reading(sample_plan):
    exported = {
        action["ref"]: action for *_, action in exported_actions(plan_export(plan=sample_plan))
    }

    assert exported["OC.A1.3"]["due"] == {
        "text": "Autumn 2022",
        "kind": "season",
        "earliest": "2022-09-01",
        "latest": "2022-11-30",
        "note": exported["OC.A1.3"]["due"]["note"],
    }
    october = next(u for u in exported["OC.A1.3"]["updates"] if u["month"] == "2022-10")
    assert october["status"] == "medium_progress" and october["change_control"] is True


def test_export_costs_the_same_queries_for_a_small_and_a_larger_plan(sample_plan):
    def count():
        with CaptureQueriesContext(connection) as queries:
            plan_export(plan=sample_plan)
        return len(queries)

    small = count()
    main = Action.objects.get(ref="OC.A1.0")
    for n in range(1, 40):
        Action.objects.create(
            plan=sample_plan,
            theme=main.theme,
            workstream=main.workstream,
            parent=main,
            ref=f"OC.A1.{100 + n}",
            sort_key=f"OC.A.00001.{100 + n:05d}",
            title=f"Extra {n}",
        )
    assert count() == small


def test_the_command_writes_the_file_it_is_given(sample_plan, tmp_path):
    output = tmp_path / "plan.json"

    call_command("export_json", "--output", str(output))

    data = json.loads(output.read_text())
    assert data["plan"]["name"] == "Improvement Plan"
    assert len(list(exported_actions(data))) == 295


def test_the_command_refuses_an_unknown_plan_with_a_clear_message(sample_plan):
    with pytest.raises(CommandError, match="there is no plan called 'Nope'"):
        call_command("export_json", "--plan", "Nope")
