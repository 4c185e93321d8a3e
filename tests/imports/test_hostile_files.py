"""Hostile tracker files are refused quickly, with one line naming the bound, writing nothing.

Each file is built here from bench/hostile_builders.py and is the real thing: the zip bomb is
a valid workbook whose sharedStrings part inflates to 400 MB, the password-protected workbook
a compound file laid out as Excel writes one. Every refusal is checked through the service and
through `import_tracker`, which must exit non-zero.
"""

import struct
import tracemalloc

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bench import hostile_builders as build
from planwatch.imports import reader
from planwatch.imports.errors import TrackerImportError
from planwatch.imports.models import DataQualityWarning, ImportRun
from planwatch.imports.services import tracker_import
from planwatch.plans.models import Action, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db
WRITTEN = (Plan, Action, ProgressUpdate, ImportRun, DataQualityWarning)


def assert_refused(path, *, says: str) -> str:
    with pytest.raises(TrackerImportError) as refused:
        tracker_import(path=path, plan_name="Improvement Plan")
    message = str(refused.value)
    assert says in message
    assert "\n" not in message
    with pytest.raises(CommandError) as failed:
        call_command("import_tracker", str(path), verbosity=0)
    assert says in str(failed.value) and "nothing was imported" in str(failed.value)
    assert {model.__name__: model.objects.count() for model in WRITTEN} == dict.fromkeys(
        (model.__name__ for model in WRITTEN), 0
    )
    return message


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory):
    return build.zip_bomb(tmp_path_factory.mktemp("bomb") / "tracker.xlsx")


