"""A PMO officer signs in and browses the plan in a real browser, under the real CSP."""

from pathlib import Path

import pytest

from planwatch.accounts.demo import demo_password

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def allow_database_calls_beside_playwrights_event_loop(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
    # the database calls the fixtures make from it. Set per test so it never leaks elsewhere.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser_page():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./run test installs Debian's chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.console_errors = []
        page.responses = {}
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.on("response", lambda response: page.responses.update({response.url: response.status}))
        yield page
        browser.close()


def settle_and_screenshot(page, name: str) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def sign_in(page, base_url: str, password: str) -> None:
    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill("pmo")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_pmo_signs_in_and_browses_overview_theme_and_action(
    live_server, sample_plan, role_users, browser_page
):
    page = browser_page
    sign_in(page, live_server.url, demo_password("pmo"))

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

    sign_in(page, live_server.url, demo_password("pmo"))
    page.get_by_role("link", name="Actions", exact=True).first.click()
    page.get_by_label("Latest status").select_option("complete")
    page.get_by_role("button", name="Apply filters").click()
    sync_api.expect(page.get_by_role("heading", level=2, name="107 actions match")).to_be_visible()
    settle_and_screenshot(page, "05-actions-filtered")

    page.goto(f"{live_server.url}/actions/?status=nonsense")
    sync_api.expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose a latest status from the list"
    )
    settle_and_screenshot(page, "06-actions-bad-filter")
    assert page.console_errors == []
