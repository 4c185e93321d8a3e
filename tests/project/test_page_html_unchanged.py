r"""Every page, as every role that may open it, renders the same HTML as it did when recorded.

The recording (`page_html.json.gz`) was taken before the GOV.UK components were moved onto one
cached Jinja environment, so a speed-up that changed a single character of any page fails
here. Only what differs by nature between two runs is masked: CSRF tokens, CSP nonces, and the
keys of rows a test creates (which PostgreSQL numbers differently from run to run).

After a deliberate change to a page, record again and review the diff of what moved:

    PLANWATCH_RECORD_PAGES=1 .venv/bin/python -m pytest -n 0 \
        tests/project/test_page_html_unchanged.py
"""

import difflib
import gzip
import html as html_lib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from tests.accounts.test_permission_matrix import EXPECTED

pytestmark = pytest.mark.django_db

RECORDING = Path(__file__).with_name("page_html.json.gz")
RECORD = os.environ.get("PLANWATCH_RECORD_PAGES") == "1"
# A fixed "now", so overdue flags, "days left" and open months read the same on any day.
NOW = datetime(2022, 11, 20, 10, 30, tzinfo=UTC)
PAGES = sorted(
    (name, role)
    for name, (_, allowed, outcome) in EXPECTED.items()
    if outcome == "page"
    for role in sorted(allowed)
)
MASKS = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1CSRF"),
    (re.compile(r'(nonce=")[^"]+'), r"\1NONCE"),
    # Rows the test itself creates (cycles, uploads, milestones, …) take fresh keys on
    # PostgreSQL, whose sequences no rollback resets: "/cycles/12", "#milestone-4132".
    (re.compile(r"([\"#/][a-z][a-z-]*[-/])\d+"), r"\1N"),
    # Choices by key (a workstream to add an action to): the keys the rows took, as above.
    (re.compile(r'(<option value=")\d+'), r"\1N"),
    # A narrative form's fields, named by workstream key: "id_ws12-summary".
    (re.compile(r"((?:\b|_)ws)\d+-"), r"\1N-"),
]


# PostgreSQL's jsonb hands a stored dict back with its keys in its own order.
JSON_SHOWN = re.compile(r"\[\{&quot;.*?\}\]")


def _json_keys_sorted(match: re.Match) -> str:
    value = json.loads(html_lib.unescape(match.group()))
    return html_lib.escape(json.dumps(value, sort_keys=True))


def page_html_masked(html: str) -> str:
    for pattern, replacement in MASKS:
        html = pattern.sub(replacement, html)
    return JSON_SHOWN.sub(_json_keys_sorted, html)


@pytest.fixture
def frozen_now(monkeypatch, sample_plan):
    """Now is NOW, and so is every time stamp the (once per worker) sample import wrote."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    for model in apps.get_models():
        stamps = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.DateTimeField)
            and (field.auto_now or field.auto_now_add or field.name == "history_date")
        ]
        if stamps:
            model._base_manager.update(**dict.fromkeys(stamps, NOW))


def _recorded() -> dict[str, str]:
    if not RECORDING.exists():
        return {}
    return json.loads(gzip.decompress(RECORDING.read_bytes()))


def _fetch_all(client, people) -> dict[str, str]:
    pages = {}
    for name, role in PAGES:
        kwargs = EXPECTED[name][0]
        url = reverse(name, kwargs=kwargs() if callable(kwargs) else kwargs)
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        response = client.get(url)
        assert response.status_code == 200, (name, role, response.status_code)
        if response["Content-Type"].startswith("text/html"):
            pages[f"{name} as {role}"] = page_html_masked(response.content.decode())
    return pages


def test_every_page_renders_the_html_recorded_before_the_rendering_was_cached(
    client, sample_plan, owner_with_roles, role_users, frozen_now, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    people = dict(role_users)
    people.setdefault("no_role", get_user_model().objects.create_user("nobody", password="x"))

    pages = _fetch_all(client, people)

    if RECORD:
        RECORDING.write_bytes(gzip.compress(json.dumps(pages, sort_keys=True).encode(), 9, mtime=0))
        pytest.skip(f"recorded {len(pages)} pages into {RECORDING.name}")
    recorded = _recorded()
    assert sorted(pages) == sorted(recorded), "pages added or gone: record again"
    # Masked again, so a mask added since the recording applies to both sides.
    recorded = {key: page_html_masked(html) for key, html in recorded.items()}
    changed = [key for key in pages if pages[key] != recorded[key]]
    if changed:
        first = changed[0]
        diff = difflib.unified_diff(
            recorded[first].splitlines(), pages[first].splitlines(), lineterm="", n=1
        )
        pytest.fail(f"{len(changed)} pages changed, first {first}:\n" + "\n".join(list(diff)[:40]))


def test_the_recording_covers_every_page_each_role_may_open():
    recorded = _recorded()

    assert len(recorded) >= 100
    assert {"plans:action_detail as viewer", "updates:update_edit as owner"} <= set(recorded)
