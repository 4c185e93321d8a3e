"""planwatch against Redmine 5.0.4, like for like, interleaved, as ratios.

    .venv/bin/python bench/peer_bench.py [--runs 7] [--json FILE]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--redmine-dir /work/shared/peers/redmine] [--redmine-project IDENT]

Both products run on the same PostgreSQL server at the same concurrency (2 workers x 5
threads: Redmine's Puma as start_redmine.sh runs it, planwatch's gunicorn gthread), hold the
same 300 items x 12 monthly updates, and are driven through their HTML pages by a person
signed in through the login form. Each row alternates Redmine, planwatch, Redmine, ... and
reports medians, so the shared machine's load lands on both alike. See bench/README.md.
"""

import argparse
import concurrent.futures as cf
import itertools
import json
import os
import platform
import queue
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
import peer_planwatch  # noqa: E402
import peer_redmine  # noqa: E402
from peer_http import page_weight  # noqa: E402
from peer_planwatch import Planwatch  # noqa: E402
from peer_redmine import Redmine  # noqa: E402
from peer_report import profile_missed, report  # noqa: E402

WORKERS, THREADS = 2, 5  # Puma's -w 2 -t 5:5 in start_redmine.sh


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="median of N interleaved runs")
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--burst", type=int, default=200, help="updates in the burst")
    parser.add_argument("--burst-threads", type=int, default=8)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="PostgreSQL server for planwatch's throwaway database (only used to connect)",
    )
    parser.add_argument("--redmine-url", default="http://127.0.0.1:3000")
    # The shared, read-only Redmine scripts sit beside the repository: /work/shared/peers/redmine.
    parser.add_argument("--redmine-dir", type=Path, default=REPO.parent / "shared/peers/redmine")
    parser.add_argument("--redmine-project", help="re-time this seeded project, skip seeding")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args()


