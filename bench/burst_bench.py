"""Burst benchmark: update owners submitting at once through `planwatch serve`.

    .venv/bin/python bench/burst_bench.py [--owners 8] [--submissions 10] [--rounds 3]
        [--workers 4] [--database-url postgres://postgres@127.0.0.1:5432/test]

Each owner is a thread that signs in through the form, then sends a form GET and its POST per
action, as a browser does (the harness is `tests/concurrency/owner_burst.py`, shared with the
test that proves no request fails). It prints requests per second and server errors for the
embedded SQLite file and, given a PostgreSQL server, for each way of holding connections:
a new connection per request (CONN_MAX_AGE 0), persistent connections with health checks
(CONN_MAX_AGE 600), and psycopg's pool (if `psycopg_pool` is installed). The configurations
take turns round by round, so the machine's noise falls on all of them alike; medians print.
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
from tests.concurrency.owner_burst import month_cleared, owner_burst, prepare, served  # noqa: E402

BENCH_DB = "planwatch_burst_bench"
GOAL_ERRORS = 0
POOL_SETTINGS = """from planwatch.settings.production import *  # noqa: F403
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 2, "max_size": 4}
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owners", type=int, default=8)
    parser.add_argument("--submissions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", help="PostgreSQL server URL (adds PostgreSQL rows)")
    return parser.parse_args()


def configurations(args, work: Path) -> list[tuple[str, str, dict]]:
    """(label, database URL, extra environment) for each configuration measured."""
    found = [("SQLite (WAL, IMMEDIATE)", f"sqlite:///{work / 'burst.sqlite3'}", {})]
    if not args.database_url:
        return found
    url = urlsplit(args.database_url)._replace(path=f"/{BENCH_DB}").geturl()
    found += [
        ("PostgreSQL, new connection per request", url, {"PLANWATCH_DB_CONN_MAX_AGE": "0"}),
        ("PostgreSQL, kept 600 s + health checks", url, {"PLANWATCH_DB_CONN_MAX_AGE": "600"}),
    ]
    try:
        import psycopg_pool  # noqa: F401
    except ImportError:
        print("psycopg pool: not measured (psycopg_pool is not installed)")
        return found
    (work / "pool_settings.py").write_text(POOL_SETTINGS)
    pool_env = {
        "DJANGO_SETTINGS_MODULE": "pool_settings",
        "PYTHONPATH": os.pathsep.join([str(work), str(REPO)]),
    }
    return [*found, ("PostgreSQL, psycopg pool (2-4 per worker)", url, pool_env)]


def postgres_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


def main() -> None:
    args = arguments()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="planwatch-burst-") as work_dir:
        work = Path(work_dir)
        if args.database_url:
            postgres_admin(args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
            postgres_admin(args.database_url, f"CREATE DATABASE {BENCH_DB}")
        try:
            run(args, work)
        finally:
            if args.database_url:
                postgres_admin(
                    args.database_url, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"
                )
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


def run(args, work: Path) -> None:
    setups = configurations(args, work)
    prepared = {}
    for _, url, _ in setups:
        if url not in prepared:
            prepared[url] = prepare(work, url, args.owners, args.submissions)
    results: dict[str, list] = {label: [] for label, _, _ in setups}
    for _ in range(args.rounds):
        for label, url, extra in setups:
            month_cleared(url)
            with served(work, url, args.workers, extra) as (port, _):
                results[label].append(owner_burst(port, prepared[url]))
    requests = args.owners * 2 * args.submissions
    print(
        f"\n{args.owners} owners x {args.submissions} submissions (form GET + POST), "
        f"{requests} timed requests per burst (signing in is not timed), "
        f"`planwatch serve --workers {args.workers}`, "
        f"median of {args.rounds} rounds\n"
    )
    print(f"| {'configuration':44} | req/s | burst s | server errors | stored | goal: 0 errors |")
    print(f"|{'-' * 46}|------:|--------:|--------------:|-------:|:--------------:|")
    for label, bursts in results.items():
        errors = sum(burst.server_errors + len(burst.failures) for burst in bursts)
        seconds = statistics.median(burst.seconds for burst in bursts)
        rate = statistics.median(requests / burst.seconds for burst in bursts)
        stored = min(len(burst.submitted) for burst in bursts)
        met = "met" if errors == GOAL_ERRORS else "NOT met"
        print(
            f"| {label:44} | {rate:5.0f} | {seconds:7.2f} | {errors:13} | {stored:6} | {met:^14} |"
        )


if __name__ == "__main__":
    main()
