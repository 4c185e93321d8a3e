"""Published editions: every output frozen with its SHA-256 and data, never changed; a
correction is the next edition with its reason; the CLI and the page publish the same way."""

import hashlib
import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from planwatch.plans.models import ProgressUpdate
from planwatch.reports.editions import EditionError, edition_publish
from planwatch.reports.models import EditionFile, PublishedEditionError, ReportEdition
from planwatch.updates.imported_review import imported_updates_accept

pytestmark = pytest.mark.django_db
OCTOBER = date(2022, 10, 1)
MEETING = "Leadership Team 8 Nov 2022"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def published(sample_plan, pmo):
    # The sample's months were reviewed and reported in 2022, as the demo records them.
    imported_updates_accept(user=pmo, plan=sample_plan, through=OCTOBER)
    return edition_publish(
        user=pmo, plan=sample_plan, kind="theme_summary", month=OCTOBER, meeting=MEETING
    )


def test_publishing_freezes_every_output_with_its_checksum_and_the_data(published, pmo):
    files = {f.format: f for f in published.files.all()}

    assert set(files) == {"html", "docx", "pdf", "json"}
    for file in files.values():
        assert file.sha256 == hashlib.sha256(bytes(file.content)).hexdigest()
        assert file.size == len(bytes(file.content))
    assert published.data == json.loads(bytes(files["json"].content))
    assert published.data["month"] == "2022-10"
    assert (published.number, published.meeting, published.published_by) == (1, MEETING, pmo)
    assert published.title == "Improvement Plan Theme Progress Summary October 2022"


def test_a_published_edition_never_changes_nor_goes(published):
    published.meeting = "Cabinet"
    with pytest.raises(PublishedEditionError):
        published.save()
    with pytest.raises(PublishedEditionError):
        ReportEdition.objects.filter(pk=published.pk).update(meeting="Cabinet")
    with pytest.raises(PublishedEditionError):
        published.delete()
    with pytest.raises(PublishedEditionError):
        EditionFile.objects.filter(edition=published).delete()
    assert ReportEdition.objects.get(pk=published.pk).meeting == MEETING


def test_editing_the_plan_afterwards_leaves_the_edition_as_published(published, sample_plan):
    before = {f.format: (f.sha256, bytes(f.content)) for f in published.files.all()}
    ProgressUpdate.objects.filter(action__plan=sample_plan, month=OCTOBER).update(status="complete")

    after = {f.format: (f.sha256, bytes(f.content)) for f in EditionFile.objects.all()}
    fresh = edition_publish(
        user=published.published_by, plan=sample_plan, kind="theme_summary", month=OCTOBER,
        meeting=MEETING, reason="Statuses corrected",
    )  # fmt: skip

    assert after == before
    assert fresh.number == 2 and fresh.reason == "Statuses corrected"
    assert fresh.files.get(format="json").sha256 != before["json"][0]


def test_an_edition_counts_only_the_updates_the_pmo_has_accepted(sample_plan, pmo):
    """The PMO's page counts what owners submitted; an edition, which goes to meetings and
    may go public, counts only what the PMO accepted."""
    from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json

    unreviewed = edition_publish(
        user=pmo, plan=sample_plan, kind="theme_summary", month=OCTOBER, meeting=MEETING
    )
    pmo_view = theme_summary_json(theme_summary_build(plan=sample_plan, month=OCTOBER))
    imported_updates_accept(user=pmo, plan=sample_plan, through=OCTOBER)
    reviewed = edition_publish(
        user=pmo, plan=sample_plan, kind="theme_summary", month=OCTOBER, meeting=MEETING,
        reason="The October updates accepted",
    )  # fmt: skip

    assert unreviewed.data["month_standing"]["updates_in"] == 0
    assert unreviewed.data["has_updates"] is False
    assert pmo_view["month_standing"]["updates_in"] > 0
    assert reviewed.data["month_standing"]["updates_in"] == pmo_view["month_standing"]["updates_in"]
    assert reviewed.data["themes"] == pmo_view["themes"]
    assert "Only updates the PMO has accepted count" in reviewed.data["definitions"]["updates"]


def test_a_correction_without_a_reason_is_refused_and_nothing_is_stored(published, pmo):
    with pytest.raises(EditionError, match="a correction must give its reason"):
        edition_publish(
            user=pmo, plan=published.plan, kind="theme_summary", month=OCTOBER, meeting=MEETING
        )
    assert ReportEdition.objects.count() == 1


