"""Every page opens for a signed-in user, sends anyone else to sign in, and obeys the CSP."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = [
    ("plans:overview", ()),
    ("plans:theme", ("OC",)),
    ("plans:action_list", ()),
    ("plans:action_detail", ("OC.A1.3",)),
    ("imports:data_quality", ()),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_opens_for_a_signed_in_user(sample_plan, pmo_client, name, args):
    response = pmo_client.get(reverse(name, args=args))

    assert response.status_code == 200
    assert b"<h1" in response.content


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_sends_an_anonymous_visitor_to_sign_in(sample_plan, client, name, args):
    url = reverse(name, args=args)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_page_has_no_inline_style_and_only_nonced_inline_scripts(
    sample_plan, pmo_client, name, args
):
    response = pmo_client.get(reverse(name, args=args))
    html = response.content.decode()

    assert "style=" not in html
    assert "<style" not in html
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert f'nonce="{nonce}"' in attributes or "src=" in attributes


def test_every_role_can_read_the_pages(sample_plan, client, role_users):
    for user in role_users.values():
        client.force_login(user)
        assert client.get(reverse("plans:overview")).status_code == 200


def test_admin_link_is_shown_to_staff_only(sample_plan, client, role_users):
    client.force_login(role_users["pmo"])
    assert reverse("admin:index") in client.get(reverse("plans:overview")).content.decode()

    client.force_login(role_users["viewer"])
    assert reverse("admin:index") not in client.get(reverse("plans:overview")).content.decode()


def test_header_names_the_user_and_signs_out_with_a_post_form(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:overview")).content.decode()

    assert "Pat Morgan" in html
    assert re.search(r'<form method="post" action="/logout/">', html)
    assert 'name="csrfmiddlewaretoken"' in html


def test_current_section_is_marked_in_the_navigation(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:action_list")).content.decode()

    current = re.search(r'<a[^>]*href="/actions/"[^>]*aria-current="page"', html, re.S)
    assert current is not None


def test_pages_say_no_plan_is_imported_yet_when_there_is_none(pmo_client):
    for name, args in PAGES:
        response = pmo_client.get(reverse(name, args=args))

        assert response.status_code == 200
        assert "No plan imported yet" in response.content.decode()


def test_unknown_plan_name_gets_a_404_that_lists_the_plans(sample_plan, pmo_client):
    response = pmo_client.get(reverse("plans:overview"), {"plan": "Nope"})

    assert response.status_code == 404
    assert "There is no plan called ‘Nope’" in response.content.decode()
    assert "Improvement Plan" in response.content.decode()


def test_skip_link_points_at_the_main_content(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:overview")).content.decode()

    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html


def test_status_tags_use_only_modifiers_govuk_frontend_6_has():
    from planwatch.plans.templatetags.planwatch_tags import status_tag

    assert status_tag("on_track") == '<strong class="govuk-tag govuk-tag--green">On track</strong>'
    assert status_tag("closed") == '<strong class="govuk-tag">Closed</strong>'
    assert status_tag("new_action") == (
        '<strong class="govuk-tag govuk-tag--magenta">New action added</strong>'
    )
    assert status_tag("garbage") == (
        '<strong class="govuk-tag govuk-tag--pink">Status not recognised</strong>'
    )


def test_footer_lists_the_sections_each_person_may_use(client, sample_plan, role_users):
    client.force_login(role_users["owner"])
    owner_footer = client.get("/").content.decode().split("<footer")[1]
    client.force_login(role_users["pmo"])
    pmo_footer = client.get("/").content.decode().split("<footer")[1]

    assert "My updates" in owner_footer and "Update cycles" not in owner_footer
    assert "Audit trail" not in owner_footer
    assert "Update cycles" in pmo_footer and "Audit trail" in pmo_footer
