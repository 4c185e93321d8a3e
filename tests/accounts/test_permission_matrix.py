"""Every URL x every role: allowed, forbidden, or sent to sign in.

The URL list is read from the URL configuration itself, so a new page without an entry in
EXPECTED fails here until someone decides who may see it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "no_role", "viewer", "owner", "approver", "pmo", "admin")
EVERYONE = frozenset(ROLES) - {"anonymous", "no_role"}
PMO_ONLY = frozenset({"pmo", "admin"})

# name -> (kwargs or a callable giving them, roles allowed, outcome for allowed roles on GET)
# Outcomes: "page" (200), "redirect" (302 somewhere other than sign-in), "post_only" (405).
EXPECTED: dict[str, tuple[dict, frozenset[str], str]] = {
    "plans:overview": ({}, EVERYONE, "page"),
    "plans:theme": ({"code": "OC"}, EVERYONE, "page"),
    "plans:action_list": ({}, EVERYONE, "page"),
    "plans:action_detail": ({"ref": "OC.A1.3"}, EVERYONE, "page"),
    "imports:data_quality": ({}, EVERYONE, "page"),
}
PUBLIC = {"login"}
NOT_PAGES = {"logout"}  # POST-only sign-out, tested in tests/plans/test_login_page.py


def named_urls(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= named_urls(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_named_url_has_a_decided_set_of_roles():
    undecided = named_urls() - set(EXPECTED) - PUBLIC - NOT_PAGES

    assert not undecided, f"add these to EXPECTED with the roles allowed: {sorted(undecided)}"


@pytest.fixture
def people(role_users):
    people = dict(role_users)
    people["no_role"] = get_user_model().objects.create_user("nobody", password="x")
    return people


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_what_the_matrix_says(name, client, sample_plan, owner_with_roles, people):
    kwargs, allowed, outcome = EXPECTED[name]
    url = reverse(name, kwargs=kwargs() if callable(kwargs) else kwargs)
    results = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(people[role])
        response = client.get(url)
        results[role] = _classify(response)

    expected = {
        role: "login" if role == "anonymous" else (outcome if role in allowed else "forbidden")
        for role in ROLES
    }
    assert results == expected


def _classify(response) -> str:
    if response.status_code == 302:
        return "login" if response.url.startswith(reverse("login")) else "redirect"
    return {200: "page", 403: "forbidden", 405: "post_only"}.get(
        response.status_code, str(response.status_code)
    )


def test_admin_site_is_for_pmo_officers_and_administrators_only(client, people):
    for role, expected in [("pmo", 200), ("admin", 200), ("viewer", 302), ("owner", 302)]:
        client.force_login(people[role])
        assert client.get(reverse("admin:index")).status_code == expected, role
