"""Report benchmark: the October Theme Progress Summary (json, html, docx), the Cabinet
quarterly and the Commissioners' six-monthly report (json, html), on the sample plan and on a
synthetic 10,000-action, 36-month plan, each against the raw SQL floor of its own figures.

    .venv/bin/python bench/report_bench.py [--actions 10000] [--months 36] [--runs 3]
        [--database-url postgres://postgres@127.0.0.1:5432/test] [--json FILE] [--small]
        [--keep DIR]

Each report's floor is hand-written SQL giving the counts its statements rest on
(bench/report_floors.py); the bench checks that the floor's rows give the report's own
figures, and says so. Goals: html and json within 3x of their floor; each format costs the
same number of SQL queries on both plans. Runs against a throwaway
database, as bench/import_bench.py does (whose setup it reuses): a temporary SQLite file, or
on PostgreSQL a database planwatch_report_bench created and dropped on that server.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
import import_bench  # noqa: E402
import report_floors  # noqa: E402
from import_bench import django_setup, say, timed  # noqa: E402
from synthetic_tracker import tracker_write  # noqa: E402

SAMPLE = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"
MONTH = date(2022, 10, 1)
LARGE, SMALL = "Bench plan (synthetic)", "Improvement Plan (sample)"
GOAL_RATIO = 3.0
FORMATS = ("json", "html", "docx")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--runs", type=int, default=3, help="median of N timed runs")
    parser.add_argument("--seed", type=int, default=20221031)
    parser.add_argument("--small", action="store_true", help="quick: 1,000 actions x 12 months")
    parser.add_argument("--database-url", help="PostgreSQL server URL (a database is made there)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--debug", action="store_true", help="keep DEBUG=True (logs every SQL)")
    parser.add_argument(
        "--keep",
        type=Path,
        help="SQLite only: keep the database in DIR and reuse it on the next run (skips the "
        "import when both plans are already there; delete DIR after changing the generator)",
    )
    args = parser.parse_args()
    if args.small:
        args.actions, args.months = 1_000, 12
    return args


# Each figure's floor: the raw SQL of the same report (bench/report_floors.py).
FLOOR_OF = {kind: f"{kind} floor" for kind in ("summary", "cabinet", "commissioners")}


def makers(plan) -> dict:
    """What each measured figure does, from the plan to the text or bytes a reader gets."""
    from planwatch.reports.period.build import period_report_build
    from planwatch.reports.period.output import period_report_document, period_report_json
    from planwatch.reports.rendering.docx import document_docx
    from planwatch.reports.rendering.html import document_html
    from planwatch.reports.theme_summary.build import (
        theme_summary_build,
        theme_summary_document,
        theme_summary_json,
    )

    def summary():
        return theme_summary_build(plan=plan, month=MONTH)

    def period(months):
        return lambda: period_report_build(plan=plan, end_month=MONTH, months=months)

    cabinet, commissioners = period(3), period(6)
    # The period floors are given the months with data the report found (read once, here).
    cabinet_months, commissioners_months = cabinet().coverage, commissioners().coverage
    return {
        "summary floor": lambda: report_floors.summary_floor(plan, MONTH),
        "summary json": lambda: json.dumps(theme_summary_json(summary())),
        "summary html": lambda: document_html(theme_summary_document(summary())),
        "summary docx": lambda: document_docx(theme_summary_document(summary())),
        "cabinet floor": lambda: report_floors.period_floor(
            plan, cabinet_months.first, cabinet_months.last
        ),
        "cabinet json": lambda: json.dumps(period_report_json(cabinet())),
        "cabinet html": lambda: document_html(period_report_document(cabinet())),
        "commissioners floor": lambda: report_floors.period_floor(
            plan, commissioners_months.first, commissioners_months.last
        ),
        "commissioners json": lambda: json.dumps(period_report_json(commissioners())),
        "commissioners html": lambda: document_html(period_report_document(commissioners())),
    }


def floors_check(plan) -> dict[str, bool]:
    """Whether each floor's rows give the figures its report built (compared, not timed)."""
    from planwatch.reports.period.build import period_report_build
    from planwatch.reports.theme_summary.build import theme_summary_build

    codes = {theme.pk: theme.code for theme in plan.themes.all()}
    summary = theme_summary_build(plan=plan, month=MONTH)
    checks = {
        "summary": report_floors.summary_matches(
            report_floors.summary_floor(plan, MONTH), summary, codes
        )
    }
    for kind, months in (("cabinet", 3), ("commissioners", 6)):
        report = period_report_build(plan=plan, end_month=MONTH, months=months)
        rows, main = report_floors.period_floor(plan, report.coverage.first, report.coverage.last)
        checks[kind] = report_floors.period_matches(rows, main, report, codes)
    return checks


