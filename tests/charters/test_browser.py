"""A PMO officer reads a charter and adds a key milestone in a real browser."""

import pytest

from tests.browser_fixtures import settle_and_screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pmo_reads_a_charter_and_adds_a_milestone(
    live_server, browser_page, charters_plan, role_users
):
    page = browser_page
    sign_in(page, live_server.url, "pmo", "/charters/")
    settle_and_screenshot(page, "charters-index")
    page.get_by_role("link", name="Organisational Culture").first.click()
    assert page.get_by_role("heading", name="Key milestones").is_visible()
    settle_and_screenshot(page, "charters-detail-oc")

    page.get_by_role("link", name="Add a key milestone").click()
    page.get_by_label("Key milestone").fill("Corporate induction revised")
    page.get_by_label("Actions that deliver it (optional)").fill("OC.B1.2, OC.X1.1")
    page.get_by_role("button", name="Add").click()
    assert page.get_by_text("There is a problem").is_visible()
    settle_and_screenshot(page, "charters-milestone-error")

    page.get_by_label("Actions that deliver it (optional)").fill("OC.B1.2")
    page.get_by_role("button", name="Add").click()
    row = page.locator("tr", has_text="Corporate induction revised")
    assert row.get_by_role("link", name="OC.B1.2").is_visible()
    assert "On track" in row.inner_text()
