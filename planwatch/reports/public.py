"""Public publishing: the PMO puts a published edition on pages anyone may read without
signing in (councils publish these summaries with their Cabinet papers), and may withdraw it.

The public pages show the edition's own frozen files and the facts of its publication
(title, meeting, date, checksums) and nothing else: no live figure, no name of a user.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from planwatch.accounts.permissions import Perm, user_can
from planwatch.reports.models import EditionFile, PublicEdition, ReportEdition


class PublicEditionError(Exception):
    """The edition cannot be made public or withdrawn as asked; the message says why."""


def _pmo_only(user) -> None:
    if not user_can(user, Perm.EDIT_REPORTS):
        raise PermissionDenied("only the PMO publishes reports")


@transaction.atomic
def edition_make_public(*, user, edition: ReportEdition) -> PublicEdition:
    _pmo_only(user)
    edition = ReportEdition.objects.select_for_update().get(pk=edition.pk)
    existing = PublicEdition.objects.filter(edition=edition).first()
    if existing is not None:
        if existing.is_withdrawn:
            raise PublicEditionError(
                "this edition was withdrawn from the public pages: publish a correction and "
                "make that public instead"
            )
        raise PublicEditionError("this edition is already public")
    return PublicEdition.objects.create(edition=edition, made_public_by=user)


@transaction.atomic
def edition_withdraw(*, user, edition: ReportEdition, reason: str) -> PublicEdition:
    _pmo_only(user)
    reason = reason.strip()
    if not reason:
        raise PublicEditionError("say why the edition is withdrawn: the public page shows it")
    public = PublicEdition.objects.select_for_update().filter(edition=edition).first()
    if public is None:
        raise PublicEditionError("this edition is not public, so there is nothing to withdraw")
    if public.is_withdrawn:
        raise PublicEditionError("this edition is already withdrawn")
    public.withdrawn_by = user
    public.withdrawn_at = timezone.now()
    public.withdrawn_reason = reason
    public.save(update_fields=["withdrawn_by", "withdrawn_at", "withdrawn_reason"])
    return public


def public_editions_list():
    """The editions on the public pages now, newest report first (withdrawn ones are not
    listed; their own addresses say they were withdrawn)."""
    return (
        PublicEdition.objects.filter(withdrawn_at__isnull=True)
        .select_related("edition", "edition__plan")
        .prefetch_related("edition__files")
        .order_by("edition__plan__name", "edition__kind", "-edition__month", "-edition__number")
    )


def public_edition_get(*, pk: int) -> PublicEdition:
    """Raises PublicEdition.DoesNotExist for an edition never made public."""
    return (
        PublicEdition.objects.select_related("edition", "edition__plan")
        .prefetch_related("edition__files")
        .get(edition_id=pk)
    )


def public_file_get(*, pk: int, fmt: str) -> EditionFile:
    """One file of a public, not withdrawn, edition; raises EditionFile.DoesNotExist."""
    return EditionFile.objects.select_related("edition").get(
        edition_id=pk,
        format=fmt,
        edition__public__isnull=False,
        edition__public__withdrawn_at__isnull=True,
    )
