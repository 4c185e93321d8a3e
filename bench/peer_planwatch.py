"""planwatch's side of the peer benchmark: a seeded throwaway database and `planwatch serve`.

The database is set up with import_bench's helpers (the same migrate, demo users and import
path its figures come from). PostgreSQL is seeded in the benchmark's own process, which keeps
Django loaded to profile a request against it; the SQLite file is seeded by running this
module as a child, since one process can only configure Django once:

    .venv/bin/python bench/peer_planwatch.py DATA_DIR [--actions 300] [--months 12]
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]
import import_bench  # noqa: E402
from peer_http import HTTPFail, Session, form_inputs  # noqa: E402
from synthetic_tracker import tracker_write  # noqa: E402

from tests.concurrency.owner_burst import free_port  # noqa: E402

# Our own database name: import_bench's planwatch_bench is dropped by any import_bench run
# on the same server, which another engineer may start while this benchmark runs.
PEER_DB = "planwatch_peer_bench"
PLAN_NAME = "Peer bench plan (synthetic)"
SECRET_KEY = "peer-bench-only-" + "x" * 50
# Loopback stands in for the TLS-terminating proxy production settings expect.
HTTPS_PROXIED = {"X-Forwarded-Proto": "https"}


def django_setup(database_url: str | None, data_dir: Path):
    """Django on dev settings against PEER_DB on that server, or a SQLite file in data_dir."""
    import_bench.BENCH_DB = PEER_DB
    args = argparse.Namespace(database_url=database_url, debug=False)
    return import_bench.django_setup(args, data_dir)


def seed(work: Path, actions: int, months: int) -> dict:
    """The synthetic plan, imported; the demo users; and this month's update cycle open, so
    the update form can be written. Returns what the benchmark needs to address the pages."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from planwatch.accounts.demo import demo_users_create
    from planwatch.domain.statuses import Status
    from planwatch.imports.services import tracker_import
    from planwatch.plans.models import Action, Lifecycle, Plan
    from planwatch.updates.services import UPDATE_STATUSES, cycle_open

    call_command("migrate", verbosity=0)
    demo_users_create()
    workbook = work / f"peer-tracker-{actions}x{months}.xlsx"
    tracker_write(workbook, actions=actions, months=months)
    started = time.perf_counter()
    tracker_import(path=workbook, plan_name=PLAN_NAME)
    import_s = time.perf_counter() - started
    plan = Plan.objects.get(name=PLAN_NAME)
    today = timezone.localdate()
    pmo = get_user_model().objects.get(username="pmo")
    cycle = cycle_open(user=pmo, plan=plan, month=today.replace(day=1), deadline=today, today=today)
    live = (
        Action.objects.filter(plan=plan, lifecycle=Lifecycle.LIVE)
        .annotate(months=Count("updates"))
        .order_by("-months", "pk")
    )
    refs = [(action.ref, action.months) for action in live]
    return {
        "plan": PLAN_NAME,
        "actions": Action.objects.filter(plan=plan).count(),
        "import_s": round(import_s, 2),
        "cycle": cycle.pk,
        # The fullest history first: the one-item rows show an action with every month.
        "refs": [ref for ref, _ in refs],
        "detail_months": refs[0][1],
        # Closed needs evidence on submit; keep the drafts to statuses an owner can always use.
        "statuses": [s.value for s in UPDATE_STATUSES if s != Status.CLOSED],
    }


def server_env(database_url: str, data_dir: Path) -> dict[str, str]:
    """Production settings, as `planwatch serve` runs them, on the given database."""
    leaky = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PLANWATCH_DATA_DIR"}
    env = {key: value for key, value in os.environ.items() if key not in leaky}
    return {
        **env,
        "DATABASE_URL": database_url,
        "PLANWATCH_DATA_DIR": str(data_dir),
        "PLANWATCH_SECRET_KEY": SECRET_KEY,
        "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PLANWATCH_LOG_LEVEL": "ERROR",
    }


def serve(env: dict[str, str], workers: int, threads: int, log: Path):
    """Start `planwatch serve` and wait for its login page: (process, base URL)."""
    port = free_port()
    command = [sys.executable, "-m", "planwatch.cli", "serve", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--threads", str(threads)]
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log.open("w")
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            # As from the TLS proxy production expects; without it, a redirect to https.
            probe = urllib.request.Request(f"{url}/login/", headers=HTTPS_PROXIED)
            urllib.request.urlopen(probe, timeout=5).read()
            return process, url
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise SystemExit(f"planwatch serve did not start: see {log}") from None
            time.sleep(0.5)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Planwatch:
    name = "planwatch"

    def __init__(self, url: str, seeded: dict, user: str = "pmo"):
        self.url, self.seeded, self.user = url, seeded, user
        self.items, self.count = seeded["refs"], seeded["actions"]
        # Django checks a secure request's Origin against its own host.
        self.headers = {**HTTPS_PROXIED, "Origin": "https://" + url.split("//", 1)[1]}

    def session(self) -> Session:
        from planwatch.accounts.demo import demo_password

        session = Session(self.url, self.headers)
        token = form_inputs(session.get("/login/"))["csrfmiddlewaretoken"]
        form = {"csrfmiddlewaretoken": token, "username": self.user}
        form["password"] = demo_password(self.user)
        status, headers, _ = session.request("POST", "/login/", form=form, follow=False)
        if status != 302 or "/login/" in headers.get("Location", ""):
            raise HTTPFail(f"planwatch sign-in failed: {status}")
        return session

    def list_paths(self) -> list[str]:
        from planwatch.plans.views import ACTIONS_PER_PAGE

        pages = -(-self.count // ACTIONS_PER_PAGE)
        return [f"/actions/?page={n}" for n in range(1, pages + 1)]

    @staticmethod
    def list_rows(html: bytes) -> int:
        return html.count(b'<tr class="govuk-table__row">') - 1  # less the header row

    def item_path(self, index: int) -> str:
        return f"/actions/{self.items[index]}/"

    def edit(self, session: Session, index: int, n: int) -> tuple[float, float]:
        """GET the month's update form, POST a status and commentary as a draft (repeatable,
        where submitting would close the update to its owner): (GET s, POST s)."""
        path = f"/cycles/{self.seeded['cycle']}/actions/{self.items[index]}/"
        started = time.perf_counter()
        fields = form_inputs(session.get(path))
        got = time.perf_counter()
        statuses = self.seeded["statuses"]
        form = {
            "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
            "version": fields["version"],
            "status": statuses[n % len(statuses)],
            "commentary": f"Benchmark update {n}: progress note.",
        }
        status, headers, body = session.request("POST", path, form=form, follow=False)
        posted = time.perf_counter()
        if status != 302 or headers.get("Location") != path:
            raise HTTPFail(f"planwatch update of {path} -> {status}: {body[:200]!r}")
        return got - started, posted - got


def main() -> None:
    parser = argparse.ArgumentParser(description="seed a SQLite planwatch for the benchmark")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()
    django_setup(None, args.data_dir)
    print(json.dumps(seed(args.data_dir, args.actions, args.months)))


if __name__ == "__main__":
    main()
