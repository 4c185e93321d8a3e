"""The summary and the narrative page in a real browser under the real CSP: PMO writes a
narrative and it appears in the month's summary."""

import re

import pytest

from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pmo_writes_a_narrative_and_reads_it_in_the_summary(
    live_server, accepted_sample, role_users, browser
):
    page = new_page(browser)
    sign_in(page, live_server.url, "pmo")
    page.goto(f"{live_server.url}/reports/?month=2022-10")
    settle_and_screenshot(page, "reports-index")
    page.get_by_role("link", name="Write narratives for Organisational Culture").click()
    # Each unwritten narrative starts from the month's commentary; saving keeps them all.
    sync_api.expect(
        page.get_by_text("Not saved yet: started from October 2022").first
    ).to_be_visible()
    page.locator("#ws-1, fieldset").first.get_by_label("Summary").fill(
        "One Team Framework agreed and being implemented."
    )
    page.get_by_role("button", name="Save narratives").click()
    sync_api.expect(page.locator(".govuk-notification-banner")).to_contain_text(
        re.compile(r"Saved \d+ workstream narratives? for Organisational Culture")
    )
    sync_api.expect(
        page.get_by_text("One Team Framework agreed and being implemented.")
    ).to_be_visible()
    settle_and_screenshot(page, "reports-theme-summary", full_page=False)
