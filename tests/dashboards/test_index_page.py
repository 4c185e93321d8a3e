"""The dashboard page: every chart in a figure with its data table, for everyone with a role."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse

from planwatch.plans.models import Action

pytestmark = pytest.mark.django_db


def test_dashboard_shows_each_chart_as_inline_svg_with_its_data_table(sample_plan, pmo_client):
    response = pmo_client.get(reverse("dashboards:index"))

    html = response.content.decode()
    assert response.status_code == 200
    themes = sample_plan.themes.count()
    charts = 1 + themes + 2  # whole plan, one per theme, overdue, burn-up
    assert html.count("<figure") == charts
    assert html.count("<figcaption") == charts
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == charts
    assert html.count("Show the data as a table") == charts
    assert "Sep 2022" in html and "Oct 2022" in html
    assert 'style="' not in html


def test_each_inline_svg_is_well_formed(sample_plan, pmo_client):
    html = pmo_client.get(reverse("dashboards:index")).content.decode()

    pieces = html.split("<svg ")[1:]
    assert pieces
    for piece in pieces:
        svg = "<svg " + piece.split("</svg>")[0] + "</svg>"
        root = ET.fromstring(svg)
        assert root.get("role") == "img"


def test_theme_filter_shows_only_that_themes_status_chart(sample_plan, pmo_client):
    theme = sample_plan.themes.get(code="OC")

    response = pmo_client.get(reverse("dashboards:index"), {"theme": "OC"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<figure") == 3
    assert f"Sub-action status by month: {theme.name}" in html
    assert "Sub-action status by month: Corporate Oversight" not in html


def test_unknown_theme_is_not_found(sample_plan, pmo_client):
    response = pmo_client.get(reverse("dashboards:index"), {"theme": "ZZ"})

    assert response.status_code == 404


def test_slippage_table_lists_an_action_moved_later(sample_plan, pmo_client):
    action = Action.objects.get(plan=sample_plan, ref="OC.A1.3")
    action.due_text, action.due_latest = "Mar 2023", date(2023, 3, 31)
    action.rebaseline_count = 1
    action.save()

    html = pmo_client.get(reverse("dashboards:index")).content.decode()

    slippage = html.split('id="slippage"')[1]
    assert "OC.A1.3" in slippage
    assert "Mar 2023" in slippage
    assert action.baseline_due_text in slippage


def test_page_without_updates_says_the_charts_are_empty(pmo_client):
    from planwatch.plans.models import Plan

    Plan.objects.create(name="Empty plan")

    response = pmo_client.get(reverse("dashboards:index"))

    assert response.status_code == 200
    assert "no submitted monthly updates yet" in response.content.decode()
