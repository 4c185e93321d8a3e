"""Who may open the traceability pages and the tracker export (read by the permission matrix)."""

from tests.accounts.url_roles import EVERYONE


def _a_recommendation() -> dict:
    from planwatch.plans.models import Plan
    from planwatch.traceability.demo import demo_load

    plan = Plan.objects.get()
    demo_load(plan=plan)
    return {"pk": plan.recommendations.order_by("pk").first().pk}


EXPECTED = {
    "traceability:index": ({}, EVERYONE, "page"),
    "traceability:recommendation": (_a_recommendation, EVERYONE, "page"),
    "imports:tracker_export": ({}, EVERYONE, "page"),
}