def test_a_zip_bomb_is_refused_by_its_declared_size_before_openpyxl_opens_it(zip_bomb, monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("openpyxl was handed the zip bomb")

    monkeypatch.setattr(reader, "load_workbook", must_not_parse)

    assert_refused(
        zip_bomb,
        says="tracker.xlsx has a part (xl/sharedStrings.xml) that unpacks to 400 MB; "
        "the limit is 200 MB a part (PLANWATCH_IMPORT_MAX_PART_BYTES)",
    )


def test_a_zip_bomb_named_csv_is_still_read_as_a_zip_and_refused(zip_bomb, tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(zip_bomb.read_bytes())

    assert_refused(path, says="(PLANWATCH_IMPORT_MAX_PART_BYTES)")


def test_a_zip_bomb_whose_directory_understates_its_size_is_cut_there_and_refused(tmp_path):
    path = build.lying_zip_bomb(tmp_path / "tracker.xlsx", declared=1000)

    tracemalloc.start()
    try:
        assert_refused(path, says="Bad CRC-32 for file 'xl/sharedStrings.xml'")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # zipfile stops at the declared 1,000 bytes instead of inflating 400 MB.
    assert peak < 30 * build.MB


def test_all_parts_together_are_bounded_as_well_as_each_part(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_UNPACKED_BYTES = 1000
    path = build.small_workbook(tmp_path / "tracker.xlsx")

    assert_refused(
        path, says="in all; the limit is 1,000 bytes (PLANWATCH_IMPORT_MAX_UNPACKED_BYTES)"
    )


def test_the_part_bound_is_read_when_the_file_is_checked(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_PART_BYTES = 100
    path = build.small_workbook(tmp_path / "tracker.xlsx")

    assert_refused(path, says="the limit is 100 bytes a part (PLANWATCH_IMPORT_MAX_PART_BYTES)")


def test_an_entity_expansion_bomb_is_refused_by_defusedxml(tmp_path):
    path = build.entity_bomb(tmp_path / "tracker.xlsx")

    assert_refused(path, says="its XML declares entities or a DTD, which Excel never writes")


def test_a_csv_of_10000_columns_is_refused_at_its_header_row(tmp_path):
    path = build.wide_csv(tmp_path / "tracker.csv", columns=10_000)

    message = assert_refused(
        path,
        says="row 1: the row has a value in column 10,003; the limit is 400 columns a sheet "
        "(PLANWATCH_IMPORT_MAX_COLUMNS)",
    )
    assert message.startswith("sheet 'tracker', row 1:")


def test_a_workbook_with_a_value_past_the_column_bound_is_refused(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_COLUMNS = 4
    path = build.small_workbook(tmp_path / "tracker.xlsx")

    assert_refused(path, says="column 5; the limit is 4 columns a sheet")


def test_a_csv_with_too_many_rows_is_refused(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_ROWS = 100
    path = build.long_csv(tmp_path / "tracker.csv", rows=150)

    assert_refused(
        path,
        says="sheet 'tracker': the sheet has a value in row 101; the limit is 100 rows a "
        "sheet (PLANWATCH_IMPORT_MAX_ROWS)",
    )


def test_a_workbook_with_too_many_rows_is_refused(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_ROWS = 1
    path = build.small_workbook(tmp_path / "tracker.xlsx")

    assert_refused(path, says="the sheet has a value in row 2; the limit is 1 rows a sheet")


def test_blank_cells_and_rows_past_the_bounds_are_not_counted(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_ROWS, settings.PLANWATCH_IMPORT_MAX_COLUMNS = 3, 4
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Workstream,Ref,Action" + "," * 20 + "\nCulture,OC.A1.0,Agree values,,  ,\n" + ",,\n" * 9
    )

    summary = tracker_import(path=path, plan_name="Improvement Plan")

    assert summary.main_actions == 1
    assert Action.objects.get().title == "Agree values"


def test_a_sheet_declaring_a_vast_used_range_is_read_without_padding_to_it(tmp_path):
    path = build.small_workbook(tmp_path / "tracker.xlsx", dimension="A1:XFD30000")

    with reader.open_tracker(path) as sheets:
        rows = list(sheets[0].rows)

    assert [number for number, _cells in rows] == [1, 2]
    assert [len(cells) for _number, cells in rows] == [5, 5]


@pytest.mark.parametrize(
    ("how", "name"),
    [("suffix", "tracker.xlsm"), ("part", "tracker.xlsx"), ("content_type", "tracker.xlsx")],
)
def test_a_macro_enabled_workbook_is_refused(tmp_path, how, name):
    path = build.macro_workbook(tmp_path / name, how=how)

    assert_refused(
        path,
        says=f"{name} is a macro-enabled workbook, which the council's IT policy does not allow",
    )


def test_a_word_document_renamed_xlsx_is_refused_as_a_word_document(tmp_path):
    path = build.word_document(tmp_path / "tracker.xlsx")

    assert_refused(path, says="tracker.xlsx is a Word document, not an Excel workbook")


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    parts = build.workbook_parts()
    del parts["xl/workbook.xml"]
    path = build.write_zip(tmp_path / "tracker.xlsx", parts)

    assert_refused(path, says="is a zip file but not an Excel workbook")


def test_a_password_protected_workbook_is_refused(tmp_path):
    path = build.encrypted_workbook(tmp_path / "tracker.xlsx")

    assert_refused(
        path,
        says="tracker.xlsx is password-protected: remove the password in Excel and save again",
    )


def test_a_legacy_xls_workbook_is_refused_with_its_own_message(tmp_path):
    path = build.legacy_xls(tmp_path / "tracker.xls")

    assert_refused(path, says="tracker.xls is an Excel 97-2003 workbook (.xls)")


def test_a_compound_file_whose_directory_chain_loops_is_refused_without_hanging(tmp_path):
    path = build.encrypted_workbook(tmp_path / "tracker.xlsx")
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 512 + 4 * 2, 1)  # the directory's second sector points back
    path.write_bytes(bytes(data))

    assert_refused(path, says="is an old-format Office file, not an Excel workbook")


def test_an_oversize_file_is_refused_before_it_is_read(tmp_path):
    path = build.padded_workbook(tmp_path / "tracker.xlsx", size=int(25.3 * build.MB))

    assert_refused(
        path,
        says="tracker.xlsx is 25.3 MB; the limit is 20 MB (PLANWATCH_IMPORT_MAX_UPLOAD_BYTES)",
    )


def test_the_upload_bound_is_read_when_the_file_is_checked(tmp_path, settings):
    settings.PLANWATCH_IMPORT_MAX_UPLOAD_BYTES = 1024
    path = build.small_workbook(tmp_path / "tracker.xlsx")

    assert_refused(path, says="KB; the limit is 1 KB (PLANWATCH_IMPORT_MAX_UPLOAD_BYTES)")


def test_a_workbook_named_csv_is_imported_as_the_workbook_it_is(tmp_path):
    path = build.small_workbook(tmp_path / "tracker.csv")

    summary = tracker_import(path=path, plan_name="Improvement Plan")

    assert summary.main_actions == 1
    assert Action.objects.get().ref == "OC.A1.0"


def test_a_repeated_header_names_its_cells_in_turn(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Workstream,Ref,Action,Note,Note,Note (2),Note\nCulture,OC.A1.0,Agree,a,b,c,d\n"
    )

    tracker_import(path=path, plan_name="Improvement Plan")

    names = [name for name, _value in Action.objects.get().source_cells]
    assert names[3:] == ["Note", "Note (2)", "Note (2) (2)", "Note (3)"]
