"""Who may open the reports pages (gathered by tests/accounts/test_permission_matrix.py)."""

from tests.accounts.url_roles import EVERYONE, PMO_ONLY

EXPECTED = {
    "reports:index": ({}, EVERYONE, "page"),
    "reports:theme_summary": ({}, EVERYONE, "page"),
    "reports:narratives_edit": ({"code": "OC"}, PMO_ONLY, "page"),
}
