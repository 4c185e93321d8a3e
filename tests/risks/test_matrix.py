"""The corporate risk matrix as data: seeded verbatim, read back into the pure module's
objects, and every score banded by what the administrator has set."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planwatch.domain import risk_matrix
from planwatch.domain.risk_matrix import Assessment, RiskBand
from planwatch.risks.matrix import matrix_get
from planwatch.risks.models import ImpactLevel, LikelihoodLevel, RiskBands

pytestmark = pytest.mark.django_db


def test_the_seeded_matrix_is_the_legend_word_for_word():
    matrix = matrix_get()

    assert matrix.impact == dict(risk_matrix.IMPACT_LEVELS)
    assert matrix.likelihood == dict(risk_matrix.LIKELIHOOD_LEVELS)
    assert matrix.bands == risk_matrix.DEFAULT_BANDS
    assert ImpactLevel.objects.count() == LikelihoodLevel.objects.count() == 4
    assert RiskBands.objects.count() == 1


def test_scoring_goes_through_the_stored_bands():
    matrix = matrix_get()
    # impact = higher of (2, 3, 1) = 3; 3 x 3 = 9, Medium under the default 5-9.
    scored = matrix.scored(Assessment(2, 3, 1, 3))

    assert (scored.impact, scored.likelihood, scored.score, scored.band) == (3, 3, 9, "medium")
    assert matrix.scored(None) is None


def test_changing_a_band_changes_every_score_read_afterwards():
    RiskBands.objects.update(low_to=2, medium_from=3, medium_to=8, high_from=9)

    matrix = matrix_get()

    assert matrix.scored(Assessment(3, 1, 1, 3)).band is RiskBand.HIGH  # 9
    assert matrix.scored(Assessment(1, 1, 1, 3)).band is RiskBand.MEDIUM  # 3
    assert matrix.band_of(1, 2) is RiskBand.LOW


def test_changed_wording_is_what_the_matrix_page_shows(client, role_users):
    ImpactLevel.objects.filter(level=4).update(reputation="National and international media")
    client.force_login(role_users["viewer"])
    from tests.plans.builders import plan_build

    plan_build()

    html = client.get(reverse("risks:matrix")).content.decode()

    assert "National and international media" in html
    assert "A more than 50% chance of the risk occurring" in html


@pytest.mark.parametrize(
    "ranges, problem",
    [
        ({"low_to": 5}, "overlaps"),
        ({"medium_from": 6}, "leaves a gap"),
        ({"high_to": 15}, "must end at 16"),
        ({"low_from": 2}, "must start at 1"),
    ],
)
def test_bands_with_gaps_or_overlaps_are_refused(ranges, problem):
    bands = RiskBands.objects.get()
    for name, value in ranges.items():
        setattr(bands, name, value)

    with pytest.raises(ValidationError, match=problem):
        bands.full_clean()


def test_an_administrator_changes_the_bands_in_the_admin_site(client, role_users):
    from tests.plans.builders import plan_build

    plan_build()
    bands = RiskBands.objects.get()
    client.force_login(role_users["admin"])
    url = reverse("admin:risks_riskbands_change", args=[bands.pk])
    form = {
        "low_from": 1,
        "low_to": 3,
        "medium_from": 4,
        "medium_to": 8,
        "high_from": 9,
        "high_to": 16,
        "note": "Council risk policy 2023",
    }

    assert client.post(url, form).status_code == 302
    assert matrix_get().band_of(3, 3) is RiskBand.HIGH
    change = bands.history.latest()
    assert (change.low_to, change.history_user.username) == (3, "admin")  # in the audit trail

    response = client.post(url, {**form, "medium_from": 5})
    assert response.status_code == 200
    assert "leaves a gap" in response.content.decode()
    assert RiskBands.objects.get().medium_from == 4


NARROWER_BANDS = {
    "low_from": 1,
    "low_to": 3,
    "medium_from": 4,
    "medium_to": 8,
    "high_from": 9,
    "high_to": 16,
}


def test_pmo_officers_keep_the_matrix_bands_in_the_admin_site(client, role_users):
    bands = RiskBands.objects.get()
    client.force_login(role_users["pmo"])

    response = client.post(reverse("admin:risks_riskbands_change", args=[bands.pk]), NARROWER_BANDS)

    assert response.status_code == 302
    assert RiskBands.objects.get().low_to == 3
    latest = bands.history.latest()
    assert (latest.low_to, latest.history_user) == (3, role_users["pmo"])


@pytest.mark.parametrize("role", ["viewer", "approver", "owner"])
def test_other_roles_cannot_change_the_matrix(client, role_users, role):
    bands = RiskBands.objects.get()
    client.force_login(role_users[role])

    client.post(reverse("admin:risks_riskbands_change", args=[bands.pk]), NARROWER_BANDS)

    assert RiskBands.objects.get().low_to == 4


def test_matrix_levels_cannot_be_added_or_deleted_in_the_admin_site(client, role_users):
    client.force_login(role_users["admin"])

    assert client.get(reverse("admin:risks_impactlevel_add")).status_code == 403
    level = ImpactLevel.objects.get(level=1)
    assert client.get(reverse("admin:risks_impactlevel_delete", args=[level.pk])).status_code == 403
