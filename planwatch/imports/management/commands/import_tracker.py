import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planwatch.imports.errors import TrackerImportError
from planwatch.imports.services import ImportSummary, tracker_import

DEFAULT_PLAN = "Improvement Plan"


class Command(BaseCommand):
    help = "Import an Improvement Plan tracker (.xlsx or .csv). Nothing is written if it fails."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--plan", default=DEFAULT_PLAN, help="plan name (created if new)")
        parser.add_argument("--dry-run", action="store_true", help="report, then write nothing")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, file: Path, plan: str, dry_run: bool, format: str, **options):
        show_progress = format == "text" and options["verbosity"] > 0
        try:
            summary = tracker_import(
                path=file,
                plan_name=plan,
                dry_run=dry_run,
                progress=self._progress if show_progress else None,
            )
        except TrackerImportError as error:
            raise CommandError(f"{file.name}: {error}; nothing was imported") from None
        if show_progress and self._progress_shown:
            sys.stderr.write("\n")
        if format == "json":
            self.stdout.write(json.dumps(summary.as_dict(), indent=2))
        else:
            self.stdout.write(render_summary(summary))

    _progress_shown = False

    def _progress(self, done: int, total: int) -> None:
        if total < 2000:
            return
        self._progress_shown = True
        width = 30
        filled = min(width, width * done // max(total, 1))
        sys.stderr.write(f"\rReading [{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows")
        sys.stderr.flush()


def render_summary(summary: ImportSummary) -> str:
    verb = "Would import" if summary.dry_run else "Imported"
    lines = [
        f"{verb} {summary.filename} into plan '{summary.plan}'"
        + (" (dry run: nothing written)" if summary.dry_run else ""),
        f"  sheets read: {', '.join(summary.sheets_read)}",
    ]
    if summary.sheets_skipped:
        lines.append(
            f"  sheets skipped (no Ref/Action header): {', '.join(summary.sheets_skipped)}"
        )
    lines += [
        f"  themes: {summary.themes}   workstreams: {summary.workstreams}",
        f"  main actions: {summary.main_actions}   sub-actions: {summary.sub_actions}",
        f"  actions created: {summary.actions_created}   updated: {summary.actions_updated}"
        f"   unchanged: {summary.actions_unchanged}",
        "  updates per month: "
        + (", ".join(f"{m}: {n}" for m, n in summary.updates_per_month.items()) or "none"),
        f"  updates created: {summary.updates_created}   changed: {summary.updates_changed}"
        f"   unchanged: {summary.updates_unchanged}",
        f"  data-quality warnings: {summary.warnings}"
        + (
            " (" + ", ".join(f"{k}: {v}" for k, v in summary.warnings_by_category.items()) + ")"
            if summary.warnings
            else ""
        ),
    ]
    return "\n".join(lines)
