"""The assurance page in a real browser under the real CSP: PMO dismisses a flag."""

import pytest

from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pmo_dismisses_a_flag_after_being_told_a_reason_is_needed(
    live_server, sample_plan, role_users, browser
):
    sync_api = pytest.importorskip("playwright.sync_api")
    page = new_page(browser)
    sign_in(page, live_server.url, "pmo", "/assurance/")
    row = page.locator('[data-flag="OC.C1.1 rating_disagrees"]')
    sync_api.expect(row).to_contain_text("5 months' slippage implies Significant issues")
    settle_and_screenshot(page, "assurance-01-october")

    row.get_by_text("Dismiss this flag").click()
    row.get_by_role("button", name="Dismiss").click()
    sync_api.expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why this flag needs no action"
    )
    settle_and_screenshot(page, "assurance-02-reason-missing", full_page=False)
    # The refused form came back as 400 Bad Request, which the browser logs; nothing else may.
    assert [e for e in page.console_errors if "400 (Bad Request)" not in e] == []
    page.console_errors.clear()

    row = page.locator('[data-flag="OC.C1.1 rating_disagrees"]')
    row.get_by_label("Why does this flag need no action?").fill(
        "Change control to November agreed at Leadership Team"
    )
    row.get_by_role("button", name="Dismiss").click()
    sync_api.expect(page.locator("#dismissed-flags")).to_contain_text("agreed at Leadership Team")
    sync_api.expect(page.locator('[data-flag="OC.C1.1 rating_disagrees"]')).to_have_count(0)
    settle_and_screenshot(page, "assurance-03-dismissed")
    assert page.console_errors == []
