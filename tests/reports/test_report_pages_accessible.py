"""The report pages pass axe-core's WCAG 2.2 AA checks in chromium, under the real CSP."""

import pytest

from tests.browser_fixtures import axe_violations, sign_in

pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/reports/?month=2022-10",
    "/reports/theme-summary/?month=2022-10",
    "/reports/period/cabinet/?end=2022-10",
    "/reports/period/commissioners/?end=2022-10",
    "/reports/editions/",
    "/reports/theme-summary/?month=2022-10&layout=2022",
    "/reports/theme-summary/OC/cells/?month=2022-10",
    "/public/reports/",
    "/public/reports/accessibility/",
]


def test_the_report_pages_have_no_accessibility_violations(
    live_server, sample_plan, role_users, browser_page
):
    page = browser_page
    sign_in(page, live_server.url, "pmo")
    page.wait_for_load_state("networkidle")
    found = {}
    for path in PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        found[path] = axe_violations(page)

    assert found == {path: [] for path in PAGES}
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


def test_the_check_finds_a_violation_planted_on_a_report_page(
    live_server, sample_plan, role_users, browser_page
):
    page = browser_page
    sign_in(page, live_server.url, "pmo")
    page.goto(f"{live_server.url}/reports/theme-summary/?month=2022-10")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")

    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}
