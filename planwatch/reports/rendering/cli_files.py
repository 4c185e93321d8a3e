"""Writing a report file from the command line: refuse a bad path before the (slow) report is
made, and write only a whole report, so a failure leaves nothing behind."""

import os
from pathlib import Path

from django.core.management.base import CommandError


def output_check(output: Path) -> None:
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise CommandError(f"cannot write {output}: it is a folder")
    if not folder.is_dir():
        raise CommandError(f"cannot write {output}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise CommandError(f"cannot write {output}: permission denied")


def output_write(command, output: Path, body: bytes, fmt: str) -> None:
    try:
        output.write_bytes(body)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror}") from None
    command.stdout.write(f"Wrote {output} ({fmt}, {len(body):,} bytes)")
