"""Signing in and out through the GOV.UK-styled pages."""

import pytest
from django.urls import reverse

from planwatch.accounts.demo import demo_password

pytestmark = pytest.mark.django_db


def test_login_page_has_labelled_govuk_inputs(client):
    html = client.get(reverse("login")).content.decode()

    assert '<label class="govuk-label" for="id_username">Username</label>' in html
    assert 'class="govuk-input govuk-!-width-one-half" id="id_username"' in html
    assert 'type="password"' in html
    assert 'autocomplete="current-password"' in html
    assert "Sign out" not in html


def test_wrong_password_shows_the_error_summary(client, role_users):
    response = client.post(reverse("login"), {"username": "pmo", "password": "wrong"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert "Please enter a correct username and password" in html
    assert 'href="#id_username"' in html
    assert "<title>Error: Sign in" in html


def test_right_password_signs_in_and_goes_to_the_overview(client, role_users):
    response = client.post(reverse("login"), {"username": "pmo", "password": demo_password("pmo")})

    assert response.status_code == 302
    assert response["Location"] == reverse("plans:overview")


def test_sign_in_returns_to_the_page_asked_for(client, role_users):
    url = reverse("plans:action_list")
    response = client.post(
        f"{reverse('login')}?next={url}",
        {"username": "pmo", "password": demo_password("pmo"), "next": url},
    )

    assert response["Location"] == url


def test_sign_out_is_a_post_that_ends_the_session(pmo_client):
    response = pmo_client.post(reverse("logout"))

    assert response.status_code == 302
    assert pmo_client.get(reverse("plans:overview")).status_code == 302
