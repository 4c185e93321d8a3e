"""Who may open the reports pages (gathered by tests/accounts/test_permission_matrix.py)."""

from datetime import date

from tests.accounts.url_roles import EVERYONE, PMO_ONLY, ROLES


def _edition_file() -> dict:
    """An edition stored directly: which roles may download is the question, not publishing."""
    from django.contrib.auth import get_user_model

    from planwatch.plans.models import Plan
    from planwatch.reports.models import EditionFile, ReportEdition

    # Asked for once per role by some tests: made once, then found.
    edition, made = ReportEdition.objects.get_or_create(
        plan=Plan.objects.first(),
        kind="theme_summary",
        month=date(2022, 10, 1),
        number=1,
        defaults={
            "title": "Theme Progress Summary October 2022",
            "meeting": "Leadership Team",
            "data": {},
            "published_by": get_user_model().objects.get(username="pmo"),
        },
    )
    if made:
        EditionFile.objects.create(
            edition=edition, format="json", content=b"{}", sha256="0", size=2
        )
    return {"pk": edition.pk, "fmt": "json"}


def _public_edition() -> dict:
    """The edition above, made public: the public pages are for anyone, signed in or not."""
    from planwatch.reports.models import PublicEdition

    kwargs = _edition_file()
    edition = _report_edition(kwargs["pk"])
    PublicEdition.objects.get_or_create(
        edition=edition, defaults={"made_public_by": edition.published_by}
    )
    return kwargs


def _report_edition(pk: int):
    from planwatch.reports.models import ReportEdition

    return ReportEdition.objects.get(pk=pk)


ANYONE = frozenset(ROLES)

EXPECTED = {
    "reports:index": ({}, EVERYONE, "page"),
    "reports:theme_summary": ({}, EVERYONE, "page"),
    "reports:narratives_edit": ({"code": "OC"}, PMO_ONLY, "page"),
    "reports:layout_set": ({}, PMO_ONLY, "post_only"),
    "reports:thresholds": ({}, PMO_ONLY, "page"),
    "reports:theme_status_edit": ({"code": "OC"}, PMO_ONLY, "page"),
    "reports:cell_texts_edit": ({"code": "OC"}, PMO_ONLY, "page"),
    # Every reader lists and downloads editions; only PMO sees the publish form (a POST).
    "reports:editions": ({}, EVERYONE, "page"),
    "reports:edition_file": (_edition_file, EVERYONE, "page"),
    "reports:edition_public": (lambda: {"pk": _edition_file()["pk"]}, PMO_ONLY, "post_only"),
    "reports:edition_withdraw": (lambda: {"pk": _edition_file()["pk"]}, PMO_ONLY, "post_only"),
    "public:index": ({}, ANYONE, "page"),
    "public:accessibility": ({}, ANYONE, "page"),
    "public:edition": (lambda: {"pk": _public_edition()["pk"]}, ANYONE, "page"),
    "public:edition_file": (_public_edition, ANYONE, "page"),
}
