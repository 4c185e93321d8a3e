"""Redmine's side of the peer benchmark: start it, seed it, and drive its pages as a person.

Starting and seeding go through the shared, read-only scripts in /work/shared/peers/redmine
(start_redmine.sh, seed_and_time.py), so Redmine is installed and seeded exactly as its own
README's figures were measured.
"""

import importlib.util
import os
import signal
import subprocess
import time
import urllib.request
from argparse import Namespace
from pathlib import Path

from peer_http import HTTPFail, Session, form_inputs

PIDFILE = Path("/run/redmine-puma.pid")
# start_redmine.sh sets these.
ADMIN = ("admin", "AdminPass123!")
KEY_FILE = Path(os.environ.get("TMPDIR") or "/var/tmp") / "redmine-peer" / "api_key.txt"
# The seed's status ids are Redmine's default data; In Progress, Resolved, Feedback are open
# to an administrator from any status, so every update is accepted.
STATUSES = (2, 3, 4)
PER_PAGE = 50


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def start(script_dir: Path, url: str) -> bool:
    """Use the Redmine already serving `url`, or start one; True if this run started it."""
    if _answers(url + "/login"):
        return False
    subprocess.run(["bash", str(script_dir / "start_redmine.sh")], check=True)
    return True


def stop() -> None:
    os.kill(int(PIDFILE.read_text()), signal.SIGTERM)


def master_pid() -> int:
    return int(PIDFILE.read_text())


def seed_module(script_dir: Path, url: str):
    """seed_and_time.py as a module, pointed at this Redmine with the admin API key."""
    spec = importlib.util.spec_from_file_location("seed_and_time", script_dir / "seed_and_time.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.BASE, module.KEY = url, KEY_FILE.read_text().strip()
    return module


class Redmine:
    name = "Redmine"

    def __init__(self, url: str, seeder, project: str | None, issues: int, journals: int):
        self.url, self.seeder = url, seeder
        if project:  # re-time a project seeded by an earlier run
            self.ident, self.project_id = (
                project,
                seeder.call("GET", f"/projects/{project}.json")["project"]["id"],
            )
            self.seed_s = None
        else:
            started = time.perf_counter()
            args = Namespace(issues=issues, journals=journals, seed_workers=4)
            self.ident, self.project_id, _, _ = seeder.seed(args)
            self.seed_s = round(time.perf_counter() - started, 1)
        listed = self.api_list()
        self.items = [issue["id"] for issue in listed]
        self.count = len(listed)

    # --- pages, as a person signed in through the login form ------------------------------
    def session(self) -> Session:
        session = Session(self.url)
        token = form_inputs(session.get("/login"))["authenticity_token"]
        username, password = ADMIN
        form = {"authenticity_token": token, "username": username, "password": password}
        status, headers, _ = session.request("POST", "/login", form=form, follow=False)
        if status != 302 or "/login" in headers.get("Location", ""):
            raise HTTPFail(f"Redmine sign-in failed: {status}")
        return session

    def list_paths(self) -> list[str]:
        # set_filter + status_id=* : every issue, closed ones too, oldest first.
        pages = -(-self.count // PER_PAGE)
        query = f"set_filter=1&status_id=*&sort=id&per_page={PER_PAGE}"
        return [f"/projects/{self.ident}/issues?{query}&page={n}" for n in range(1, pages + 1)]

    @staticmethod
    def list_rows(html: bytes) -> int:
        return html.count(b'<tr id="issue-')

    def item_path(self, index: int) -> str:
        return f"/issues/{self.items[index]}"

    def edit(self, session: Session, index: int, n: int) -> tuple[float, float]:
        """GET the edit form, POST a journal note and a status: (GET s, POST s)."""
        path = self.item_path(index)
        started = time.perf_counter()
        fields = form_inputs(session.get(f"{path}/edit"))
        got = time.perf_counter()
        form = {
            "_method": "patch",
            "authenticity_token": fields["authenticity_token"],
            "issue[lock_version]": fields["issue[lock_version]"],
            "last_journal_id": fields.get("last_journal_id", ""),
            "issue[notes]": f"Benchmark update {n}: progress note.",
            "issue[status_id]": str(STATUSES[n % len(STATUSES)]),
        }
        status, headers, body = session.request("POST", path, form=form, follow=False)
        posted = time.perf_counter()
        if status != 302 or not headers.get("Location", "").endswith(path):
            raise HTTPFail(f"Redmine update of {path} -> {status}: {body[:200]!r}")
        return got - started, posted - got

    # --- the REST API, with the admin's key ------------------------------------------------
    def api_list(self) -> list[dict]:
        issues, offset, total = [], 0, None
        while total is None or offset < total:
            page = self.seeder.call(
                "GET",
                f"/issues.json?project_id={self.project_id}&status_id=*&limit=100"
                f"&offset={offset}&sort=id",
            )
            total, offset = page["total_count"], offset + 100
            issues += page["issues"]
        return issues

    def api_item(self, index: int) -> None:
        self.seeder.call("GET", f"/issues/{self.items[index]}.json?include=journals")

    def api_update(self, index: int, n: int) -> None:
        body = {"issue": {"notes": f"API update {n}", "status_id": STATUSES[n % len(STATUSES)]}}
        self.seeder.call("PUT", f"/issues/{self.items[index]}.json", body)
