"""The action page's Evidence section: what was added, by whom, when, and who may add more."""

import re

import pytest
from django.urls import reverse

from planwatch.evidence.services import evidence_add_file, evidence_add_link
from planwatch.plans.models import Action

from . import files

pytestmark = pytest.mark.django_db
OWNED, NOT_OWNED = "OC.A1.3", "CO.B1.0"


def evidence_section(client, ref: str = OWNED) -> str:
    response = client.get(reverse("plans:action_detail", args=[ref]))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="evidence"')
    return html[start : html.index("Where this came from", start)]


def test_the_section_lists_files_and_links_with_who_when_and_the_success_flag(
    sample_plan, role_users, pmo_client
):
    action = Action.objects.get(ref=OWNED)
    document = evidence_add_file(
        user=role_users["pmo"],
        action=action,
        upload=files.upload("strategy.pdf", files.pdf()),
        title="Strategy signed off",
        shows_success_measures=True,
    )
    evidence_add_link(
        user=role_users["pmo"],
        action=action,
        url="https://intranet.example.gov.uk/culture",
        title="Culture page",
        shows_success_measures=False,
    )

    section = evidence_section(pmo_client)

    assert reverse("evidence:download", args=[document.pk]) in section
    assert "strategy.pdf · PDF, " in section
    assert 'href="https://intranet.example.gov.uk/culture" rel="noopener noreferrer nofollow"' in (
        section
    )
    assert section.count("Pat Morgan") == 2
    assert re.search(r"govuk-tag--green\">Yes<", section)
    assert section.index("Culture page") < section.index("Strategy signed off")  # newest first


def test_the_section_says_when_there_is_no_evidence(sample_plan, pmo_client):
    assert "No evidence has been added to this action yet." in evidence_section(pmo_client)


def test_the_add_button_is_shown_only_to_those_who_may_add(owner_with_roles, client, role_users):
    add_own = reverse("evidence:add", args=[OWNED])
    client.force_login(role_users["pmo"])
    assert add_own in evidence_section(client)

    client.force_login(owner_with_roles)
    assert add_own in evidence_section(client, OWNED)
    assert reverse("evidence:add", args=[NOT_OWNED]) not in evidence_section(client, NOT_OWNED)

    client.force_login(role_users["viewer"])
    assert "Add evidence" not in evidence_section(client)
