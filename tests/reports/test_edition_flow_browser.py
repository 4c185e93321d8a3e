"""The whole publishing flow in a real browser: PMO edits a draft cell, publishes, downloads,
edits the plan again and finds the edition unchanged, makes it public, and someone who is
not signed in opens it."""

import hashlib
import re

import pytest

from tests.browser_fixtures import axe_violations, new_page, settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
FIRST = "Framework agreed at Leadership Team; roll-out begins in November."
LATER = "Rewritten after the edition went to Cabinet."


def _summary_cell_write(page, base: str, text: str) -> None:
    page.goto(f"{base}/reports/theme-summary/OC/narratives/?month=2022-10")
    page.locator("fieldset").first.get_by_label("Summary").fill(text)
    page.get_by_role("button", name="Save narratives").click()
    sync_api.expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved")


def _download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_draft_publish_download_edit_make_public_and_read_signed_out(
    live_server, accepted_sample, role_users, browser, settings
):
    sample_plan = accepted_sample
    settings.TASKS = IMMEDIATE  # the worker's job, run in the request for the test
    base = live_server.url
    page = new_page(browser)
    sign_in(page, base, "pmo")

    _summary_cell_write(page, base, FIRST)

    page.goto(f"{base}/reports/editions/?plan={sample_plan.name}")
    page.get_by_label("Report").select_option("theme_summary")
    page.get_by_label("Month").fill("2022-10")
    page.get_by_label("Meeting it goes to").fill("Cabinet 16 November 2022")
    page.get_by_role("button", name="Publish").click()
    row = page.locator("tr", has_text="Cabinet 16 November 2022")
    sync_api.expect(row).to_be_visible()
    listed_hash = row.locator("li", has_text="HTML").locator("code").inner_text()

    html = _download(page, re.compile(r"^HTML\W.*edition 1$"))
    pdf = _download(page, re.compile(r"^PDF\W.*edition 1$"))
    assert hashlib.sha256(html).hexdigest() == listed_hash
    assert FIRST in html.decode()
    assert pdf.startswith(b"%PDF")

    # The plan moves on; the published edition does not.
    _summary_cell_write(page, base, LATER)
    page.goto(f"{base}/reports/editions/?plan={sample_plan.name}")
    again = _download(page, re.compile(r"^HTML\W.*edition 1$"))
    assert again == html
    assert LATER not in again.decode()

    page.get_by_role("button", name=re.compile(r"^Make public")).click()
    sync_api.expect(page.locator(".govuk-notification-banner")).to_contain_text("is public at")
    settle_and_screenshot(page, "reports-editions-public")

    # Someone with no account: a fresh browser context, no cookies.
    public = new_page(browser)
    public.goto(f"{base}/public/reports/")
    public.get_by_role("link", name=re.compile("Theme Progress Summary")).click()
    sync_api.expect(public.get_by_text("Cabinet 16 November 2022")).to_be_visible()
    assert axe_violations(public) == []
    settle_and_screenshot(public, "public-edition")
    public.get_by_role("link", name="Read the report (web page)").click()
    sync_api.expect(public.get_by_text(FIRST)).to_be_visible()
    assert public.get_by_text(LATER).count() == 0
    assert public.console_errors == []
    assert "/accounts/login" not in public.url and "login" not in public.url
