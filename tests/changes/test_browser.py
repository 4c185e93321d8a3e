"""Change control in a real browser under the real CSP: an owner asks, an approver decides."""

import pytest

from tests.browser_fixtures import ARTIFACTS, new_page, settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(browser, base_url: str, username: str):
    page = new_page(browser)
    sign_in(page, base_url, username)
    return page


def screenshot(page, name: str, *, full_page: bool = True) -> None:
    settle_and_screenshot(page, f"changes-{name}", full_page=full_page)


def test_owner_asks_for_a_new_due_date_and_an_approver_approves_it(
    live_server, sample_plan, owner_with_roles, role_users, browser
):
    owner = signed_in(browser, live_server.url, "owner")
    owner.goto(f"{live_server.url}/actions/OC.A1.3/")
    owner.get_by_role("link", name="Ask for a change to OC.A1.3").click()
    new_due = owner.get_by_label("New due date")
    # GOV.UK Frontend's radios reveal only the chosen kind's fields: the script ran under CSP.
    sync_api.expect(new_due).to_be_hidden()
    owner.get_by_label("Change the due date").check()
    sync_api.expect(new_due).to_be_visible()
    new_due.fill("dates")
    owner.get_by_label("Why is the change needed?").fill(
        "DS suggest Change Control to January to allow LT time to refine the first draft"
    )
    owner.get_by_label("Reporting month").fill("2022-10")
    owner.get_by_role("button", name="Send for decision").click()
    sync_api.expect(owner.locator(".govuk-error-summary")).to_contain_text(
        "planwatch cannot read 'dates' as a due date"
    )
    screenshot(owner, "01-raise-error")
    # The refused form came back as 400 Bad Request, which the browser logs; nothing else may.
    assert [e for e in owner.console_errors if "400 (Bad Request)" not in e] == []
    owner.console_errors.clear()
    owner.get_by_label("New due date").fill("January 2023")
    owner.get_by_role("button", name="Send for decision").click()
    sync_api.expect(owner.locator(".govuk-notification-banner")).to_contain_text("raised")
    screenshot(owner, "02-raised")

    approver = signed_in(browser, live_server.url, "approver")
    approver.goto(owner.url)
    approver.get_by_label("Approve: change the plan now").check()
    approver.get_by_label("Note").fill("Agreed at Leadership Team")
    approver.get_by_role("button", name="Record the decision").click()
    sync_api.expect(approver.locator(".govuk-notification-banner")).to_contain_text(
        "the plan has been changed"
    )
    screenshot(approver, "03-approved")

    approver.get_by_role("link", name="OC.A1.3").first.click()
    section = approver.locator("#change-control-section")
    sync_api.expect(section).to_contain_text("2 months later than the baseline")
    sync_api.expect(section).to_contain_text("from Autumn 2022 to January 2023")
    approver.wait_for_load_state("networkidle")
    section.screenshot(path=str(ARTIFACTS / "changes-04-action-chain.png"))

    approver.goto(f"{live_server.url}/changes/")
    sync_api.expect(approver.get_by_role("heading", level=1)).to_have_text("Change control log")
    screenshot(approver, "05-log", full_page=False)
    assert owner.console_errors == [] and approver.console_errors == []
