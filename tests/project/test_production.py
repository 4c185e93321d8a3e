"""Production footing: secure settings from the environment, a real server, throttled logins."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from planwatch.accounts.demo import demo_password, demo_users_create
from tests.concurrency.owner_burst import free_port

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "planwatch.settings.production",
    "PLANWATCH_SECRET_KEY": "k" * 20 + "9f8a7sd6f5g4h3j2k1l0qpwoeirutyalskdjfhgzmxncbv",
    "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1,planwatch.example.gov.uk",
}


LEAKY = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_cli(*args: str, env: dict[str, str], cwd: Path = REPO) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items() if key not in LEAKY}
    return subprocess.run(
        [sys.executable, "-m", "planwatch.cli", *args],
        env={**base, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_deploy_checks_are_clean_under_production_settings(tmp_path):
    result = run_cli(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "PLANWATCH_DATA_DIR": str(tmp_path)},
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key_in_one_line(tmp_path):
    env = {**PRODUCTION_ENV, "PLANWATCH_SECRET_KEY": "", "PLANWATCH_DATA_DIR": str(tmp_path)}
    env.pop("PLANWATCH_SECRET_KEY")
    base = {k: v for k, v in os.environ.items() if k not in {"PLANWATCH_SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "-m", "planwatch.cli", "check"],
        env={**base, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "PLANWATCH_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.skipif(
    not (REPO / "node_modules" / "govuk-frontend").is_dir(), reason="./run installs GOV.UK Frontend"
)
def test_serve_runs_gunicorn_with_static_files_and_security_headers(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "PLANWATCH_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "PLANWATCH_SSL_REDIRECT": "0",
    }
    assert run_cli("migrate", "-v", "0", env=env).returncode == 0
    port = free_port()
    base = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "planwatch.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env={**base, **env},
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                status, headers, body = fetch(f"{url}/login/", {"X-Forwarded-Proto": "https"})
                break
            except (ConnectionError, urllib.error.URLError):
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.5)
        assert status == 200 and b"Sign in" in body
        assert "nonce-" in headers["Content-Security-Policy"]
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert headers["X-Frame-Options"] == "DENY"
        assert "Secure" in headers["Set-Cookie"] and "HttpOnly" in headers["Set-Cookie"]
        css_status, css_headers, _ = fetch(
            f"{url}/static/govuk-frontend/dist/govuk/govuk-frontend.min.css"
        )
        assert css_status == 200 and css_headers["Content-Type"].startswith("text/css")
        font_status, _, _ = fetch(f"{url}/assets/images/govuk-crest.svg")
        assert font_status == 200
        status, headers, _ = fetch(f"{url}/")
        assert status == 302 and headers["Location"].startswith("/login/")
        assert b"Traceback" not in fetch(f"{url}/no-such-page/")[2]
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2(settings):
    from planwatch.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    demo_users_create()

    assert get_user_model().objects.get(username="pmo").password.startswith("argon2")


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account_even_against_the_right_one(client, role_users):
    login = reverse("login")
    for _ in range(5):
        client.post(login, {"username": "owner", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")

    response = client.post(
        login, {"username": "owner", "password": demo_password("owner")}, REMOTE_ADDR="10.0.0.9"
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_signs_in_when_not_locked(client, role_users):
    response = client.post(
        reverse("login"), {"username": "owner", "password": demo_password("owner")}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(role_users["owner"].pk)
