"""Import, export and page benchmark on a synthetic 10,000-action, 36-month tracker.

    .venv/bin/python bench/import_bench.py [--actions 10000] [--months 36] [--runs 3]
        [--database-url postgres://postgres@127.0.0.1:5432/test] [--json FILE] [--profile FILE]

Goals: the first import of 10k actions x 36 months takes under 30 s on 2 cores with a peak
memory under 1 GB, and every page costs the same number of SQL queries on the small sample
plan as on the large plan.
Runs against a throwaway database: a temporary SQLite file, or with --database-url a
dedicated PostgreSQL database (planwatch_bench) created and dropped on that server.
"""

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
from synthetic_tracker import tracker_write  # noqa: E402

SAMPLE = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"
GOAL_SECONDS = 30.0
GOAL_RSS_MB = 1024.0
BENCH_DB = "planwatch_bench"
LARGE, SMALL = "Bench plan (synthetic)", "Improvement Plan (sample)"
# (label, URL names to try in turn, kwargs): the theme page was first named "plans:theme".
PAGES = [
    ("overview", ["plans:overview"], {}),
    ("action list", ["plans:action_list"], {}),
    ("theme page", ["plans:theme_detail", "plans:theme"], {"code": "OC"}),
    ("action page", ["plans:action_detail"], {"ref": "OC.A1.0"}),
]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--runs", type=int, default=3, help="page timings: median of N runs")
    parser.add_argument("--seed", type=int, default=20221031)
    parser.add_argument("--database-url", help="PostgreSQL server to create planwatch_bench on")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--profile", type=Path, help="cProfile the first import into this file")
    parser.add_argument("--debug", action="store_true", help="keep DEBUG=True (logs every SQL)")
    return parser.parse_args()


def say(text: str = "") -> None:
    print(text, flush=True)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, plus its children's (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def timed_import(figures: dict, name: str, **kwargs):
    """Wall seconds, and this process's CPU seconds: others' load inflates only the former."""
    from planwatch.imports.services import tracker_import

    cpu = time.process_time()
    summary, figures[f"{name}_s"] = timed(tracker_import, **kwargs)
    figures[f"{name}_cpu_s"] = time.process_time() - cpu
    return summary


