"""The PMO imports next month's workbook from the browser: upload, preview, confirm, the month.

The real background worker (`db_worker`) does the reading and the import, run here between
the browser's steps; the page follows its progress by itself. Screenshots land in
test-artifacts/import-*.png.
"""

from datetime import date

import pytest
from django.core.management import call_command

from planwatch.imports.models import TrackerUpload, UploadState
from planwatch.plans.models import ProgressUpdate
from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in
from tests.imports.workbooks import altered_sample, as_november

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def hold_requests_while_the_worker_runs(page) -> None:
    # The test database is SQLite in shared-cache memory, which locks whole tables rather
    # than waiting: a poll landing mid-import would fail there (never on a real file, which
    # runs in WAL mode). Routed requests only reach the server while the test drives the
    # browser, so none overlaps the worker below.
    page.route("**/*", lambda route: route.continue_())


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_pmo_uploads_previews_confirms_and_sees_the_new_month(
    live_server, sample_plan, role_users, browser, tmp_path
):
    workbook = altered_sample(tmp_path / "tracker-2022-11.xlsx", as_november)
    page = new_page(browser)
    hold_requests_while_the_worker_runs(page)
    sign_in(page, live_server.url, "pmo", "/imports/upload/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a tracker workbook")

    page.get_by_label("Tracker workbook").set_input_files(str(workbook))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting for the worker")
    settle_and_screenshot(page, "import-01-waiting-for-the-worker")

    run_worker()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Check the import before you confirm it", timeout=15_000)
    november = page.locator("[data-preview-updates] tr[data-month='2022-11']")
    expected = TrackerUpload.objects.get().preview["summary"]["updates_per_month"]["2022-11"]
    expect(november.locator("[data-new]")).to_have_text(str(expected))
    expect(
        page.locator("[data-preview-themes] tr[data-theme='OC'] [data-unchanged]")
    ).not_to_be_empty()
    settle_and_screenshot(page, "import-02-preview")
    assert not ProgressUpdate.objects.filter(month=date(2022, 11, 1)).exists()

    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importing")
    run_worker()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import complete", timeout=15_000)
    expect(page.locator("[data-imported-totals]")).to_contain_text(f"{expected} updates added")
    settle_and_screenshot(page, "import-03-imported")
    assert TrackerUpload.objects.get().state == UploadState.IMPORTED

    page.get_by_role("link", name="See the plan").click()
    page.goto(f"{live_server.url}/actions/OC.A1.2/")
    expect(page.get_by_text("November 2022").first).to_be_visible()
    settle_and_screenshot(page, "import-04-action-with-november")
    assert page.console_errors == []
