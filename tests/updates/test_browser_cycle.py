"""An owner submits a month's update and PMO reviews it, in a real browser under the real CSP."""

import pytest

from tests.browser_fixtures import settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_owner_submits_an_update_with_a_change_request_and_pmo_returns_it(
    live_server, owner_with_roles, cycle, today, request
):
    page = request.getfixturevalue("browser_page")
    sign_in(page, live_server.url, "owner", "/cycles/mine/")
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("My updates")
    settle_and_screenshot(page, "updates-01-my-updates")

    page.get_by_role("link", name="OC.A1.3").click()
    sync_api.expect(page.get_by_role("heading", level=1)).to_contain_text("OC.A1.3")
    sync_api.expect(page.get_by_role("heading", name="October 2022")).to_be_visible()
    page.get_by_role("button", name="Submit update").click()
    summary = page.locator(".govuk-error-summary")
    sync_api.expect(summary).to_contain_text("Choose a status")
    sync_api.expect(summary).to_be_focused()
    settle_and_screenshot(page, "updates-02-error")

    page.get_by_label("Medium progress").check()
    page.get_by_label("Evidence of status rating").fill(
        "First iteration goes to LT at the end of November; change control to January."
    )
    page.get_by_text("Ask for a change control").click()
    page.get_by_label("Change requested").select_option("due_date")
    page.get_by_label("Proposed value").fill("Jan 2023")
    page.get_by_label("Reason for the change").fill("LT needs time to refine the first draft.")
    settle_and_screenshot(page, "updates-03-form")
    page.get_by_role("button", name="Submit update").click()
    sync_api.expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "OC.A1.3: your November 2022 update is submitted for PMO review."
    )

    sign_in(page, live_server.url, "pmo", "/cycles/")
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Monthly update cycles")
    settle_and_screenshot(page, "updates-04-cycles")
    page.get_by_role("link", name="November 2022").first.click()
    page.get_by_role("link", name="Review OC.A1.3").click()
    sync_api.expect(
        page.get_by_text("Change the due date: Jan 2023 (pending decision)")
    ).to_be_visible()
    page.get_by_label("Note to the owner").fill("Say when LT will see the first draft.")
    settle_and_screenshot(page, "updates-05-review")
    page.get_by_role("button", name="Return to owner").click()
    sync_api.expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "OC.A1.3's update is returned to its owner."
    )
    today.set(today.value.replace(day=20))
    page.goto(f"{live_server.url}/cycles/{cycle.pk}/late/")
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Late November 2022 updates")
    settle_and_screenshot(page, "updates-06-late")
    assert page.console_errors == []
