"""Browser tests' fixtures: Debian's chromium driven by Playwright (never a downloaded browser)."""

from pathlib import Path

import pytest

from planwatch.accounts.demo import demo_password

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def allow_database_calls_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
    # the database calls the test makes while the browser is open. Per test, never leaked.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser(allow_database_calls_beside_playwright):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./run test installs Debian's chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def new_page(browser):
    """A page that records console errors (CSP violations among them) and response codes."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.console_errors = []
    page.responses = {}
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("response", lambda response: page.responses.update({response.url: response.status}))
    return page


@pytest.fixture
def browser_page(browser):
    return new_page(browser)


def sign_in(page, base_url: str, username: str, next_path: str = "/") -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}{next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(demo_password(username))
    page.get_by_role("button", name="Sign in").click()


def settle_and_screenshot(page, name: str, *, full_page: bool = True) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.2 AA violations on the page as loaded. Run through page.evaluate:
    the CSP refuses an injected script tag, as it should."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: ./run test installs the npm packages")
    page.evaluate(AXE.read_text())
    return page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
            .then(result => result.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))})))"""
    )
