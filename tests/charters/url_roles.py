"""Who may open the theme charter pages (gathered by tests/accounts/test_permission_matrix.py)."""

from tests.accounts.url_roles import EVERYONE, PMO_ONLY


def _charter():
    from planwatch.charters.models import ThemeCharter
    from planwatch.plans.models import Theme

    charter, _ = ThemeCharter.objects.get_or_create(theme=Theme.objects.get(code="OC"))
    return charter


def _milestone() -> dict:
    from planwatch.charters.models import KeyMilestone

    milestone, _ = KeyMilestone.objects.get_or_create(
        charter=_charter(), text="Budget Holder Role Profile Approved", due_text="May 2022"
    )
    return {"code": "OC", "pk": milestone.pk}


def _deliverable() -> dict:
    from planwatch.charters.models import KeyDeliverable

    item, _ = KeyDeliverable.objects.get_or_create(
        charter=_charter(), text="Employee Engagement Survey"
    )
    return {"code": "OC", "kind": "deliverables", "pk": item.pk}


def _workstream() -> dict:
    from planwatch.charters.models import CharterWorkstream

    item, _ = CharterWorkstream.objects.get_or_create(
        charter=_charter(), name="Employee Engagement", aim="to identify actions"
    )
    return {"code": "OC", "pk": item.pk}


EXPECTED = {
    "charters:index": ({}, EVERYONE, "page"),
    "charters:detail": ({"code": "OC"}, EVERYONE, "page"),
    "charters:edit": ({"code": "OC"}, PMO_ONLY, "page"),
    "charters:workstream_add": ({"code": "OC"}, PMO_ONLY, "page"),
    "charters:workstream_edit": (_workstream, PMO_ONLY, "page"),
    "charters:workstream_remove": (_workstream, PMO_ONLY, "page"),
    "charters:milestone_add": ({"code": "OC"}, PMO_ONLY, "page"),
    "charters:milestone_edit": (_milestone, PMO_ONLY, "page"),
    "charters:milestone_remove": (_milestone, PMO_ONLY, "page"),
    "charters:item_add": ({"code": "OC", "kind": "measures"}, PMO_ONLY, "page"),
    "charters:item_edit": (_deliverable, PMO_ONLY, "page"),
    "charters:item_remove": (_deliverable, PMO_ONLY, "page"),
}
