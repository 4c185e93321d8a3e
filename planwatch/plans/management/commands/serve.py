import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run planwatch under gunicorn with production settings (static files via WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("PLANWATCH_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("PLANWATCH_WORKERS", "3"))
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("PLANWATCH_THREADS", "1")),
            help="threads per worker; above 1, gunicorn's gthread worker, so one worker can "
            "serve several requests while each waits on the database",
        )
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="static files are already collected"
        )

    def handle(
        self, *args, bind: str, workers: int, threads: int, no_collectstatic: bool, **options
    ):
        if settings.DEBUG:
            raise CommandError(
                "serve runs production settings; unset DJANGO_SETTINGS_MODULE or point it at "
                "planwatch.settings.production"
            )
        if threads < 1:
            raise CommandError("--threads must be 1 or more")
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "planwatch.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ]
        if threads > 1:
            # Threads run only in gthread workers: name it rather than rely on gunicorn
            # switching from its default sync worker by itself.
            argv += ["--threads", str(threads), "--worker-class", "gthread"]
        os.execv(sys.executable, argv)
