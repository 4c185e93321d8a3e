"""Hostile tracker files: how long each takes to refuse, and how much memory, one process each.

    .venv/bin/python bench/hostile_files.py [--runs 3] [--json FILE] [--near-bound]

Goal: every hostile file is refused in under 5 s and 600 MB peak RSS. Each file is built by
bench/hostile_builders.py (the same builders the tests use), then handed to
`imports.services.tracker_import` in a fresh Python process, so each peak RSS is that case's
alone: Django loaded and the refusal made (VmHWM, see `peak_rss_mb`). Then a CSV with 4,000,
8,000 and 16,000 filled columns is imported (dry run) with the column bound raised, to show
the time grows linearly with the column count.

--near-bound adds a workbook whose sharedStrings part is just under the part bound (200 MB):
what the default bound still lets openpyxl read. It takes minutes and gigabytes.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]
from bench import hostile_builders as build  # noqa: E402

GOAL_SECONDS, GOAL_MB = 5.0, 600
SCALING_COLUMNS = (4_000, 8_000, 16_000)
# name: (file name, builder, settings to override in the child)
CASES = {
    "zip bomb (400 MB sharedStrings)": ("bomb.xlsx", build.zip_bomb, {}),
    "zip bomb, size understated": ("lying.xlsx", build.lying_zip_bomb, {}),
    "XML entity bomb": ("entities.xlsx", build.entity_bomb, {}),
    "CSV of 10,000 columns": ("wide.csv", lambda p: build.wide_csv(p, columns=10_000), {}),
    "CSV of 20,001 rows": ("long.csv", lambda p: build.long_csv(p, rows=20_001), {}),
    "macro workbook (.xlsm)": ("macros.xlsm", build.macro_workbook, {}),
    "Word document named .xlsx": ("letter.xlsx", build.word_document, {}),
    "password-protected workbook": ("locked.xlsx", build.encrypted_workbook, {}),
    "Excel 97-2003 .xls": ("old.xls", build.legacy_xls, {}),
    "25.3 MB upload": (
        "big.xlsx",
        lambda p: build.padded_workbook(p, size=int(25.3 * build.MB)),
        {},
    ),
    "used range A1:XFD1048576 (imports)": (
        "vast.xlsx",
        lambda p: build.small_workbook(p, dimension="A1:XFD1048576"),
        {},
    ),
}
NEAR_BOUND = {
    "sharedStrings 199 MB (under the bound)": (
        "near.xlsx",
        lambda p: build.zip_bomb(p, inflated=199 * build.MB),
        {},
    )
}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--runs", type=int, default=3, help="scaling: median of N processes")
    parser.add_argument("--near-bound", action="store_true", help="add the 199 MB case")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "SETTINGS"), help=argparse.SUPPRESS)
    return parser.parse_args()


def django_setup(data_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "planwatch.settings.dev"
    os.environ["PLANWATCH_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # as in production: no copy of every SQL statement


def child(path: Path, overrides: dict) -> dict:
    """Run in the fresh process: one import, timed, its outcome and this process's peak RSS."""
    django_setup(Path(os.environ["PLANWATCH_DATA_DIR"]))
    from django.conf import settings

    from planwatch.imports.errors import TrackerImportError
    from planwatch.imports.services import tracker_import

    for name, value in overrides.items():
        setattr(settings, name, value)
    before = peak_rss_mb()
    start = time.perf_counter()
    try:
        summary = tracker_import(path=path, plan_name="Bench plan", dry_run=True)
        outcome = f"imported (dry run): {summary.main_actions + summary.sub_actions} actions"
    except TrackerImportError as error:
        outcome = f"refused: {error}"
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    return {"seconds": seconds, "peak_mb": peak, "setup_mb": before, "outcome": outcome}


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's ru_maxrss (RUSAGE_SELF or _CHILDREN)
    carries the parent's peak across fork and exec, so after the parent has built a 25 MB file
    every child would seem to use that much; VmHWM belongs to this process's memory alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, overrides: dict, data_dir: Path) -> dict:
    env = {**os.environ, "PLANWATCH_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path), json.dumps(overrides)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        return {"seconds": None, "peak_mb": None, "outcome": done.stderr.strip()[-300:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def say(text: str = "") -> None:
    print(text, flush=True)


def main() -> None:
    args = arguments()
    if args.child:
        figures = child(Path(args.child[0]), json.loads(args.child[1]))
        print(json.dumps(figures))
        return
    cases = CASES | (NEAR_BOUND if args.near_bound else {})
    figures: dict = {
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average": os.getloadavg(),
        "cases": {},
        "scaling": {},
    }
    with tempfile.TemporaryDirectory(prefix="planwatch-hostile-") as temp:
        work, data_dir = Path(temp), Path(temp) / "data"
        django_setup(data_dir)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        say(f"{figures['machine']}; load average {figures['load_average'][0]:.1f}")
        say(f"goal: each refused in under {GOAL_SECONDS:.0f} s and {GOAL_MB} MB peak RSS\n")
        say(f"{'case':<38} {'size':>9} {'seconds':>8} {'peak MB':>8}  outcome")
        for label, (name, builder, overrides) in cases.items():
            path = builder(work / name)
            result = measure(path, overrides, data_dir)
            result["bytes"] = path.stat().st_size
            figures["cases"][label] = result
            say(_line(label, result))
            path.unlink()
        say(
            "\nCSV column scaling (5 filled rows, column bound raised; import, dry run; "
            f"median of {args.runs} processes)"
        )
        say(f"{'columns':>8} {'seconds':>8} {'peak MB':>8} {'s per 1,000 columns':>20}")
        for columns in SCALING_COLUMNS:
            path = build.wide_csv(work / f"wide-{columns}.csv", columns=columns)
            bound = {"PLANWATCH_IMPORT_MAX_COLUMNS": columns + 10}
            runs = [measure(path, bound, data_dir) for _ in range(args.runs)]
            result = sorted(runs, key=lambda run: run["seconds"] or 0)[len(runs) // 2]
            figures["scaling"][columns] = result
            per = result["seconds"] / columns * 1000 if result["seconds"] else float("nan")
            say(f"{columns:>8,} {result['seconds']:>8.2f} {result['peak_mb']:>8.0f} {per:>20.3f}")
    seconds = [r["seconds"] for r in figures["scaling"].values()]
    if all(seconds):
        say(f"  16,000 / 4,000 columns: {seconds[-1] / seconds[0]:.1f}x the time (linear: 4x)")
    within = all(
        r["seconds"] is not None and r["seconds"] < GOAL_SECONDS and r["peak_mb"] < GOAL_MB
        for label, r in figures["cases"].items()
        if label not in NEAR_BOUND
    )
    answer = "yes" if within else "no"
    say(f"\nevery hostile file within {GOAL_SECONDS:.0f} s and {GOAL_MB} MB: {answer}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
        say(f"figures written to {args.json}")


def _line(label: str, result: dict) -> str:
    seconds = "failed" if result["seconds"] is None else f"{result['seconds']:.3f}"
    peak = "" if result["peak_mb"] is None else f"{result['peak_mb']:.0f}"
    outcome = result["outcome"]
    outcome = outcome if len(outcome) <= 110 else outcome[:107] + "..."
    return f"{label:<38} {_size(result['bytes']):>9} {seconds:>8} {peak:>8}  {outcome}"


def _size(size: int) -> str:
    return f"{size / build.MB:.1f} MB" if size >= build.MB else f"{size / 1024:.1f} KB"


if __name__ == "__main__":
    main()
