"""Who may open the risk register's pages (gathered by tests/accounts/test_permission_matrix)."""

from tests.accounts.url_roles import EVERYONE, PMO_ONLY


def _risk() -> dict:
    from planwatch.plans.models import Plan
    from planwatch.risks.models import Risk

    risk, _ = Risk.objects.get_or_create(
        plan=Plan.objects.get(), reference="R99", defaults={"title": "A risk for the matrix"}
    )
    return {"pk": risk.pk}


EXPECTED = {
    "risks:register": ({}, EVERYONE, "page"),
    "risks:detail": (_risk, EVERYONE, "page"),
    "risks:heatmap": ({}, EVERYONE, "page"),
    "risks:matrix": ({}, EVERYONE, "page"),
    "risks:action_scores": ({}, EVERYONE, "page"),
    "risks:create": ({}, PMO_ONLY, "page"),
    "risks:edit": (_risk, PMO_ONLY, "page"),
    "risks:review": (_risk, PMO_ONLY, "page"),
    "risks:action_score": ({"ref": "OC.A1.0"}, PMO_ONLY, "page"),
}
