"""`planwatch report theme-summary`: writes each format; on bad input says why in one line,
exits non-zero and writes nothing."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "theme-summary", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "json"])
def test_writes_each_format(sample_plan, tmp_path, fmt):
    target = tmp_path / f"summary.{fmt}"
    out = _run("--month", "2022-10", "--format", fmt, "--output", str(target))
    assert f"Wrote {target}" in out
    body = target.read_bytes()
    if fmt == "json":
        assert json.loads(body)["month"] == "2022-10"
    elif fmt == "html":
        assert b"Theme Progress Summary October 2022" in body
    elif fmt == "pdf":
        assert body.startswith(b"%PDF")
    else:
        assert body.startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2022-13", "--format", "pdf"], "is not a month"),
        (["--month", "Oct", "--format", "pdf"], "is not a month"),
        (["--month", "2022-10", "--format", "xls"], "unknown format 'xls'"),
        (["--month", "2022-10", "--format", "json", "--plan", "Nope"], "there is no plan 'Nope'"),
        (["--month", "2022-10", "--format", "pdf", "--layout", "1999"], "not a report layout"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(sample_plan, tmp_path, args, message):
    target = tmp_path / "out.file"
    with pytest.raises(CommandError, match=message) as caught:
        _run(*args, "--output", str(target))
    assert "\n" not in str(caught.value)
    assert not target.exists()


@pytest.mark.parametrize(
    ("layout", "heading"),
    [
        (None, "Key Milestones"),
        ("2022", "Milestones due (rolling 3 months)"),
        ("analysis", "Focus 2: exceptions"),
    ],
)
def test_the_layout_is_asked_for_or_the_plans_default(sample_plan, tmp_path, layout, heading):
    sample_plan.report_layout = "2023"
    sample_plan.save()
    target = tmp_path / "summary.html"
    _run(
        "--month",
        "2022-10",
        "--format",
        "html",
        "--output",
        str(target),
        *(["--layout", layout] if layout else []),
    )
    assert heading in target.read_text()


def test_unwritable_paths_are_refused_before_any_work(sample_plan, tmp_path):
    for target, message in [
        (tmp_path / "missing" / "out.json", "does not exist"),
        (tmp_path, "it is a folder"),
    ]:
        with pytest.raises(CommandError, match=message):
            _run("--month", "2022-10", "--format", "json", "--output", str(target))
    assert list(tmp_path.iterdir()) == []


def test_console_script_exits_non_zero_with_one_line(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "x.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "planwatch.cli",
            "report",
            "theme-summary",
            "--month",
            "2022-10",
            "--format",
            "bad",
            "--output",
            str(target),
        ],
        capture_output=True,
        text=True,
        env={"DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3", "PATH": "/usr/bin:/bin"},
        cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]),
    )
    assert result.returncode != 0
    assert (
        result.stderr.strip()
        == "CommandError: unknown format 'bad': use one of html, docx, pdf, json"
    )
    assert not target.exists()