def test_only_the_pmo_publishes(sample_plan, role_users):
    with pytest.raises(PermissionDenied):
        edition_publish(
            user=role_users["viewer"], plan=sample_plan, kind="cabinet", month=OCTOBER,
            meeting="Cabinet",
        )  # fmt: skip
    assert not ReportEdition.objects.exists()


def test_a_cabinet_report_is_published_with_its_period_title(sample_plan, pmo):
    edition = edition_publish(
        user=pmo, plan=sample_plan, kind="cabinet", month=OCTOBER, meeting="Cabinet 16 Nov 2022"
    )

    assert edition.title == "Improvement Plan: Cabinet quarterly progress report, Aug – Oct 2022"
    assert edition.data["report"] == "cabinet"


def test_the_cli_publishes_prints_each_file_and_lists_the_editions(sample_plan, pmo):
    out = StringIO()
    call_command(
        "report", "publish", "theme-summary", "--month", "2022-10", "--meeting", MEETING,
        "--by", "pmo", "--plan", sample_plan.name, stdout=out,
    )  # fmt: skip
    listing = StringIO()
    call_command("report", "editions", "--plan", sample_plan.name, stdout=listing)

    lines = out.getvalue().splitlines()
    assert lines[0] == "Published edition 1 of Improvement Plan Theme Progress Summary October 2022"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["docx", "html", "json", "pdf"]
    assert "edition 1\t" in listing.getvalue() and MEETING in listing.getvalue()


def test_the_cli_refuses_a_bad_month_in_one_line(sample_plan, pmo):
    with pytest.raises(CommandError, match=r"^--month .Octember. is not a month"):
        call_command(
            "report", "publish", "cabinet", "--month", "Octember", "--meeting", "Cabinet",
            "--by", "pmo", "--plan", sample_plan.name,
        )  # fmt: skip


def test_the_pmo_publishes_from_the_page_and_anyone_may_download_it(
    sample_plan, pmo_client, client, role_users, settings
):
    settings.TASKS = IMMEDIATE
    url = reverse("reports:editions") + f"?plan={sample_plan.name}"
    response = pmo_client.post(
        url, {"kind": "theme_summary", "month": "2022-10", "meeting": MEETING, "reason": ""}
    )
    edition = ReportEdition.objects.get()
    pdf = edition.files.get(format="pdf")
    client.force_login(role_users["viewer"])
    page = client.get(url).content.decode()
    download = client.get(reverse("reports:edition_file", args=[edition.pk, "pdf"]))

    assert response.status_code == 302
    assert pdf.sha256 in page and MEETING in page
    assert "Publish an edition" not in page  # a viewer reads, never publishes
    assert download.content == bytes(pdf.content)
    assert client.post(url, {"kind": "cabinet"}).status_code == 404


def test_the_page_asks_for_a_reason_before_publishing_a_correction(
    published, sample_plan, pmo_client, settings
):
    settings.TASKS = IMMEDIATE
    url = reverse("reports:editions") + f"?plan={sample_plan.name}"
    response = pmo_client.post(
        url, {"kind": "theme_summary", "month": "2022-10", "meeting": MEETING, "reason": " "}
    )

    assert response.status_code == 400
    assert "say why it is corrected" in response.content.decode()
    assert ReportEdition.objects.count() == 1


def test_an_edition_records_the_layout_it_was_laid_out_in(sample_plan, pmo, published):
    assert published.layout == "2022"  # the plan's default
    html = bytes(published.files.get(format="html").content).decode()
    assert "Milestones due (rolling 3 months) October – December" in html
    corrected = edition_publish(
        user=pmo, plan=sample_plan, kind="theme_summary", month=OCTOBER, meeting=MEETING,
        reason="Sent in the 2023 layout", layout="2023",
    )  # fmt: skip
    assert corrected.layout == "2023"
    assert "Key Milestones" in bytes(corrected.files.get(format="html").content).decode()
    # The figures do not depend on the layout.
    assert corrected.data == published.data


def test_an_unknown_layout_publishes_nothing(sample_plan, pmo):
    with pytest.raises(EditionError, match="not a report layout"):
        edition_publish(
            user=pmo, plan=sample_plan, kind="theme_summary", month=OCTOBER, meeting=MEETING,
            layout="1999",
        )  # fmt: skip
    assert not ReportEdition.objects.exists()