def say(text: str = "") -> None:
    print(text, flush=True)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def seconds(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def interleaved(runs: int, pair: dict) -> dict[str, list[float]]:
    """Run each product's measurement in turn, `runs` times: A, B, A, B, ..."""
    times = {name: [] for name in pair}
    for _ in range(runs):
        for name, measure in pair.items():
            result = measure()
            times[name].append(result)
    return times


def numbered(function):
    """Pass each call the next number, so every update writes a different note."""
    count = itertools.count(1)
    return lambda: function(next(count))


def median_ms(values) -> float:
    return round(statistics.median(values) * 1000, 1)


def burst(product, sessions: list, count: int, threads: int) -> dict:
    """`count` GET+POST updates of distinct items from `threads` threads, each thread a
    person signed in beforehand (sign-in is not timed)."""
    people = queue.Queue()
    for session in sessions:
        people.put(session)

    def update(n: int):
        session = people.get()
        try:
            product.edit(session, n % len(product.items), n)
            return None
        except Exception as error:  # counted and sampled, so one failure does not end the run
            return f"{type(error).__name__}: {error}"[:200]
        finally:
            people.put(session)

    started = time.perf_counter()
    with cf.ThreadPoolExecutor(threads) as pool:
        errors = [e for e in pool.map(update, range(count)) if e]
    wall = time.perf_counter() - started
    return {"wall_s": wall, "errors": len(errors), "error_samples": errors[:3]}


def burst_summary(runs: list[dict], count: int) -> dict:
    wall = statistics.median(run["wall_s"] for run in runs)
    return {
        "median_s": round(wall, 2),
        "updates_per_s": round(count / wall, 1),
        "requests_per_s": round(2 * count / wall, 1),  # each update is a GET and a POST
        "errors": sum(run["errors"] for run in runs),
        "error_samples": [e for run in runs for e in run["error_samples"]][:3],
        "runs_s": [round(run["wall_s"], 2) for run in runs],
    }


def compare(args, products: list) -> dict:
    """Every like-for-like row, each product in turn within each run."""
    rows = {}
    by_name = {product.name: product for product in products}
    sessions = {p.name: p.session() for p in products}
    listed = {}
    for p in products:  # warm-up (templates, caches, connections), and the list's rows counted
        listed[p.name] = sum(p.list_rows(sessions[p.name].get(path)) for path in p.list_paths())
        sessions[p.name].get(p.item_path(0))
        p.edit(sessions[p.name], 1, 0)
    say(f"  rows on the list pages: {listed}")
    say(f"  sign in ({args.runs} runs)")
    rows["sign_in"] = interleaved(
        args.runs, {p.name: lambda p=p: seconds(p.session) for p in products}
    )

    def list_all(p):
        return lambda: seconds(lambda: [sessions[p.name].get(path) for path in p.list_paths()])

    say("  list of all items")
    rows["list"] = interleaved(args.runs, {p.name: list_all(p) for p in products})
    say("  one item with its history")
    rows["item"] = interleaved(
        args.runs,
        {p.name: lambda p=p: seconds(sessions[p.name].get, p.item_path(0)) for p in products},
    )
    say("  edit form GET and POST")
    edits = interleaved(
        args.runs,
        {p.name: numbered(lambda n, p=p: p.edit(sessions[p.name], 1, n)) for p in products},
    )
    rows["edit_get"] = {name: [g for g, _ in times] for name, times in edits.items()}
    rows["edit_post"] = {name: [p for _, p in times] for name, times in edits.items()}
    figures = {key: {name: median_ms(v) for name, v in row.items()} for key, row in rows.items()}
    figures["list_rows"] = listed
    # Before the burst adds its updates to the item measured.
    figures["page_weight"] = {
        p.name: page_weight(sessions[p.name], p.item_path(0)) for p in products
    }

    say(f"  burst of {args.burst} updates from {args.burst_threads} threads")
    people = {p.name: [p.session() for _ in range(args.burst_threads)] for p in products}
    bursts = interleaved(
        args.runs,
        {
            p.name: lambda p=p: burst(p, people[p.name], args.burst, args.burst_threads)
            for p in products
        },
    )
    figures["burst"] = {name: burst_summary(runs, args.burst) for name, runs in bursts.items()}

    say("  Redmine's JSON API")
    redmine = by_name["Redmine"]
    api = {
        "api_list": lambda: seconds(redmine.api_list),
        "api_item": lambda: seconds(redmine.api_item, 0),
        "api_update": numbered(lambda n: seconds(redmine.api_update, 1, n)),
    }
    for key, measure in api.items():
        figures[key] = {
            "Redmine": median_ms(interleaved(args.runs, {"Redmine": measure})["Redmine"])
        }
    return figures


def worker_rss(master: int) -> list[dict]:
    """Resident memory of a server's worker processes (the master's children)."""
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = dict(
                line.split(":", 1) for line in (entry / "status").read_text().splitlines()
            )
        except (OSError, ValueError):
            continue
        if int(status["PPid"]) == master:
            kb = int(status["VmRSS"].split()[0])
            workers.append(
                {"pid": int(entry.name), "name": status["Name"].strip(), "mb": kb // 1024}
            )
    return sorted(workers, key=lambda w: w["pid"])


def sqlite_burst(args, work: Path) -> dict:
    """planwatch alone on a SQLite file, `serve --workers 4` (sync): does the burst write
    without "database is locked" errors, as Redmine on SQLite does not?"""
    data = work / "sqlite"
    seeded = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "peer_planwatch.py"),
            str(data),
            "--actions",
            str(args.items),
            "--months",
            str(args.months),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    env = peer_planwatch.server_env(f"sqlite:///{data / 'planwatch.sqlite3'}", data)
    process, url = peer_planwatch.serve(env, workers=4, threads=1, log=work / "sqlite-serve.log")
    try:
        product = Planwatch(url, json.loads(seeded.stdout))
        people = [product.session() for _ in range(args.burst_threads)]
        product.edit(people[0], 0, 0)
        runs = [burst(product, people, args.burst, args.burst_threads) for _ in range(args.runs)]
        figures = burst_summary(runs, args.burst)
        figures["rss"] = worker_rss(process.pid)
    finally:
        peer_planwatch.stop(process)
    return figures


def main() -> None:
    args = arguments()
    figures = {
        "runs": args.runs,
        "burst_size": [args.burst, args.burst_threads],
        "load_start": load(),
        "concurrency": f"{WORKERS} workers x {THREADS} threads",
    }
    figures["machine"] = f"{os.cpu_count()} cores, Python {platform.python_version()}"
    say(f"load average at start: {figures['load_start']}; {figures['machine']}")
    started_redmine = peer_redmine.start(args.redmine_dir, args.redmine_url)
    how = "started by this run" if started_redmine else "already running"
    say(f"Redmine: {how} at {args.redmine_url}")
    with tempfile.TemporaryDirectory(prefix="planwatch-peer-") as temp:
        work = Path(temp)
        postgres = peer_planwatch.django_setup(args.database_url, work / "seed")
        server = None
        try:
            say(f"seeding planwatch: {args.items} actions x {args.months} months")
            seeded = peer_planwatch.seed(work, args.items, args.months)
            figures["planwatch_seed"] = {
                k: seeded[k] for k in ("actions", "import_s", "detail_months")
            }
            say("seeding Redmine through seed_and_time.py (about 2 minutes)")
            seeder = peer_redmine.seed_module(args.redmine_dir, args.redmine_url)
            redmine = Redmine(
                args.redmine_url, seeder, args.redmine_project, args.items, args.months
            )
            figures["redmine_seed"] = {
                "project": redmine.ident,
                "issues": redmine.count,
                "seed_s": redmine.seed_s,
            }
            env = peer_planwatch.server_env(os.environ["DATABASE_URL"], work / "serve")
            server, url = peer_planwatch.serve(env, WORKERS, THREADS, work / "serve.log")
            planwatch = Planwatch(url, seeded)
            say(f"timing {args.runs} interleaved runs a row; both at {figures['concurrency']}")
            figures.update(compare(args, [redmine, planwatch]))
            figures["rss"] = {
                "Redmine": worker_rss(peer_redmine.master_pid()),
                "planwatch": worker_rss(server.pid),
            }
            peer_planwatch.stop(server)
            server = None
            say("planwatch alone on SQLite, serve --workers 4")
            figures["sqlite_burst"] = sqlite_burst(args, work)
            figures["load_end"] = load()
            figures["profile"] = profile_missed(figures, planwatch)
        finally:
            if server:
                peer_planwatch.stop(server)
            if postgres:
                postgres.drop()
            if started_redmine:
                peer_redmine.stop()
    if args.json:  # first, so a mistake in the printout loses no figures
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    report(figures)
    if args.json:
        say(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
