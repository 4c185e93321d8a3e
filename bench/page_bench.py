"""Page benchmark: server time of the pages people open most, on the sample plan.

    .venv/bin/python bench/page_bench.py [--runs 25] [--database-url postgres://…]
        [--profile FILE]

Each page is requested through Django's test client as the demo PMO (no network, no
browser), one warm-up request, then the median and 90th percentile of `--runs`. It also counts
how many Jinja templates the GOV.UK components compiled during the timed requests, which should
be none once every component's template is cached. Goal: the action page under 30 ms median.
"""

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
from import_bench import django_setup, say  # noqa: E402

SAMPLE = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"
GOAL_ACTION_MS = 30.0
PAGES = [
    ("overview", "/"),
    ("theme OC", "/themes/OC/"),
    ("action list (all 295)", "/actions/"),
    ("action OC.A1.2", "/actions/OC.A1.2/"),
    ("my updates", "/cycles/mine/"),
    ("change log", "/changes/"),
]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--database-url", help="PostgreSQL server URL (default: SQLite)")
    parser.add_argument("--profile", type=Path, help="cProfile the action page into FILE")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def load_average() -> str:
    return " ".join(f"{figure:.1f}" for figure in os.getloadavg())


def jinja_compile_counter() -> list[int]:
    """Counts Environment.compile calls: each one is a template compiled during a request."""
    import jinja2

    calls = [0]
    original = jinja2.Environment.compile

    def counting(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    jinja2.Environment.compile = counting
    return calls


def page_time(client, url: str, runs: int, compiles: list[int]) -> dict:
    response = client.get(url)
    if response.status_code != 200:
        return {"error": f"HTTP {response.status_code}"}
    before = compiles[0]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    times.sort()
    return {
        "median_ms": statistics.median(times) * 1000,
        "p90_ms": times[int(len(times) * 0.9) - 1] * 1000,
        "compiles_per_request": (compiles[0] - before) / runs,
        "kb": round(len(response.content) / 1024),
    }


def main() -> None:
    args = arguments()
    with tempfile.TemporaryDirectory(prefix="planwatch-page-bench-") as work:
        postgres = django_setup(args, Path(work))
        try:
            run(args)
        finally:
            if postgres:
                postgres.drop()


def run(args) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from planwatch.accounts.demo import demo_users_create
    from planwatch.imports.services import tracker_import

    call_command("migrate", verbosity=0)
    demo_users_create()
    tracker_import(path=SAMPLE, plan_name="Improvement Plan")
    client = Client()
    client.force_login(get_user_model().objects.get(username="pmo"))
    compiles = jinja_compile_counter()
    say(f"load average at start: {load_average()}")
    say(f"{'page':24} {'median ms':>10} {'p90 ms':>8} {'compiles/req':>13} {'KB':>5}")
    figures = {}
    for label, url in PAGES:
        figures[label] = page = page_time(client, url, args.runs, compiles)
        if "error" in page:
            say(f"{label:24} {page['error']}")
            continue
        say(
            f"{label:24} {page['median_ms']:10.1f} {page['p90_ms']:8.1f} "
            f"{page['compiles_per_request']:13.1f} {page['kb']:5}"
        )
    action = figures["action OC.A1.2"]
    if "median_ms" in action:
        met = "met" if action["median_ms"] < GOAL_ACTION_MS else "NOT met"
        median = action["median_ms"]
        say(f"action page median {median:.1f} ms; goal < {GOAL_ACTION_MS:.0f} ms: {met}")
    say(f"load average at end: {load_average()}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [client.get("/actions/OC.A1.2/") for _ in range(args.runs)])
        profiler.dump_stats(args.profile)
        say(f"profile of {args.runs} action-page requests written to {args.profile}")


if __name__ == "__main__":
    main()
