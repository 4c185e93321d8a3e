"""One whole month in a real browser, each role doing its own part.

PMO opens the cycle; the owner submits an update asking to move a due date; PMO accepts
the update; an approver approves the change; the action then shows the new due date, the
baseline it moved from, the slippage and the re-baseline. Screenshots land in
test-artifacts/cycle-*.png.
"""

from datetime import date

import pytest

from planwatch.changes.models import ChangeKind, ChangeRequest, Decision
from planwatch.plans.models import Action, ProgressUpdate, UpdateState
from planwatch.updates.models import UpdateCycle
from tests.browser_fixtures import new_page, settle_and_screenshot, sign_in

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOVEMBER = date(2022, 11, 1)


def test_pmo_opens_owner_asks_pmo_accepts_approver_approves_and_the_plan_moves(
    live_server, sample_plan, role_users, owner_with_roles, browser, monkeypatch
):
    monkeypatch.setattr("planwatch.updates.views._today", lambda: date(2022, 11, 3))
    url = live_server.url

    pmo = new_page(browser)
    sign_in(pmo, url, "pmo", "/cycles/")
    pmo.get_by_role("link", name="Open a cycle").click()
    pmo.get_by_label("Month").select_option("2022-11")
    pmo.get_by_label("Deadline").fill("14/11/2022")
    pmo.get_by_role("button", name="Open the cycle").click()
    expect(pmo.locator(".govuk-notification-banner")).to_be_visible()
    settle_and_screenshot(pmo, "cycle-01-pmo-opened-november")
    cycle = UpdateCycle.objects.get(plan=sample_plan, month=NOVEMBER)

    owner = new_page(browser)
    sign_in(owner, url, "owner", "/cycles/mine/")
    expect(owner.get_by_role("heading", level=1)).to_have_text("My updates")
    settle_and_screenshot(owner, "cycle-02-owner-my-updates")
    owner.get_by_role("link", name="OC.A1.3").click()
    owner.get_by_label("Medium progress", exact=True).check()
    owner.get_by_label("Evidence of status rating").fill(
        "First draft of the desired culture went to LT on 22 November; LT asked for time "
        "to refine it before approval."
    )
    owner.get_by_text("Ask for a change control").click()
    owner.get_by_label("Change requested").select_option(ChangeKind.DUE_DATE.value)
    owner.get_by_label("Proposed value").fill("Jan 2023")
    owner.get_by_label("Reason for the change").fill(
        "Leadership Team need time to refine and feed back on the first draft."
    )
    settle_and_screenshot(owner, "cycle-03-owner-update-form")
    owner.get_by_role("button", name="Submit update").click()
    expect(owner.locator(".govuk-notification-banner")).to_be_visible()

    update = ProgressUpdate.objects.get(action__ref="OC.A1.3", month=NOVEMBER)
    assert update.state == UpdateState.SUBMITTED
    request = ChangeRequest.objects.get(action__ref="OC.A1.3", kind=ChangeKind.DUE_DATE)
    assert (request.decision, request.progress_update_id) == (Decision.PENDING, update.pk)

    pmo.goto(f"{url}/cycles/{cycle.pk}/review/{update.pk}/")
    expect(pmo.get_by_text("Jan 2023").first).to_be_visible()
    settle_and_screenshot(pmo, "cycle-04-pmo-reviews")
    pmo.get_by_role("button", name="Accept").click()
    expect(pmo.locator(".govuk-notification-banner")).to_be_visible()
    update.refresh_from_db()
    assert update.state == UpdateState.ACCEPTED

    approver = new_page(browser)
    sign_in(approver, url, "approver", f"/changes/{request.pk}/")
    approver.get_by_label("Approve: change the plan now").check()
    approver.get_by_label("Note").fill("Approved at Leadership Team, 29 November 2022.")
    settle_and_screenshot(approver, "cycle-05-approver-decides")
    approver.get_by_role("button", name="Record the decision").click()
    expect(approver.locator(".govuk-notification-banner")).to_be_visible()

    approver.goto(f"{url}/actions/OC.A1.3/")
    control = approver.locator("#change-control-section")
    expect(control).to_contain_text("Jan 2023")
    expect(control).to_contain_text("Autumn 2022")
    expect(control).to_contain_text("2 months later than the baseline")
    expect(control).to_contain_text("1 time")
    settle_and_screenshot(approver, "cycle-06-action-moved")

    action = Action.objects.get(ref="OC.A1.3")
    assert (action.due_text, action.baseline_due_text) == ("Jan 2023", "Autumn 2022")
    assert action.rebaseline_count == 1
    for page in (pmo, owner, approver):
        assert page.console_errors == []
