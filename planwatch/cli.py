"""The `planwatch` console script: Django's management commands, spelt with hyphens.

`planwatch import-tracker FILE` runs the `import_tracker` command. `planwatch serve`
defaults to production settings; everything else defaults to development settings.
"""

import os
import sys

PRODUCTION_COMMANDS = {"serve"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    default_settings = (
        "planwatch.settings.production"
        if len(args) > 1 and args[1] in PRODUCTION_COMMANDS
        else "planwatch.settings.dev"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(args)
    except ImproperlyConfigured as error:
        # A deployment mistake (a missing secret, say) is one line for the operator, not a trace.
        sys.exit(f"planwatch: {error}")


if __name__ == "__main__":
    main()
