"""The dashboard in a real browser, under the real CSP: charts visible, no errors."""

from datetime import date

import pytest

from planwatch.plans.models import Action
from tests.browser_fixtures import settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_viewer_sees_the_dashboard_charts_and_can_open_a_data_table(
    live_server, sample_plan, role_users, browser_page
):
    slipped = Action.objects.get(plan=sample_plan, ref="OC.A1.3")
    slipped.due_text, slipped.due_latest = "Mar 2023", date(2023, 3, 31)
    slipped.rebaseline_count = 1
    slipped.save()
    page = browser_page
    sign_in(page, live_server.url, "viewer", next_path="/dashboards/")

    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    charts = page.locator("figure svg[role=img]")
    assert charts.count() == 1 + sample_plan.themes.count() + 2
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
    sync_api.expect(
        page.get_by_role("img", name="Sub-action status by month").first
    ).to_be_visible()

    page.get_by_text("Show the data as a table").first.click()
    table = page.locator("figure table").first
    sync_api.expect(table).to_be_visible()
    sync_api.expect(table.get_by_role("columnheader", name="On track")).to_be_visible()
    slippage = page.get_by_role("table").filter(has_text="Months of slippage")
    sync_api.expect(slippage.get_by_role("link", name="OC.A1.3")).to_be_visible()
    settle_and_screenshot(page, "dashboards-01-index")

    page.get_by_label("Theme").select_option("OC")
    page.get_by_role("button", name="Show").click()
    sync_api.expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dashboard: Organisational Culture"
    )
    assert page.locator("figure svg[role=img]").count() == 3
    settle_and_screenshot(page, "dashboards-02-theme", full_page=False)

    assert page.console_errors == []
