"""A PMO officer signs in and browses the plan in a real browser, under the real CSP."""

import pytest

from tests.browser_fixtures import settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pmo_signs_in_and_browses_overview_theme_and_action(
    live_server, sample_plan, role_users, browser_page
):
    page = browser_page
    sign_in(page, live_server.url, "pmo")

    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Plan overview")
    sync_api.expect(page.get_by_text("Pat Morgan")).to_be_visible()
    sync_api.expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    settle_and_screenshot(page, "01-overview")

    page.get_by_role("link", name="Organisational Culture").first.click()
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Organisational Culture")
    sync_api.expect(page.get_by_text("Establishing Organisational Culture").first).to_be_visible()
    settle_and_screenshot(page, "02-theme")

    page.get_by_role("link", name="OC.A1.3").click()
    sync_api.expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Approval of document setting out the desired organisational culture"
    )
    sync_api.expect(page.get_by_text("Read as: Sep 2022 – Nov 2022 (season)").first).to_be_visible()
    sync_api.expect(page.get_by_role("heading", name="Update history")).to_be_visible()
    page.get_by_text("Cells as written in the workbook").click()
    sync_api.expect(page.get_by_text("Update (Initial and Date)(October 22)")).to_be_visible()
    settle_and_screenshot(page, "03-action")

    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "GDS Transport" in font
    stylesheet = [url for url in page.responses if url.endswith("govuk-frontend.min.css")]
    assert stylesheet
    assert all(page.responses[url] == 200 for url in stylesheet)
    fonts = [url for url in page.responses if "/assets/fonts/" in url]
    assert fonts
    assert all(page.responses[url] == 200 for url in fonts)
    # The nonced inline script ran and GOV.UK Frontend's module initialised its components.
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    assert page.evaluate(
        "document.querySelector('[data-module=govuk-service-navigation]')"
        ".hasAttribute('data-govuk-service-navigation-init')"
    )
    assert page.console_errors == []


def test_wrong_password_and_bad_filter_show_govuk_error_summaries(
    live_server, sample_plan, role_users, browser_page
):
    page = browser_page
    sign_in(page, live_server.url, "not-the-password")
    summary = page.locator(".govuk-error-summary")
    sync_api.expect(summary).to_contain_text("Please enter a correct username and password")
    sync_api.expect(summary).to_be_focused()
    settle_and_screenshot(page, "04-login-error")

    sign_in(page, live_server.url, "pmo")
    page.get_by_role("link", name="Actions", exact=True).first.click()
    page.get_by_label("Latest status").select_option("complete")
    page.get_by_role("button", name="Apply filters").click()
    sync_api.expect(page.get_by_role("heading", level=2, name="113 actions match")).to_be_visible()
    settle_and_screenshot(page, "05-actions-filtered")

    page.goto(f"{live_server.url}/actions/?status=nonsense")
    sync_api.expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose a latest status from the list"
    )
    settle_and_screenshot(page, "06-actions-bad-filter")
    assert page.console_errors == []
