"""Public publishing: the PMO makes a published edition readable with no sign-in, at a
stable address, and may withdraw it; the public pages show the edition's own files only."""

import hashlib
from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.reports.models import EditionFile, PublicEdition, ReportEdition
from planwatch.reports.public import PublicEditionError, edition_make_public, edition_withdraw

pytestmark = pytest.mark.django_db

REPORT_HTML = (
    b"<!DOCTYPE html><html lang='en-GB'><style>h1{color:#0b0c0c}</style><h1>OC</h1></html>"
)


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edition(sample_plan, role_users):
    edition = ReportEdition.objects.create(
        plan=sample_plan,
        kind="theme_summary",
        month=date(2022, 10, 1),
        number=1,
        title="Theme Progress Summary October 2022",
        meeting="Cabinet 16 November 2022",
        data={},
        published_by=role_users["pmo"],
    )
    for fmt, body in (("html", REPORT_HTML), ("pdf", b"%PDF-1.7 report"), ("json", b"{}")):
        EditionFile.objects.create(
            edition=edition,
            format=fmt,
            content=body,
            sha256=hashlib.sha256(body).hexdigest(),
            size=len(body),
        )
    return edition


def test_an_edition_made_public_is_listed_and_readable_without_signing_in(
    client, edition, role_users
):
    edition_make_public(user=role_users["pmo"], edition=edition)

    index = client.get(reverse("public:index"))
    page = client.get(reverse("public:edition", args=[edition.pk]))

    assert index.status_code == page.status_code == 200
    assert edition.title in index.content.decode()
    text = page.content.decode()
    assert "Cabinet 16 November 2022" in text
    assert hashlib.sha256(REPORT_HTML).hexdigest() in text
    # Who published it is the PMO's business, not the public's.
    assert role_users["pmo"].get_username() not in text.replace("planwatch", "")
    pdf = client.get(reverse("public:edition_file", args=[edition.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf.content == b"%PDF-1.7 report"
    assert pdf["Content-Disposition"].startswith("attachment")


def test_the_reports_own_html_is_served_as_published_and_may_run_or_fetch_nothing(
    client, edition, role_users
):
    edition_make_public(user=role_users["pmo"], edition=edition)

    response = client.get(reverse("public:edition_file", args=[edition.pk, "html"]))

    assert response.content == REPORT_HTML
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    assert "style-src 'unsafe-inline'" in policy


def test_public_pages_are_cacheable_and_a_file_answers_not_modified_to_its_checksum(
    client, edition, role_users
):
    edition_make_public(user=role_users["pmo"], edition=edition)
    url = reverse("public:edition_file", args=[edition.pk, "json"])

    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"] == f'"{hashlib.sha256(b"{}").hexdigest()}"'
    assert again.status_code == 304
    assert client.get(reverse("public:index"))["Cache-Control"] == "public, max-age=300"


def test_an_edition_never_made_public_is_not_found_on_the_public_pages(client, edition):
    assert client.get(reverse("public:edition", args=[edition.pk])).status_code == 404
    url = reverse("public:edition_file", args=[edition.pk, "pdf"])
    assert client.get(url).status_code == 404
    assert edition.title not in client.get(reverse("public:index")).content.decode()


def test_a_withdrawn_edition_says_when_and_why_and_serves_no_file(client, edition, role_users):
    edition_make_public(user=role_users["pmo"], edition=edition)
    edition_withdraw(user=role_users["pmo"], edition=edition, reason="Figures for CO corrected")

    page = client.get(reverse("public:edition", args=[edition.pk]))
    file = client.get(reverse("public:edition_file", args=[edition.pk, "pdf"]))

    assert page.status_code == file.status_code == 410
    text = page.content.decode()
    assert "This report was withdrawn on" in text
    assert "Figures for CO corrected" in text
    assert b"%PDF" not in file.content
    assert edition.title not in client.get(reverse("public:index")).content.decode()


def test_withdrawing_needs_a_reason_and_a_withdrawn_edition_is_not_made_public_again(
    edition, role_users
):
    pmo = role_users["pmo"]
    edition_make_public(user=pmo, edition=edition)
    with pytest.raises(PublicEditionError, match="say why"):
        edition_withdraw(user=pmo, edition=edition, reason="  ")
    assert not PublicEdition.objects.get(edition=edition).is_withdrawn

    edition_withdraw(user=pmo, edition=edition, reason="Superseded")
    with pytest.raises(PublicEditionError, match="publish a correction"):
        edition_make_public(user=pmo, edition=edition)
    with pytest.raises(PublicEditionError, match="already withdrawn"):
        edition_withdraw(user=pmo, edition=edition, reason="Again")


def test_only_the_pmo_makes_an_edition_public_or_withdraws_it(client, edition, role_users):
    for role in ("viewer", "owner", "approver"):
        with pytest.raises(PermissionDenied):
            edition_make_public(user=role_users[role], edition=edition)
        client.force_login(role_users[role])
        response = client.post(reverse("reports:edition_public", args=[edition.pk]))
        assert response.status_code == 403
    assert not PublicEdition.objects.exists()


def test_the_pmo_makes_public_and_withdraws_from_the_editions_page(client, edition, role_users):
    client.force_login(role_users["pmo"])
    editions = reverse("reports:editions") + f"?plan={edition.plan.name}"

    made = client.post(reverse("reports:edition_public", args=[edition.pk]), follow=True)
    assert made.redirect_chain[-1][0] == editions.replace(" ", "+")
    assert "is public at http://testserver/public/reports/" in made.content.decode()
    refused = client.post(reverse("reports:edition_withdraw", args=[edition.pk]), follow=True)
    assert "Not withdrawn: say why" in refused.content.decode()
    client.post(reverse("reports:edition_withdraw", args=[edition.pk]), {"reason": "Wrong month"})

    page = client.get(editions).content.decode()
    assert "Withdrawn on" in page
    assert "Wrong month" in page


def test_an_address_asking_too_often_is_told_to_wait(client, edition, role_users, settings):
    settings.PUBLIC_PAGES_RATE = (3, 60)
    url = reverse("public:index")

    answers = [client.get(url).status_code for _ in range(4)]
    other = client.get(url, REMOTE_ADDR="192.0.2.7")

    assert answers == [200, 200, 200, 429]
    assert other.status_code == 200
    limited = client.get(url)
    assert 0 < int(limited["Retry-After"]) <= 60


def test_the_accessibility_statement_follows_the_gov_uk_model(client):
    text = client.get(reverse("public:accessibility")).content.decode()
    for heading in (
        "Feedback and contact information",
        "Enforcement procedure",
        "Compliance status",
        "Preparation of this accessibility statement",
    ):
        assert heading in text