def measure(function, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    try:
        with CaptureQueriesContext(connection) as queries:  # the first run also warms up
            function()
        count = len(queries.captured_queries)
        times = [timed(function)[1] for _ in range(runs)]
    except Exception as error:  # a report being built right now may fail; say so, go on
        return {"error": f"error: {type(error).__name__}: {error}"[:120]}
    return {"queries": count, "median_s": statistics.median(times), "runs_s": times}


def plan_measure(plan, runs: int) -> dict:
    figures = {label: measure(function, runs) for label, function in makers(plan).items()}
    for label, entry in figures.items():
        base = figures[FLOOR_OF[label.split()[0]]].get("median_s")
        if "median_s" in entry and base:
            entry["floor_ratio"] = entry["median_s"] / base
    figures["floor_matches"] = floors_check(plan)
    return figures


def bench(args, work: Path) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from planwatch.accounts.demo import demo_users_create
    from planwatch.imports.services import tracker_import
    from planwatch.plans.models import Action, Plan, ProgressUpdate

    figures: dict = {"actions": args.actions, "months": args.months, "runs": args.runs}
    version = ".".join(map(str, connection.get_database_version()))
    figures["database"] = f"{connection.vendor} {version}"
    figures["machine"] = f"{os.cpu_count()} cores, Python {platform.python_version()}"
    figures["load_before"] = round(os.getloadavg()[0], 1)
    say(f"database: {figures['database']}; {figures['machine']}; load {figures['load_before']}")

    call_command("migrate", verbosity=0)
    reused = Plan.objects.filter(name__in=(SMALL, LARGE)).count() == 2
    if reused:  # --keep: the plans of an earlier run with the same --actions and --months
        figures["import_s"] = 0.0
    else:
        workbook = work / f"tracker-{args.actions}x{args.months}.xlsx"
        tracker_write(workbook, actions=args.actions, months=args.months, seed=args.seed)
        Plan.objects.filter(name__in=(SMALL, LARGE)).delete()
        demo_users_create()
        start = time.perf_counter()
        tracker_import(path=workbook, plan_name=LARGE)
        tracker_import(path=SAMPLE, plan_name=SMALL)
        figures["import_s"] = time.perf_counter() - start
    sizes = {}
    for name in (SMALL, LARGE):
        actions = Action.objects.filter(plan__name=name).count()
        updates = ProgressUpdate.objects.filter(action__plan__name=name, month=MONTH).count()
        sizes[name] = {"actions": actions, "october_updates": updates}
    figures["sizes"] = sizes
    say(f"{'reused' if reused else 'imported'} both plans in {figures['import_s']:.1f} s: {sizes}")
    figures["plans"] = {}
    for name in (SMALL, LARGE):
        say(f"measuring {name} ...")
        figures["plans"][name] = plan_measure(Plan.objects.get(name=name), args.runs)
    figures["load_after"] = round(os.getloadavg()[0], 1)
    return figures


def cell(entry: dict) -> str:
    if "error" in entry:
        return entry["error"][:40]
    return (
        f"{entry['median_s'] * 1000:9.1f} ms {entry['queries']:3d} q {entry['floor_ratio']:7.1f}x"
    )


def report(figures: dict) -> None:
    small, large = figures["plans"][SMALL], figures["plans"][LARGE]
    sizes = figures["sizes"]
    say(
        f"\n{figures['database']}; {figures['machine']}; load {figures['load_before']} -> "
        f"{figures['load_after']}; median of {figures['runs']} runs after one warm-up"
    )
    say(
        f"sample: {sizes[SMALL]['actions']:,} actions; synthetic: {sizes[LARGE]['actions']:,} "
        f"actions x {figures['months']} months ({sizes[LARGE]['october_updates']:,} October "
        "updates). Columns: time, SQL queries, ratio to the floor."
    )
    say(f"  {'figure':<19} {'sample plan':<32} {'synthetic plan':<32} same queries")
    verdicts = {}
    for label in small:
        if label == "floor_matches":
            continue
        s, b = small[label], large[label]
        same = "queries" in s and "queries" in b and s["queries"] == b["queries"]
        verdicts[label] = same
        say(f"  {label:<19} {cell(s):<32} {cell(b):<32} {'yes' if same else 'NO'}")
    figures["query_count_independent"] = all(verdicts.values())
    say(f"query count independent of plan size: {'yes' if all(verdicts.values()) else 'NO'}")
    for kind in FLOOR_OF:
        matches = [figures["plans"][name]["floor_matches"][kind] for name in (SMALL, LARGE)]
        answer = "yes" if all(matches) else "NO"
        say(f"{kind} floor gives the report's own figures, on both plans: {answer}")
    for label, entry in large.items():
        if label.endswith(("json", "html")) and "floor_ratio" in entry:
            met = "met" if entry["floor_ratio"] <= GOAL_RATIO else "MISSED"
            say(f"{label} on the synthetic plan: {entry['floor_ratio']:.2f}x its floor "
                f"(goal <= {GOAL_RATIO:.0f}x: {met})")  # fmt: skip


def main() -> None:
    args = arguments()
    # Its own throwaway PostgreSQL database, so it can run beside bench/import_bench.py.
    import_bench.BENCH_DB = "planwatch_report_bench"
    if args.keep and args.database_url:
        raise SystemExit("--keep works with SQLite only")
    with tempfile.TemporaryDirectory(prefix="planwatch-report-bench-") as temp:
        work = Path(temp)
        data = work / "data"
        if args.keep:
            data = args.keep / f"{args.actions}x{args.months}"
            data.mkdir(parents=True, exist_ok=True)
        postgres = django_setup(args, data)
        try:
            figures = bench(args, work)
        finally:
            if postgres:
                postgres.drop()
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
        say(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
