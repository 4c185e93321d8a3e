"""Every URL x every role: allowed, forbidden, or sent to sign in.

The URL list is read from the URL configuration itself, so a new page without an entry in
EXPECTED fails here until someone decides who may see it.
"""

import importlib
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.accounts.url_roles import AUDITORS, EVERYONE, OWNER_OF_OC_A1_3, PMO_ONLY, ROLES

pytestmark = pytest.mark.django_db


def _november_cycle() -> dict:
    from django.contrib.auth import get_user_model

    from planwatch.plans.models import Plan
    from planwatch.updates.models import UpdateCycle

    cycle, _ = UpdateCycle.objects.get_or_create(
        plan=Plan.objects.get(),
        month=date(2022, 11, 1),
        defaults={
            "deadline": date(2022, 11, 14),
            "opened_by": get_user_model().objects.get(username="pmo"),
        },
    )
    return {"pk": cycle.pk}


def _november_update() -> dict:
    from planwatch.plans.models import Action, ProgressUpdate

    cycle = _november_cycle()
    update, _ = ProgressUpdate.objects.get_or_create(
        action=Action.objects.get(ref="OC.A1.3"), month=date(2022, 11, 1)
    )
    return {**cycle, "update_pk": update.pk}


def _any_change_request() -> dict:
    from planwatch.changes.models import ChangeRequest

    return {"pk": ChangeRequest.objects.order_by("pk").first().pk}


def _imported_change_request() -> dict:
    from planwatch.changes.models import ChangeKind, ChangeRequest

    return {"pk": ChangeRequest.objects.filter(kind=ChangeKind.TO_BE_COMPLETED).first().pk}


def _evidence() -> dict:
    from django.contrib.auth import get_user_model

    from planwatch.evidence.models import Evidence
    from planwatch.plans.models import Action

    evidence = Evidence.objects.create(
        action=Action.objects.get(ref="OC.A1.3"),
        title="Culture survey results",
        file=SimpleUploadedFile("survey.pdf", b"%PDF-1.4 minimal"),
        original_name="survey.pdf",
        content_type="application/pdf",
        added_by=get_user_model().objects.get(username="pmo"),
    )
    return {"pk": evidence.pk}


def _import_run() -> dict:
    from planwatch.imports.models import ImportRun

    return {"pk": ImportRun.objects.latest("pk").pk}


def _open_upload() -> dict:
    from planwatch.imports.models import ImportRun, TrackerUpload

    run = ImportRun.objects.latest("pk")
    upload, _ = TrackerUpload.objects.get_or_create(
        plan=run.plan,
        file=run.original,
        defaults={"uploaded_by": get_user_model().objects.get(username="pmo")},
    )
    return {"pk": upload.pk}


# name -> (kwargs or a callable giving them, roles allowed, outcome for allowed roles on GET)
# Outcomes: "page" (200), "redirect" (302 somewhere other than sign-in), "post_only" (405).
EXPECTED: dict[str, tuple[dict, frozenset[str], str]] = {
    "plans:overview": ({}, EVERYONE, "page"),
    "plans:theme": ({"code": "OC"}, EVERYONE, "page"),
    "plans:action_list": ({}, EVERYONE, "page"),
    "plans:action_detail": ({"ref": "OC.A1.3"}, EVERYONE, "page"),
    "imports:data_quality": ({}, EVERYONE, "page"),
    "imports:tracker_upload": ({}, PMO_ONLY, "page"),
    "imports:tracker_upload_detail": (_open_upload, PMO_ONLY, "page"),
    "imports:tracker_upload_confirm": (_open_upload, PMO_ONLY, "post_only"),
    "imports:tracker_upload_cancel": (_open_upload, PMO_ONLY, "post_only"),
    "imports:import_run_original": (_import_run, PMO_ONLY, "page"),
    "updates:my_updates": ({}, EVERYONE, "page"),
    "updates:cycle_list": ({}, PMO_ONLY, "page"),
    "updates:cycle_open": ({}, PMO_ONLY, "page"),
    "updates:cycle_review": (_november_cycle, PMO_ONLY, "page"),
    "updates:cycle_late": (_november_cycle, PMO_ONLY, "page"),
    "updates:cycle_close": (_november_cycle, PMO_ONLY, "page"),
    "updates:update_edit": (
        lambda: {**_november_cycle(), "ref": "OC.A1.3"},
        OWNER_OF_OC_A1_3,
        "page",
    ),
    "updates:update_review": (_november_update, PMO_ONLY, "page"),
    "evidence:add": ({"ref": "OC.A1.3"}, OWNER_OF_OC_A1_3, "page"),
    "evidence:download": (_evidence, EVERYONE, "page"),
    "audit:index": ({}, AUDITORS, "page"),
    "audit:export_csv": ({}, AUDITORS, "page"),
    "audit:action_history": ({"ref": "OC.A1.3"}, AUDITORS, "page"),
    "changes:log": ({}, EVERYONE, "page"),
    "changes:detail": (_any_change_request, EVERYONE, "page"),
    "changes:raise": ({"ref": "OC.A1.3"}, OWNER_OF_OC_A1_3, "page"),
    "changes:new_action": ({}, PMO_ONLY, "page"),
    "changes:complete": (_imported_change_request, PMO_ONLY, "page"),
    # Deciding and withdrawing are forms on the request's page; a GET is refused outright.
    "changes:decide": (_any_change_request, frozenset({"approver", "admin"}), "post_only"),
    "changes:withdraw": (_any_change_request, EVERYONE, "post_only"),
}


def _app_expectations() -> dict[str, tuple[dict, frozenset[str], str]]:
    """Each app's own `tests/<app>/url_roles.py`, so new pages are decided beside their tests."""
    gathered = {}
    tests_dir = Path(__file__).parents[1]
    for module_path in sorted(tests_dir.glob("**/url_roles.py")):
        if module_path.parent.name == "accounts":
            continue
        dotted = ".".join(module_path.relative_to(tests_dir.parent).with_suffix("").parts)
        module = importlib.import_module(dotted)
        clash = set(module.EXPECTED) & (set(EXPECTED) | set(gathered))
        assert not clash, f"{module_path}: decided twice: {sorted(clash)}"
        gathered.update(module.EXPECTED)
    return gathered


EXPECTED.update(_app_expectations())
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
def test_each_role_gets_what_the_matrix_says(
    name, client, sample_plan, owner_with_roles, people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
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
        role: outcome if role in allowed else ("login" if role == "anonymous" else "forbidden")
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
