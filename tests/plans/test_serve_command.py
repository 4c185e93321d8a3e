"""`planwatch serve` builds gunicorn's command line; these check the line, not a server."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from planwatch.plans.management.commands import serve


@pytest.fixture
def gunicorn_argv(settings, monkeypatch):
    """The argv serve would exec, captured instead of run; static files are not collected."""
    settings.DEBUG = False
    captured = []
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: captured.append(argv))
    return captured


def test_one_thread_keeps_gunicorns_default_sync_worker(gunicorn_argv):
    call_command("serve", "--workers", "2", "--no-collectstatic")

    (argv,) = gunicorn_argv
    assert argv[argv.index("--workers") + 1] == "2"
    assert "--threads" not in argv and "--worker-class" not in argv


def test_threads_run_in_gthread_workers(gunicorn_argv):
    call_command("serve", "--workers", "2", "--threads", "5", "--no-collectstatic")

    (argv,) = gunicorn_argv
    assert argv[argv.index("--threads") + 1] == "5"
    assert argv[argv.index("--worker-class") + 1] == "gthread"


def test_threads_below_one_are_refused(gunicorn_argv):
    with pytest.raises(CommandError, match="--threads"):
        call_command("serve", "--threads", "0", "--no-collectstatic")

    assert gunicorn_argv == []
