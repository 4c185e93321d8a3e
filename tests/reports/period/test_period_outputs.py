"""The period reports as the web page, Word, PDF, JSON and from the command line."""

import io
import json
from datetime import date

import pypdfium2
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document as open_word

from planwatch.reports.period.build import period_report_build
from planwatch.reports.period.output import period_report_document, period_report_json
from planwatch.reports.rendering.docx import document_docx
from planwatch.reports.rendering.pdf import document_pdf

pytestmark = pytest.mark.django_db

OCT = date(2022, 10, 1)


@pytest.fixture
def quarter(sample_plan):
    return period_report_build(plan=sample_plan, end_month=OCT, months=3)


def test_the_document_has_a_section_per_theme_after_the_overview(quarter):
    doc = period_report_document(quarter)
    assert doc.title == "Improvement Plan: Cabinet quarterly progress report, Aug – Oct 2022"
    assert "Sep 2022 and Oct 2022" in doc.subtitle
    headings = [s.heading for s in doc.sections]
    assert headings[:2] == ["About this report", "Progress across the plan"]
    assert headings[2:] == [f"{t.code} {t.name}" for t in quarter.themes]


def test_the_documents_summaries_are_the_jsons_sentences(quarter):
    data = period_report_json(quarter)
    doc = period_report_document(quarter)
    for section, theme in zip(doc.sections[2:], data["themes"], strict=True):
        assert section.blocks[0].text == " ".join(theme["summary"])


def test_the_overview_tables_rows_are_the_json_figures(quarter):
    data = period_report_json(quarter)
    risks, period = period_report_document(quarter).sections[1].blocks
    assert risks.headers[:2] == ("Theme", "Main actions")
    assert period.headers[-1] == "Open exceptions"
    for risk_row, period_row, theme in zip(risks.rows, period.rows, data["themes"], strict=False):
        f = theme["figures"]
        assert risk_row[0] == period_row[0] == f"{theme['code']} {theme['name']}"
        assert risk_row[1:] == tuple(
            str(n) for n in (f["main_actions"], *f["main_actions_by_risk"].values())
        )
        assert period_row[4] == str(f["completed_in_period"])
        assert period_row[7] == str(f["open_exceptions"])
    assert risks.rows[-1][:2] == ("All themes", "66")
    assert period.rows[-1][7] == str(data["totals"]["open_exceptions"])


def test_the_word_file_opens_with_headings_and_the_reports_tables(quarter):
    word = open_word(io.BytesIO(document_docx(period_report_document(quarter))))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Progress across the plan" in headings
    assert "OC Organisational Culture" in headings
    overview = word.tables[0]
    assert overview.rows[0].cells[0].text == "Theme"
    assert overview.rows[-1].cells[0].text == "All themes"
    assert overview.rows[-1].cells[1].text == "66"
    texts = {t.rows[0].cells[0].text for t in word.tables}
    assert {"Theme", "Status", "Ref"} <= texts


def test_the_pdf_renders_landscape_pages(quarter):
    pdf = pypdfium2.PdfDocument(document_pdf(period_report_document(quarter)))
    assert len(pdf) >= 2
    width, height = pdf[0].get_size()
    assert width > height
    text = pdf[0].get_textpage().get_text_range()
    assert "Cabinet quarterly progress report" in text


def test_the_quarters_last_month_agrees_with_the_monthly_summary(sample_plan, quarter):
    from planwatch.reports.theme_summary.build import theme_summary_build, theme_summary_json

    monthly = theme_summary_json(theme_summary_build(plan=sample_plan, month=OCT))
    period = period_report_json(quarter)
    for summary, ours in zip(monthly["themes"], period["themes"], strict=True):
        groups = summary["milestones"]["by_group"]
        assert ours["figures"]["milestones_at_end"] == summary["milestones"]["counted"]
        # September is the first month on record, so October is the only month in the
        # quarter whose completions can be known: the quarter's equal October's.
        assert ours["figures"]["completed_in_period"] == groups["completed_this_month"]
        assert ours["figures"]["open_exceptions"] == len(summary["exceptions"])


# --- Web ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("period_reports:cabinet", "Cabinet quarterly progress report, Aug – Oct 2022"),
        ("period_reports:commissioners", "Commissioners&#x27; six-monthly progress report, May"),
    ],
)
def test_the_page_shows_the_report_ending_with_the_latest_month(
    sample_plan, pmo_client, name, title
):
    response = pmo_client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html
    assert "Organisational Culture: milestones by status" in html
    assert "?end=2022-10&amp;format=docx" in html


def test_without_a_month_the_page_fills_in_the_latest_and_downloads_use_it(
    sample_plan, pmo_client, quarter
):
    html = pmo_client.get(reverse("period_reports:cabinet")).content.decode()
    assert 'name="end" type="text" value="2022-10"' in html
    download = pmo_client.get(reverse("period_reports:cabinet"), {"format": "json"})
    assert _without_charts(json.loads(download.content)) == period_report_json(quarter)


