"""What evidence is accepted: size, name and contents must all agree; links are http(s)."""

import io

import pytest

from planwatch.evidence.validation import (
    EvidenceRefused,
    check_file,
    check_link,
    display_name,
    human_size,
)

from . import files

MB = 1024 * 1024


def check(name: str, content: bytes, max_bytes: int = 10 * MB):
    return check_file(name=name, size=len(content), stream=io.BytesIO(content), max_bytes=max_bytes)


def refusal(name: str, content: bytes, max_bytes: int = 10 * MB) -> EvidenceRefused:
    with pytest.raises(EvidenceRefused) as caught:
        check(name, content, max_bytes)
    return caught.value


@pytest.mark.parametrize("extension", sorted(files.ALLOWED))
def test_each_allowed_type_is_accepted_and_its_real_content_type_kept(extension):
    make, content_type = files.ALLOWED[extension]

    file_type = check(f"evidence.{extension}", make())

    assert file_type.content_type == content_type
    assert file_type.extension == extension


def test_an_extension_in_capitals_is_accepted():
    assert check("SIGNED OFF.PDF", files.pdf()).extension == "pdf"


def test_an_oversized_file_is_refused_with_its_size_and_the_limit():
    content = b"%PDF-" + b"0" * int(14.2 * MB)

    message = refusal("evidence.pdf", content).message

    assert message == "evidence.pdf is 14.2 MB; the limit is 10 MB"


def test_a_file_just_over_the_limit_is_described_in_bytes_not_as_the_same_size():
    message = refusal("evidence.pdf", files.pdf() + b"0" * (10 * MB), max_bytes=10 * MB).message

    assert message.endswith("; the limit is 10,485,760 bytes")


def test_a_renamed_program_is_refused_whatever_it_is_called():
    assert refusal("notes.exe", files.exe()).message == (
        "notes.exe is not a PDF, Office document, image or text file"
    )
    for name in ["report.pdf", "budget.xlsx", "minutes.doc", "photo.png", "notes.txt"]:
        message = refusal(name, files.exe()).message
        assert message.startswith(f"{name} is not really ")
        assert message.endswith("its contents do not match its name")


def test_a_web_page_is_refused_by_name_and_by_content():
    page = b"<!DOCTYPE html><html><script>alert(1)</script></html>"

    assert "is not a PDF, Office document" in refusal("page.html", page).message
    assert "is a web page or markup" in refusal("notes.txt", page).message
    assert "is a web page or markup" in refusal("logo.csv", b"  <svg onload=alert(1)>").message


def test_a_file_without_an_extension_is_refused():
    assert refusal("README", b"plain words").message == (
        "README is not a PDF, Office document, image or text file"
    )


def test_an_empty_file_is_refused():
    assert refusal("empty.pdf", b"").message == "empty.pdf is empty"


def test_a_zip_is_only_a_word_document_if_it_holds_one():
    assert "is not really a Word document" in refusal("report.docx", files.xlsx()).message
    plain_zip = files.zipped({"notes.txt": "hello"})
    assert "is not really a Word document" in refusal("report.docx", plain_zip).message
    assert "is not really an Excel workbook" in refusal("budget.xlsx", b"PK\x03\x04broken").message


def test_a_workbook_with_macros_is_refused():
    macro_workbook = files.ooxml("xl/workbook.xml", "xl/vbaProject.bin")

    message = refusal("budget.xlsx", macro_workbook).message

    assert message.startswith("budget.xlsx contains macros")


def test_an_opendocument_file_must_declare_its_own_kind():
    assert (
        "not really an OpenDocument text" in refusal("plan.odt", files.odf("spreadsheet")).message
    )
    assert check("plan.ods", files.odf("spreadsheet")).extension == "ods"


def test_a_text_file_with_binary_content_is_refused():
    assert "is not really a text file" in refusal("notes.txt", b"abc\x00\x01def").message


def test_unicode_text_saved_by_excel_is_accepted():
    content = "ref\tstatus\r\nOC.A1.3\tOn Track\r\n".encode("utf-16")

    assert check("export.txt", content).content_type == "text/plain"


def test_the_name_shown_drops_folders_and_control_characters():
    assert display_name("C:\\Users\\pat\\Desktop\\Signed off.pdf") == "Signed off.pdf"
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("evil\r\nname.pdf") == "evilname.pdf"
    assert display_name("") == "file"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://files.example.gov.uk/report.pdf",
        "intranet.example.gov.uk/report",
        "https://",
        "",
    ],
)
def test_a_link_must_be_a_full_http_or_https_address(url):
    with pytest.raises(EvidenceRefused) as caught:
        check_link(url)

    assert caught.value.field == "url"


def test_an_http_or_https_link_is_accepted_and_trimmed():
    assert check_link("  https://intranet.example.gov.uk/sites/pmo/Report.pdf ") == (
        "https://intranet.example.gov.uk/sites/pmo/Report.pdf"
    )
    assert check_link("HTTP://example.com/a?b=c").startswith("HTTP://")


def test_sizes_read_as_windows_shows_them():
    assert human_size(10 * MB) == "10 MB"
    assert human_size(int(14.2 * MB)) == "14.2 MB"
    assert human_size(1536) == "1.5 KB"
    assert human_size(900) == "900 bytes"
    assert human_size(1) == "1 byte"
