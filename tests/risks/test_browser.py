"""The heatmap in a real browser under the real CSP: drawn, coloured, and its cells link to
the register."""

import pytest

from planwatch.risks.demo import demo_load
from planwatch.risks.models import Risk
from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in

from .helpers import OCTOBER, SEPTEMBER, review

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Residual (impact, likelihood) in September and October for some of the plan's own risks;
# made up for the picture (the plan gives no scores).
REVIEWS = {
    "R01": ((3, 3), (3, 2)),
    "R02": ((3, 3), (3, 3)),
    "R05": ((4, 3), (4, 2)),
    "R06": ((2, 2), (2, 3)),
    "R07": ((4, 4), (4, 3)),
}


def test_the_heatmap_shows_counts_per_cell_and_links_to_the_register(
    live_server, sample_plan, role_users, browser
):
    demo_load(plan=sample_plan)
    pmo = role_users["pmo"]
    for reference, (september, october) in REVIEWS.items():
        risk = Risk.objects.get(reference=reference)
        review(pmo, risk, SEPTEMBER, *september)
        review(pmo, risk, OCTOBER, *october)

    page = new_page(browser)
    sign_in(page, live_server.url, "viewer", "/risks/heatmap/")
    sync_api.expect(page.get_by_role("heading", name="Risk heatmap", exact=True)).to_be_visible()
    sync_api.expect(page.locator("#heatmap-title")).to_contain_text("5 risks")
    cell = page.locator("rect.risks-cell--high").first
    # The band colour comes from our stylesheet: proof it loaded under the CSP.
    assert cell.evaluate("e => getComputedStyle(e).fill") == "rgb(212, 53, 28)"
    settle_and_screenshot(page, "risks-heatmap")
    assert page.console_errors == []

    page.get_by_label("Show residual risk as at").select_option(label="September 2022")
    page.get_by_role("button", name="Show").click()
    sync_api.expect(page.locator("#heatmap-title")).to_contain_text("as at September 2022")
    settle_and_screenshot(page, "risks-heatmap-september")

    page.locator('a[aria-label="2 risks with impact 3 and likelihood 3"]').click()
    rows = page.locator("#register tbody tr")
    sync_api.expect(rows).to_have_count(2)
    sync_api.expect(rows.first).to_contain_text("R01 Resources")
    settle_and_screenshot(page, "risks-register-cell")
    assert page.console_errors == []

    # Whoever scores reads the matrix's definitions beside each choice.
    sign_in(page, live_server.url, "pmo", f"/risks/{Risk.objects.get(reference='R01').pk}/review/")
    sync_api.expect(page.get_by_text("requiring intervention by Members.").first).to_be_visible()
    settle_and_screenshot(page, "risks-review-form")
    assert page.console_errors == []

    page.get_by_role("link", name="Back to R01").click()
    sync_api.expect(page.locator("#history tbody tr")).to_have_count(2)
    settle_and_screenshot(page, "risks-detail")
    page.goto(f"{live_server.url}/risks/matrix/")
    sync_api.expect(page.locator("#impact tbody tr")).to_have_count(4)
    settle_and_screenshot(page, "risks-matrix")
    assert page.console_errors == []
