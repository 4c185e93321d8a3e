"""200 update owners submitting their monthly updates at once, against a real server.

Starts gunicorn (`planwatch serve`, production settings) on 127.0.0.1 over a dedicated
PostgreSQL database, signs in N owners, and has them all submit their updates through the
real pages (GET the form, POST it with its CSRF token) from N threads, bounded in time.
Then it checks the database: exactly the updates that were accepted exist, none lost and
none duplicated. Loopback only; the database it creates is dropped afterwards.

    .venv/bin/python bench/cycle_bench.py [--owners 200] [--actions-per-owner 3]
        [--workers 4] [--time-limit 300] [--database-url postgres://postgres@127.0.0.1:5432/test]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.client import HTTPConnection
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from tests.concurrency.owner_burst import free_port  # noqa: E402

BENCH_DB = "planwatch_cycle_bench"
PASSWORD = "bench-owner-password-2022"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


def recreate_database(url: str) -> str:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return urllib.parse.urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def drop_database(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def prepare(owners: int, per_owner: int, data_dir: Path) -> tuple[int, list[tuple[str, list[str]]]]:
    """Migrate, import a synthetic plan, open next month's cycle, give each owner their actions."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from synthetic_tracker import tracker_write

    from planwatch.accounts.models import ActionOwner, OwnerRole, OwnerRoleHolder
    from planwatch.accounts.roles import PMO, UPDATE_OWNER, roles_ensure
    from planwatch.accounts.services import user_create_or_reset
    from planwatch.imports.services import tracker_import
    from planwatch.updates.selectors import action_list_owed, month_end
    from planwatch.updates.services import cycle_open

    call_command("migrate", verbosity=0)
    workbook = data_dir / "bench-tracker.xlsx"
    tracker_write(workbook, actions=owners * per_owner * 4, months=2)
    summary = tracker_import(path=workbook, plan_name="Bench plan")
    plan_month = max(date.fromisoformat(f"{m}-01") for m in summary.updates_per_month)
    month = (plan_month + timedelta(days=32)).replace(day=1)
    pmo = user_create_or_reset(username="bench-pmo", password=PASSWORD, role=PMO)
    from planwatch.plans.models import Plan

    plan = Plan.objects.get(name="Bench plan")
    cycle = cycle_open(
        user=pmo,
        plan=plan,
        month=month,
        deadline=month_end(month) + timedelta(days=14),
        today=month,
    )
    owed = list(action_list_owed(cycle=cycle).order_by("sort_key")[: owners * per_owner])
    if len(owed) < owners * per_owner:
        raise SystemExit(f"only {len(owed)} live actions; ask for fewer owners or actions")
    group = roles_ensure()[UPDATE_OWNER]
    hashed = make_password(PASSWORD)
    people = []
    for n in range(owners):
        user = get_user_model().objects.create(username=f"bench-owner-{n:03d}", password=hashed)
        user.groups.add(group)
        role = OwnerRole.objects.create(
            plan=plan, key=f"bench owner {n:03d}", name=f"Bench owner {n:03d}"
        )
        OwnerRoleHolder.objects.create(owner_role=role, user=user)
        mine = owed[n * per_owner : (n + 1) * per_owner]
        ActionOwner.objects.bulk_create(
            [ActionOwner(action=a, owner_role=role, capacity="update_owner") for a in mine]
        )
        people.append((user.username, [a.ref for a in mine]))
    return cycle.pk, people


@dataclass
class Client:
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    timings: list[tuple[str, int, float]] = field(default_factory=list)

    def request(
        self, kind: str, method: str, path: str, form: dict | None = None
    ) -> tuple[int, str]:
        origin = f"https://127.0.0.1:{self.port}"
        # The server runs production settings behind a pretend TLS proxy, as it would be deployed.
        headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            status = response.status
        finally:
            connection.close()
        self.timings.append((kind, status, time.perf_counter() - started))
        return status, text