class PostgresDatabase:
    """Creates planwatch_bench on the server named by the URL and drops it afterwards."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.psycopg, self.admin_url = psycopg, url
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql"} or parts.path.strip("/") == BENCH_DB:
            raise SystemExit(f"--database-url must be a PostgreSQL URL not naming {BENCH_DB}")
        self.bench_url = parts._replace(path=f"/{BENCH_DB}").geturl()

    def _run(self, sql: str) -> None:
        with self.psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self) -> str:
        self._run(f"DROP DATABASE IF EXISTS {BENCH_DB}")  # left over from an interrupted run
        self._run(f"CREATE DATABASE {BENCH_DB}")
        return self.bench_url

    def drop(self) -> None:
        from django.db import connections

        connections.close_all()
        self._run(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def django_setup(args, data_dir: Path) -> PostgresDatabase | None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "planwatch.settings.dev"
    os.environ["PLANWATCH_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)
    postgres = PostgresDatabase(args.database_url) if args.database_url else None
    if postgres:
        os.environ["DATABASE_URL"] = postgres.create()
    import django
    from django.conf import settings

    django.setup()
    # Production runs with DEBUG off; with it on Django keeps every SQL string it sends.
    settings.DEBUG = args.debug
    return postgres


def page_measure(client, plan_name: str, names: list[str], kwargs: dict, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    for name in names:
        try:
            url = f"{reverse(name, kwargs=kwargs)}?{urlencode({'plan': plan_name})}"
            break
        except NoReverseMatch:
            continue
    else:
        return {"error": "n/a (no such page)"}
    try:
        with CaptureQueriesContext(connection) as queries:  # first request also warms up
            response = client.get(url)
        count = len(queries.captured_queries)  # read now: the next request clears the log
        times = [timed(client.get, url)[1] for _ in range(runs)]
    except Exception as error:  # a page being built right now may crash; report, go on
        return {"url": url, "error": f"error: {type(error).__name__}: {error}"[:120]}
    return {
        "url": url,
        "url_name": name,
        "status": response.status_code,
        "queries": count,
        "median_s": statistics.median(times),
        "kb": round(len(response.content) / 1024),
    }


def pages_measure(plan_name: str, runs: int) -> dict[str, dict]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="pmo"))
    return {
        label: page_measure(client, plan_name, names, kwargs, runs)
        for label, names, kwargs in PAGES
    }


def print_profile(profile: cProfile.Profile, path: Path) -> None:
    profile.dump_stats(path)
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(r"planwatch", 30)


def bench(args, work: Path) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from planwatch.accounts.demo import demo_users_create
    from planwatch.imports.services import tracker_import
    from planwatch.plans.export import plan_export
    from planwatch.plans.models import Action, Plan, ProgressUpdate

    figures: dict = {"actions": args.actions, "months": args.months, "runs": args.runs}
    figures["profiled"] = bool(args.profile)
    version = ".".join(map(str, connection.get_database_version()))
    figures["database"] = f"{connection.vendor} {version}"
    figures["machine"] = f"{os.cpu_count()} cores, Python {platform.python_version()}"
    figures["load_before"] = round(os.getloadavg()[0], 1)
    say(f"database: {figures['database']}; {figures['machine']}; load {figures['load_before']}")

    workbook = work / f"tracker-{args.actions}x{args.months}.xlsx"
    facts, figures["generate_s"] = timed(
        tracker_write, workbook, actions=args.actions, months=args.months, seed=args.seed
    )
    figures["file_mb"] = round(workbook.stat().st_size / 1e6, 1)
    say(
        f"generated {workbook.name} in {figures['generate_s']:.1f} s: {figures['file_mb']} MB, "
        f"{facts.main_actions} of the actions main, {facts.filled_months} action-months filled"
    )

    call_command("migrate", verbosity=0)
    demo_users_create()

    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    first = timed_import(figures, "import", path=workbook, plan_name=LARGE)
    if profile:
        profile.disable()
        print_profile(profile, args.profile)
    say(
        f"first import: {figures['import_s']:.1f} s (CPU {figures['import_cpu_s']:.1f} s)"
        f"{' under cProfile' if profile else ''}: {first.actions_created} actions and "
        f"{first.updates_created} updates created; warnings {first.warnings_by_category}"
    )
    again = timed_import(figures, "reimport", path=workbook, plan_name=LARGE)
    changed = again.actions_created + again.actions_updated
    changed += again.updates_created + again.updates_changed
    say(
        f"re-import: {figures['reimport_s']:.1f} s (CPU {figures['reimport_cpu_s']:.1f} s): "
        f"{again.actions_unchanged} actions and {again.updates_unchanged} updates unchanged, "
        f"{changed} created or changed"
    )
    # Read before the export, whose 190 MB of JSON is not the import's: the peak so far covers
    # writing the workbook, which is far smaller than either import.
    figures["import_peak_rss_mb"] = peak_rss_mb()
    figures["reimport_idempotent"] = not changed and (
        (again.actions_unchanged, again.updates_unchanged)
        == (first.actions_created, first.updates_created)
    )
    figures["updates"] = ProgressUpdate.objects.filter(action__plan__name=LARGE).count()
    figures["rows_per_s"] = Action.objects.filter(plan__name=LARGE).count() / figures["import_s"]
    figures["updates_per_s"] = figures["updates"] / figures["import_s"]
    figures["import_goal_ratio"] = figures["import_s"] / GOAL_SECONDS

    plan = Plan.objects.get(name=LARGE)
    text, figures["export_s"] = timed(lambda: json.dumps(plan_export(plan=plan)))
    figures["export_mb"] = round(len(text.encode()) / 1e6, 1)
    del text
    say(f"export json: {figures['export_s']:.1f} s, {figures['export_mb']} MB")

    _, figures["sample_import_s"] = timed(tracker_import, path=SAMPLE, plan_name=SMALL)
    figures["load_after"] = round(os.getloadavg()[0], 1)
    figures["pages"] = {
        SMALL: pages_measure(SMALL, args.runs),
        LARGE: pages_measure(LARGE, args.runs),
    }
    return figures


def page_cell(page: dict) -> str:
    if "error" in page:
        return page["error"]
    flag = "" if page["status"] == 200 else f" HTTP {page['status']}"
    return f"{page['median_s'] * 1000:8.0f} ms {page['queries']:3d} q{flag}"


def report(figures: dict) -> None:
    small, large = figures["pages"][SMALL], figures["pages"][LARGE]
    both = [label for label, *_ in PAGES if "queries" in small[label] and "queries" in large[label]]
    same = all(small[label]["queries"] == large[label]["queries"] for label in both)
    figures["query_count_independent"] = same if both else None
    answer = "yes" if both and same else "no" if both else "n/a (no pages)"
    say(f"\nPages (median of {figures['runs']} runs after one warm-up; q = SQL queries)")
    say(f"  {'page':<12} {'sample plan':<28} {'large plan':<28}")
    for label, *_ in PAGES:
        say(f"  {label:<12} {page_cell(small[label]):<28} {page_cell(large[label]):<28}")
    say(f"query count independent of plan size: {answer}")

    f = figures
    verdict = "met" if f["import_s"] <= GOAL_SECONDS else "MISSED"
    verdict = "profiled, not comparable" if f["profiled"] else verdict
    rss = f["import_peak_rss_mb"]
    memory = "met" if rss <= GOAL_RSS_MB else "MISSED"
    idempotent = "yes" if f["reimport_idempotent"] else "NO"
    load = f"load {f['load_before']} -> {f['load_after']}"
    rows = [
        ("database", f["database"], f"{f['machine']}; {load}"),
        ("size", f"{f['actions']:,} x {f['months']}", "actions x months"),
        ("file generation", f"{f['generate_s']:.1f} s", f"{f['file_mb']} MB"),
        ("first import", f"{f['import_s']:.1f} s", f"{f['import_goal_ratio']:.2f} x the 30 s "
         f"goal ({verdict}); CPU {f['import_cpu_s']:.1f} s of this process"),
        ("peak memory", f"{rss:,.0f} MB", f"{rss / GOAL_RSS_MB:.2f} x the 1 GB goal ({memory}); "
         "peak RSS of the bench after both imports"),
        ("rows / second", f"{f['rows_per_s']:,.0f}", "tracker rows (actions)"),
        ("updates / second", f"{f['updates_per_s']:,.0f}", f"{f['updates']:,} monthly updates"),
        ("re-import", f"{f['reimport_s']:.1f} s", f"{f['reimport_s'] / f['import_s']:.2f} x "
         f"first import; idempotent: {idempotent}"),
        ("export json", f"{f['export_s']:.1f} s", f"{f['export_mb']} MB"),
        ("sample import", f"{f['sample_import_s']:.2f} s", SAMPLE.name),
    ]  # fmt: skip
    for label, *_ in PAGES:
        s, b = small[label], large[label]
        if label in both:
            ratio = f"{b['median_s'] / s['median_s']:.1f} x sample"
            note = f"{ratio}; queries {s['queries']} small vs {b['queries']} large"
            rows.append((label, f"{b['median_s'] * 1000:.0f} ms", note))
        else:
            rows.append((label, "n/a", b.get("error") or s.get("error")))
    rows.append(("same query count", answer, "small vs large plan, every page"))
    say("\nSummary")
    for label, value, note in rows:
        say(f"  {label:<18} {value:>12}   {note}")


def main() -> None:
    args = arguments()
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as temp:
        work = Path(temp)
        postgres = django_setup(args, work / "data")
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