def test_the_page_takes_the_periods_last_month(sample_plan, pmo_client):
    html = pmo_client.get(reverse("period_reports:cabinet"), {"end": "2022-09"}).content.decode()
    assert "Jul – Sep 2022" in html
    assert "there are none for Jul 2022 and Aug 2022" in html


@pytest.mark.parametrize("end", ["October", "2022-13", "22-10", "0000-01", "2022-1x"])
def test_a_bad_month_shows_a_govuk_error_and_no_report(sample_plan, pmo_client, end):
    response = pmo_client.get(reverse("period_reports:cabinet"), {"end": end})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter the last month of the period as year and month, like 2022-10" in html
    assert "<title>Error:" in html
    assert "milestones by status" not in html


def test_an_unknown_format_is_an_error_not_a_download(sample_plan, pmo_client):
    response = pmo_client.get(reverse("period_reports:cabinet"), {"format": "exe"})
    assert response.status_code == 200
    assert "Choose a download format: docx, pdf or json" in response.content.decode()


def test_the_json_download_is_the_reports_figures(sample_plan, pmo_client, quarter):
    response = pmo_client.get(
        reverse("period_reports:cabinet"), {"end": "2022-10", "format": "json"}
    )
    assert response["Content-Type"] == "application/json"
    assert 'filename="planwatch-cabinet-report-2022-10.json"' in response["Content-Disposition"]
    assert _without_charts(json.loads(response.content)) == period_report_json(quarter)


def test_the_word_and_pdf_downloads_are_files_of_their_kind(sample_plan, pmo_client):
    url = reverse("period_reports:commissioners")
    word = pmo_client.get(url, {"end": "2022-10", "format": "docx"})
    assert word.content[:2] == b"PK"
    assert open_word(io.BytesIO(word.content)).tables
    pdf = pmo_client.get(url, {"end": "2022-10", "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_person_with_no_role_cannot_read_the_report(sample_plan, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    assert client.get(reverse("period_reports:cabinet")).status_code == 403


# --- Command line -------------------------------------------------------------------------


def test_the_command_writes_each_format(sample_plan, tmp_path, quarter):
    for fmt in ("json", "html", "docx", "pdf"):
        output = tmp_path / f"cabinet.{fmt}"
        out = io.StringIO()
        call_command(
            "report", "cabinet", "--end", "2022-10", "--format", fmt, "--output", output, stdout=out
        )
        assert f"Wrote {output} ({fmt}" in out.getvalue()
    written = json.loads((tmp_path / "cabinet.json").read_text())
    assert _without_charts(written) == period_report_json(quarter)
    assert "Aug – Oct 2022" in (tmp_path / "cabinet.html").read_text()
    assert (tmp_path / "cabinet.pdf").read_bytes().startswith(b"%PDF")
    assert open_word(str(tmp_path / "cabinet.docx")).tables


def test_the_commissioners_command_covers_six_months(sample_plan, tmp_path):
    output = tmp_path / "c.json"
    call_command(
        "report",
        "commissioners",
        "--end",
        "2022-10",
        "--format",
        "json",
        "--output",
        output,
        stdout=io.StringIO(),
    )
    assert json.loads(output.read_text())["period"]["label"] == "May – Oct 2022"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--end", "2022-13", "--format", "json"], "is not a month"),
        (["--end", "2022-10", "--format", "xls"], "unknown format 'xls'"),
        (["--end", "2022-10", "--format", "json", "--plan", "Nope"], "there is no plan 'Nope'"),
    ],
)
def test_the_command_refuses_bad_input_and_writes_nothing(sample_plan, tmp_path, args, message):
    output = tmp_path / "out.json"
    with pytest.raises(CommandError, match=message):
        call_command("report", "cabinet", *args, "--output", output)
    assert not output.exists()


def test_the_command_refuses_a_folder_that_does_not_exist(sample_plan, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "report",
            "cabinet",
            "--end",
            "2022-10",
            "--format",
            "json",
            "--output",
            tmp_path / "missing" / "x.json",
        )


def test_the_period_report_charts_the_months_it_holds_in_every_format(sample_plan, pmo_client):
    from django.urls import reverse

    url = reverse("period_reports:cabinet")
    data = pmo_client.get(url, {"end": "2022-10", "format": "json"}).json()
    page = pmo_client.get(url, {"end": "2022-10"}).content.decode()

    titles = [chart["title"] for chart in data["charts"]]
    assert titles[0] == "Sub-action status by month"
    assert len(titles) == 3
    # Aug 2022 has no updates in the sample, so it is not charted as a month of zero progress.
    assert [row[0] for row in data["charts"][0]["table"][1:]] == ["Sep 2022", "Oct 2022"]
    assert page.count("<svg") == 3
    assert "Progress over the period" in page


def _without_charts(data: dict) -> dict:
    """The downloads add the charts' data tables (tested above) to the report's own figures."""
    assert "charts" in data
    return {key: value for key, value in data.items() if key != "charts"}
