"""`planwatch report publish KIND --month 2022-10 --meeting "…" --by pmo` and
`planwatch report editions`: the `report` command's subcommands for editions."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError

from planwatch.domain.months import month_parse
from planwatch.plans.models import Plan
from planwatch.reports.editions import EditionError, edition_publish, editions_list
from planwatch.reports.models import EditionKind

KINDS = {kind.replace("_", "-"): kind for kind in EditionKind.values}


def add_subcommands(subparsers, parser, *, plan_default: str) -> None:
    options = {"called_from_command_line": getattr(parser, "called_from_command_line", None)}
    publish = subparsers.add_parser(
        "publish", help="publish a report as a frozen edition", **options
    )
    publish.add_argument("kind", metavar="KIND", help=", ".join(KINDS))
    publish.add_argument("--month", required=True, help="the report's (last) month, e.g. 2022-10")
    publish.add_argument("--meeting", required=True, help='e.g. "Leadership Team 8 Nov 2022"')
    publish.add_argument("--by", required=True, help="the PMO officer publishing (username)")
    publish.add_argument("--reason", default="", help="why, when correcting an edition")
    publish.add_argument("--plan", default=plan_default, help="plan name")
    publish.add_argument(
        "--layout", default="", help="theme summary: 2022, 2023 or analysis (the plan's default)"
    )
    listing = subparsers.add_parser("editions", help="list the published editions", **options)
    listing.add_argument("--plan", default=plan_default, help="plan name")
    listing.add_argument("--kind", default="", help=", ".join(KINDS))


def _plan(name: str) -> Plan:
    found = Plan.objects.filter(name=name).first()
    if found is None:
        names = ", ".join(Plan.objects.values_list("name", flat=True)) or "none imported"
        raise CommandError(f"there is no plan '{name}' (plans: {names})")
    return found


def _kind(text: str) -> str:
    if not text:
        return ""
    kind = KINDS.get(text) or (text if text in EditionKind.values else None)
    if kind is None:
        raise CommandError(f"there is no report '{text}': use one of {', '.join(KINDS)}")
    return kind


def publish(command, *, kind, month, meeting, by, reason, plan, layout="", **_) -> None:
    when = month_parse(month)
    if when is None:
        raise CommandError(f"--month '{month}' is not a month: give year and month, like 2022-10")
    user = get_user_model().objects.filter(username=by).first()
    if user is None:
        raise CommandError(f"there is no user '{by}'")
    try:
        edition = edition_publish(
            user=user, plan=_plan(plan), kind=_kind(kind), month=when, meeting=meeting,
            reason=reason, layout=layout or "",
        )  # fmt: skip
    except (EditionError, PermissionDenied) as error:
        raise CommandError(str(error)) from None
    command.stdout.write(f"Published edition {edition.number} of {edition.title}")
    for file in edition.files.order_by("format"):
        command.stdout.write(f"  {file.format}: {file.size:,} bytes, SHA-256 {file.sha256}")


def editions(command, *, plan, kind, **_) -> None:
    found = list(editions_list(plan=_plan(plan), kind=_kind(kind)))
    if not found:
        command.stdout.write("No editions published.")
    for edition in found:
        when = f"{edition.published_at:%Y-%m-%d %H:%M}"
        reason = f"; correction: {edition.reason}" if edition.reason else ""
        command.stdout.write(
            f"{edition.pk}\t{edition.title}, edition {edition.number}\t{when} by "
            f"{edition.published_by.get_username()} for {edition.meeting}{reason}"
        )
