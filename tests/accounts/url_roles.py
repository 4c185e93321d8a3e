"""Who may open a page: shared by the permission matrix and each app's `tests/<app>/url_roles.py`.

Each app's tests declare their own pages in a module `tests/<app>/url_roles.py` holding
`EXPECTED = {url name: (kwargs or a callable giving them, roles allowed, outcome on GET)}`;
`tests/accounts/test_permission_matrix.py` gathers them all.
Outcomes: "page" (200), "redirect" (302 somewhere other than sign-in), "post_only" (405).
"""

ROLES = ("anonymous", "no_role", "viewer", "owner", "approver", "pmo", "admin")
EVERYONE = frozenset(ROLES) - {"anonymous", "no_role"}
PMO_ONLY = frozenset({"pmo", "admin"})
AUDITORS = frozenset({"viewer", "approver", "pmo", "admin"})
# The demo owner reports for OC.A1.3 (Director – Business Strategy and Change).
OWNER_OF_OC_A1_3 = frozenset({"owner", "pmo", "admin"})
