"""Many update owners submitting at once, through real gunicorn processes, as browsers do.

Shared by `tests/concurrency/test_sqlite_burst.py` (which proves no request fails) and
`bench/burst_bench.py` (which prints requests per second). Nothing here uses Django's test
database: the server processes run production settings on a database of their own, prepared
by the same commands an administrator would run (`migrate`, `load-demo`), plus
`prepare_owners` below, run in a subprocess so the test process's settings stay out of it.
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "demo" / "improvement-plan-tracker-2022-10.xlsx"
PASSWORD = "burst-owner-password-7f3k"
MONTH = "2022-11-01"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "planwatch.settings.production",
    "PLANWATCH_SECRET_KEY": "burst-" + "s3cr3t-k3y-" * 5,
    "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
    "PLANWATCH_SSL_REDIRECT": "0",
}
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Burst:
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    submitted: list[tuple[str, str]] = field(default_factory=list)  # (ref, commentary)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


def _env(data_dir: Path, database_url: str, extra: dict[str, str] | None = None) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    return {
        **base,
        **PRODUCTION_ENV,
        "PLANWATCH_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        **(extra or {}),
    }


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "planwatch.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"planwatch {args[0]} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout


def prepare(data_dir: Path, database_url: str, owners: int, submissions: int) -> dict:
    """The sample plan, a November cycle, and `owners` people each owning `submissions` actions."""
    env = _env(data_dir, database_url)
    _cli(env, "migrate", "--no-input", "-v", "0")
    _cli(env, "load-demo", str(SAMPLE))
    code = (
        "from tests.concurrency.owner_burst import prepare_owners; "
        f"prepare_owners({owners}, {submissions})"
    )
    return json.loads(_cli(env, "shell", "-c", code).strip().splitlines()[-1])


def prepare_owners(owners: int, submissions: int) -> None:
    """Runs inside `planwatch shell`: opens November and gives each owner their own actions."""
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from planwatch.accounts.models import ActionOwner, OwnerCapacity, OwnerRole
    from planwatch.accounts.roles import UPDATE_OWNER
    from planwatch.accounts.services import owner_role_assign
    from planwatch.plans.models import Action, Plan
    from planwatch.updates.services import cycle_open

    plan = Plan.objects.get()
    cycle = cycle_open(
        user=get_user_model().objects.get(username="pmo"),
        plan=plan,
        month=date(2022, 11, 1),
        deadline=date(2022, 11, 14),
        today=date(2022, 11, 1),
    )
    taken: set[int] = set()
    people = []
    for number in range(owners):
        user = get_user_model().objects.create_user(f"burst{number}", password=PASSWORD)
        user.groups.add(Group.objects.get(name=UPDATE_OWNER))
        # A role of the owner's own, holding actions nobody else in the burst writes.
        role = OwnerRole.objects.create(
            plan=plan, key=f"burst owner {number}", name=f"Burst {number}"
        )
        actions = list(
            Action.objects.filter(plan=plan).exclude(pk__in=taken).order_by("ref")[:submissions]
        )
        taken.update(action.pk for action in actions)
        for action in actions:
            ActionOwner.objects.create(
                action=action, owner_role=role, capacity=OwnerCapacity.UPDATE_OWNER
            )
        owner_role_assign(user=user, owner_role=role)
        people.append({"username": user.username, "refs": [a.ref for a in actions]})
    print(json.dumps({"cycle": cycle.pk, "owners": people}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(
    data_dir: Path, database_url: str, workers: int, extra_env: dict[str, str] | None = None
) -> Iterator[tuple[int, int]]:
    """`planwatch serve --workers N` on this database; yields (port, the master's pid)."""
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
            str(workers),
        ],
        env=_env(data_dir, database_url, extra_env),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not _answers(port):
            if server.poll() is not None:
                raise RuntimeError(f"serve exited: {server.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("serve did not answer within 120 s")
            time.sleep(0.3)
        yield port, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/login/")
        return connection.getresponse().status == 200
    except OSError:
        return False


class Browser:
    """One person's keep-alive connection and cookies; http.cookiejar would drop the Secure
    cookies production sets, since this loopback server speaks plain HTTP."""

    def __init__(self, port: int, burst: Burst) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.burst = burst

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes]:
        from urllib.parse import urlencode

        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        self.burst.statuses[response.status] += 1
        if response.status >= 500:
            self.burst.failures.append(f"{method} {path}: HTTP {response.status}")
        return response.status, content

    def form_token(self, path: str) -> str:
        status, page = self.request("GET", path)
        found = CSRF.search(page)
        if status != 200 or not found:
            raise RuntimeError(f"GET {path}: HTTP {status}, no form")
        return found.group(1).decode()

    def sign_in(self, username: str) -> None:
        token = self.form_token("/login/")
        form = {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}
        status, _ = self.request("POST", "/login/", form)
        if status != 302:
            raise RuntimeError(f"{username} could not sign in: HTTP {status}")


def owner_submits(
    port: int, cycle: int, owner: dict, burst: Burst, lock: threading.Lock, start: threading.Barrier
) -> None:
    browser = Browser(port, burst)
    try:
        browser.sign_in(owner["username"])
    except (OSError, RuntimeError, http.client.HTTPException) as error:
        with lock:
            burst.failures.append(f"{owner['username']}: {error}")
    start.wait()
    try:
        for ref in owner["refs"]:
            path = f"/cycles/{cycle}/actions/{ref}/"
            token = browser.form_token(path)
            commentary = f"Burst update by {owner['username']} for {ref}"
            form = {
                "csrfmiddlewaretoken": token,
                "status": "on_track",
                "commentary": commentary,
                "version": "0",
                "submit": "submit",
            }
            status, _ = browser.request("POST", path, form)
            if status == 302:
                with lock:
                    burst.submitted.append((ref, commentary))
    except (OSError, RuntimeError, http.client.HTTPException) as error:
        with lock:
            burst.failures.append(f"{owner['username']}: {error}")


def owner_burst(port: int, prepared: dict) -> Burst:
    """Every owner signs in, then all at once send a form GET + POST per action.

    Signing in is left out of the clock (Argon2 is slow on purpose); its requests still count
    towards the statuses, so a failed sign-in shows."""
    burst, lock = Burst(), threading.Lock()
    owners = prepared["owners"]
    start = threading.Barrier(len(owners) + 1)
    threads = [
        threading.Thread(
            target=owner_submits, args=(port, prepared["cycle"], owner, burst, lock, start)
        )
        for owner in owners
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    burst.seconds = time.perf_counter() - began
    return burst


def month_cleared(database_url: str) -> None:
    """Removes November's updates, so the next burst submits every form afresh at version 0."""
    sql = f"DELETE FROM plans_progressupdate WHERE month = '{MONTH}'"
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            connection.execute(sql)
    else:
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute(sql)


def stored_updates(database_path: Path) -> set[tuple[str, str, str]]:
    """(ref, state, commentary) of every November update, read straight from the SQLite file."""
    import sqlite3

    with sqlite3.connect(database_path) as connection:
        rows = connection.execute(
            "SELECT a.ref, u.state, u.commentary FROM plans_progressupdate u "
            "JOIN plans_action a ON a.id = u.action_id WHERE u.month = ?",
            (MONTH,),
        ).fetchall()
    return set(rows)
