"""The heatmap: counts per (impact, likelihood) cell equal the register, now and as at a
month, and each cell links to the register filtered to exactly those risks."""

import random
import re
from collections import Counter
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from planwatch.risks import services
from planwatch.risks.models import Risk, RiskBands, RiskReview, RiskStatus
from planwatch.risks.selectors import heatmap_counts, risk_get
from planwatch.risks.services import RiskData

from .helpers import NOVEMBER, OCTOBER, SEPTEMBER, TODAY, review, risk_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(pmo, plan):
    """Twenty risks with seeded-random residual scores and reviews; some unscored, some closed."""
    chance = random.Random(5)
    for n in range(1, 21):
        scored = n % 7 != 0
        risk = risk_add(
            pmo,
            plan,
            f"R{n:02d}",
            residual_impact=chance.randint(1, 4) if scored else None,
            residual_likelihood=chance.randint(1, 4) if scored else None,
        )
        for month in (SEPTEMBER, OCTOBER):
            if chance.random() < 0.7:
                review(pmo, risk, month, chance.randint(1, 4), chance.randint(1, 4))
        if n % 5 == 0:
            data = RiskData.of(risk_get(pk=risk.pk))
            data.status = RiskStatus.CLOSED
            services.risk_update(
                user=pmo,
                risk=risk,
                data=data,
                expected_version=risk_get(pk=risk.pk).version,
                today=date(2022, 10, 15),
            )
    return plan


def counted_now(plan) -> Counter:
    """Independently of the selectors: open risks by their residual fields."""
    return Counter(
        (risk.residual_impact, risk.residual_likelihood)
        for risk in Risk.objects.filter(plan=plan, status=RiskStatus.OPEN)
        if risk.residual_impact is not None
    )


def counted_as_at(plan, month) -> Counter:
    counts = Counter()
    for risk in Risk.objects.filter(plan=plan):
        if risk.closed_on is not None and risk.closed_on < month:
            continue
        snapshot = RiskReview.objects.filter(risk=risk, month__lte=month).order_by("-month").first()
        if snapshot is not None:
            counts[(snapshot.residual_impact, snapshot.residual_likelihood)] += 1
    return counts


def as_counter(heatmap) -> Counter:
    return Counter({cell: n for cell, n in heatmap.counts.items() if n})


def test_current_counts_equal_the_open_risks_of_the_register(register):
    heatmap = heatmap_counts(plan=register)

    assert as_counter(heatmap) == counted_now(register)
    assert len(heatmap.cells) == 16
    assert heatmap.total == sum(counted_now(register).values())
    unscored_open = Risk.objects.filter(plan=register, status="open", residual_impact=None)
    assert sorted(r.reference for r in heatmap.unscored) == sorted(
        r.reference for r in unscored_open
    )


@pytest.mark.parametrize("month", [SEPTEMBER, OCTOBER, NOVEMBER])
def test_counts_as_at_a_month_equal_the_snapshots_of_that_month_or_before(register, month):
    assert as_counter(heatmap_counts(plan=register, month=month)) == counted_as_at(register, month)


def test_a_risk_closed_before_a_month_is_not_in_that_months_picture(pmo, plan):
    risk = risk_add(pmo, plan)
    review(pmo, risk, SEPTEMBER, 2, 2)
    data = RiskData.of(risk_get(pk=risk.pk))
    data.status = RiskStatus.CLOSED
    services.risk_update(user=pmo, risk=risk, data=data, expected_version=2, today=TODAY)

    assert heatmap_counts(plan=plan, month=OCTOBER).counts[(2, 2)] == 1  # closed 20 October
    assert heatmap_counts(plan=plan, month=NOVEMBER).total == 0
    assert heatmap_counts(plan=plan).total == 0


def test_each_cell_lists_its_risks_and_carries_its_band_from_the_stored_matrix(pmo, plan):
    risk_add(pmo, plan, "R01", residual_impact=3, residual_likelihood=3)
    risk_add(pmo, plan, "R02", residual_impact=3, residual_likelihood=3)

    cell = next(c for c in heatmap_counts(plan=plan).cells if (c.impact, c.likelihood) == (3, 3))
    assert [r.reference for r in cell.risks] == ["R01", "R02"]
    assert cell.band == "medium"

    RiskBands.objects.update(medium_to=8, high_from=9)
    cell = next(c for c in heatmap_counts(plan=plan).cells if (c.impact, c.likelihood) == (3, 3))
    assert cell.band == "high"


def test_the_data_table_alternative_has_the_same_counts(pmo, plan):
    risk_add(pmo, plan, "R01", residual_impact=4, residual_likelihood=1)
    heatmap = heatmap_counts(plan=plan)

    headers, rows = heatmap.table()

    assert headers == (
        "Impact",
        "1 Unlikely",
        "2 Possible",
        "3 Probably / likely",
        "4 Almost certain",
    )
    assert rows[0] == ("4 High", "1", "0", "0", "0")
    assert [row[0] for row in rows] == ["4 High", "3 Medium", "2 Low", "1 Very Low"]


def register_refs(html: str) -> list[str]:
    return re.findall(r'data-reference="([^"]+)"', html)


@pytest.mark.parametrize("month", [None, OCTOBER])
def test_every_cell_link_opens_the_register_showing_exactly_that_cells_risks(
    register, client, role_users, month
):
    client.force_login(role_users["viewer"])
    query = {"plan": register.name, **({"month": f"{month:%Y-%m}"} if month else {})}
    page = client.get(reverse("risks:heatmap"), query).content.decode()
    heatmap = heatmap_counts(plan=register, month=month)

    links = re.findall(r'<a href="([^"]*impact=(\d)&amp;likelihood=(\d)[^"]*)"', page)
    assert len(links) == sum(1 for cell in heatmap.cells if cell.count)
    for href, impact, likelihood in links:
        listed = register_refs(client.get(unescape(href)).content.decode())
        expected = next(
            c for c in heatmap.cells if (c.impact, c.likelihood) == (int(impact), int(likelihood))
        )
        assert sorted(listed) == sorted(r.reference for r in expected.risks)
        assert len(listed) == expected.count > 0


def test_the_heatmap_page_draws_every_cell_and_the_table(register, client, role_users):
    client.force_login(role_users["viewer"])

    html = client.get(reverse("risks:heatmap"), {"plan": register.name}).content.decode()

    assert html.count('<rect class="risks-cell') == 16
    assert 'id="heatmap-table"' in html
    assert 'role="img"' in html
    assert "style=" not in html.split("<main", 1)[1]


def test_an_unknown_month_falls_back_to_the_current_picture(register, client, role_users):
    client.force_login(role_users["viewer"])

    response = client.get(reverse("risks:heatmap"), {"plan": register.name, "month": "2019-01"})

    assert response.status_code == 200
    assert "Residual risk of open risks now" in response.content.decode()
