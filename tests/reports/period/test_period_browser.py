"""The Cabinet report page in a real browser under the real CSP: pick a month, see the report."""

import pytest

from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_viewer_reads_the_cabinet_report_and_a_bad_month_is_explained(
    live_server, sample_plan, role_users, browser
):
    page = new_page(browser)
    sign_in(page, live_server.url, "viewer")
    page.goto(f"{live_server.url}/reports/period/cabinet/")
    sync_api.expect(page.locator("h1")).to_contain_text(
        "Cabinet quarterly progress report, Aug – Oct 2022"
    )
    sync_api.expect(page.get_by_role("link", name="Download Word")).to_be_visible()
    settle_and_screenshot(page, "period-cabinet-report")

    page.get_by_label("Last month of the period").fill("Sept")
    page.get_by_role("button", name="Show the 3 months ending then").click()
    summary = page.locator(".govuk-error-summary")
    sync_api.expect(summary).to_contain_text("like 2022-10")
    settle_and_screenshot(page, "period-cabinet-error", full_page=False)

    page.get_by_label("Last month of the period").fill("2022-09")
    page.get_by_role("button", name="Show the 3 months ending then").click()
    sync_api.expect(page.locator("h1")).to_contain_text("Jul – Sep 2022")