def owner_session(
    client: Client, username: str, refs: list[str], cycle: int, start, results
) -> None:
    try:
        status, page = client.request("login_form", "GET", "/login/")
        token = CSRF.search(page).group(1)
        status, _ = client.request(
            "login",
            "POST",
            "/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        )
        if status != 302:
            raise RuntimeError(f"sign-in answered {status}")
        start.wait()
        for ref in refs:
            path = f"/cycles/{cycle}/actions/{ref}/"
            status, page = client.request("form", "GET", path)
            marker = f"bench {username} {ref}"
            status, _ = client.request(
                "submit",
                "POST",
                path,
                {
                    "csrfmiddlewaretoken": CSRF.search(page).group(1),
                    "version": VERSION.search(page).group(1),
                    "status": "on_track",
                    "commentary": f"On track: {marker}.",
                    "submit": "submit",
                },
            )
            results.append((ref, marker, status))
    except Exception as error:  # a failed session is counted, not fatal to the run
        results.append((refs[0] if refs else "?", f"error: {error}", 0))


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--owners", type=int, default=200)
    parser.add_argument("--actions-per-owner", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--time-limit", type=float, default=300)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/test")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="planwatch-cycle-bench-"))
    url = recreate_database(args.database_url)
    env = {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "planwatch.settings.production",
        "PLANWATCH_SECRET_KEY": "bench-only-" + "x" * 50,
        "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
        "PLANWATCH_SSL_REDIRECT": "0",
        "PLANWATCH_DATA_DIR": str(data_dir),
        "PLANWATCH_LOGIN_FAILURE_LIMIT": "1000",
    }
    os.environ.update(env)
    server = None
    try:
        print(f"Preparing: {args.owners} owners x {args.actions_per_owner} actions on {BENCH_DB}")
        cycle, people = prepare(args.owners, args.actions_per_owner, data_dir)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "planwatch.cli",
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
            ],
            env={**os.environ, **env},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                Client(port).request("probe", "GET", "/login/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)

        start = threading.Barrier(len(people) + 1, timeout=args.time_limit)
        results: list[tuple[str, str, int]] = []
        clients = [Client(port) for _ in people]
        threads = [
            threading.Thread(
                target=owner_session, args=(c, u, refs, cycle, start, results), daemon=True
            )
            for c, (u, refs) in zip(clients, people, strict=True)
        ]
        for thread in threads:
            thread.start()
        start.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join(timeout=max(0.0, args.time_limit - (time.perf_counter() - began)))
        elapsed = time.perf_counter() - began
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    from planwatch.plans.models import ProgressUpdate
    from planwatch.updates.models import UpdateCycle

    month = UpdateCycle.objects.get(pk=cycle).month
    accepted = [(ref, marker) for ref, marker, status in results if status == 302]
    rows = list(
        ProgressUpdate.objects.filter(month=month, action__plan__name="Bench plan").values_list(
            "action__ref", "commentary", "state"
        )
    )
    found = {
        (ref, marker)
        for ref, marker in accepted
        for r, text, _ in rows
        if r == ref and marker in text
    }
    lost = len(accepted) - len(found)
    duplicated = len(rows) - len({r for r, _, _ in rows})
    unexpected = len(rows) - len(accepted)
    submits = [t for c in clients for kind, status, t in c.timings if kind == "submit"]
    every = [t for c in clients for kind, status, t in c.timings if kind in {"form", "submit"}]
    failures = [s for _, _, s in results if s != 302]
    figures = {
        "owners": len(people),
        "updates_attempted": len(results),
        "updates_accepted": len(accepted),
        "updates_failed": len(failures),
        "seconds": round(elapsed, 2),
        "submissions_per_second": round(len(accepted) / elapsed, 1),
        "requests_per_second": round(len(every) / elapsed, 1),
        "submit_p50_ms": round(percentile(submits, 50) * 1000),
        "submit_p95_ms": round(percentile(submits, 95) * 1000),
        "submit_p99_ms": round(percentile(submits, 99) * 1000),
        "page_and_submit_p95_ms": round(percentile(every, 95) * 1000),
        "rows_in_database": len(rows),
        "lost": lost,
        "duplicated": duplicated,
        "unexpected_rows": unexpected,
        "gunicorn_workers": args.workers,
    }
    from django.db import connections

    connections.close_all()
    drop_database(args.database_url)
    print(f"\n{'figure':<26}{'value':>12}")
    for name, value in figures.items():
        print(f"{name:<26}{value:>12}")
    verdict = "PASS" if lost == duplicated == unexpected == 0 and not failures else "FAIL"
    print(f"\n0 lost, 0 duplicated, every submission accepted: {verdict}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    sys.exit(0 if verdict == "PASS" else 1)


if __name__ == "__main__":
    main()
