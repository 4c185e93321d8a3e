"""Who may open the assurance pages (gathered by tests/accounts/test_permission_matrix.py)."""

from tests.accounts.url_roles import EVERYONE, PMO_ONLY

EXPECTED = {
    "assurance:index": ({}, EVERYONE, "page"),
    "assurance:export": ({}, EVERYONE, "page"),
    # Dismissing and undoing are forms on the index page; a GET is refused outright.
    "assurance:dismiss": ({}, PMO_ONLY, "post_only"),
    "assurance:undo": ({"pk": 1}, PMO_ONLY, "post_only"),
}
