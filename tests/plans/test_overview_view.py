"""The plan overview: per theme, main actions by risk level and actions by latest status."""

import pytest
from django.urls import reverse

from planwatch.plans.models import Action
from planwatch.plans.selectors import plan_overview

pytestmark = pytest.mark.django_db


def test_overview_counts_main_actions_by_risk_level_per_theme(sample_plan):
    overview = plan_overview(plan=sample_plan)

    culture = next(row for row in overview.rows if row.theme.code == "OC")
    # Organisational Culture: 16 main actions, 7 of them Medium Risk (DOMAIN.md).
    assert culture.main_actions == 16
    assert dict(culture.risk_cells)["medium"] == 7
    assert overview.totals.main_actions == 66
    assert sum(n for _, n in overview.totals.risk_cells) == 66


def test_overview_counts_every_action_by_latest_status(sample_plan):
    overview = plan_overview(plan=sample_plan)

    assert overview.totals.actions == 295
    complete = next(row for row in overview.status_rows if row.status == "complete")
    assert complete.total == Action.objects.filter(latest_status="complete").count()
    assert sum(n for _, n in complete.cells) == complete.total
    assert sum(row.total for row in overview.status_rows) == 295


def test_overview_leaves_out_statuses_nobody_has(sample_plan):
    statuses = {row.status for row in plan_overview(plan=sample_plan).status_rows}

    assert "unrecognised" not in statuses
    assert {"on_track", "medium_progress", "significant_issues", "complete"} <= statuses


def test_overview_page_shows_totals_and_links_to_each_theme(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:overview")).content.decode()

    assert "Main actions by risk level" in html
    assert "Actions by latest status" in html
    assert "295 actions in 6 themes: 66 main actions and 229 sub-actions" in " ".join(html.split())
    for code in ["OC", "CO", "SD", "DM", "PC", "PR"]:
        assert f'href="{reverse("plans:theme", args=[code])}"' in html
    assert "October 2022" in html


def test_overview_status_counts_link_to_the_filtered_action_list(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:overview")).content.decode()

    assert "/actions/?theme=OC&amp;status=medium_progress" in html


def test_overview_tables_have_captions_and_scoped_headers(sample_plan, pmo_client):
    html = pmo_client.get(reverse("plans:overview")).content.decode()

    assert html.count("<caption") == 2
    assert 'scope="col"' in html
    assert 'scope="row"' in html
