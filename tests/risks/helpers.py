"""Risk-register test helpers: a risk or a review in one line, through the services."""

from datetime import date

from planwatch.risks import services
from planwatch.risks.services import RiskData

TODAY = date(2022, 10, 20)
SEPTEMBER, OCTOBER, NOVEMBER = date(2022, 9, 1), date(2022, 10, 1), date(2022, 11, 1)


def risk_add(user, plan, reference: str = "R01", **fields):
    data = RiskData(reference=reference, title=fields.pop("title", f"Risk {reference}"), **fields)
    return services.risk_create(user=user, plan=plan, data=data, today=TODAY)


def review(user, risk, month: date, impact: int, likelihood: int, note: str = ""):
    existing = risk.reviews.filter(month=month).first()
    return services.risk_review_record(
        user=user,
        risk=risk,
        month=month,
        residual_impact=impact,
        residual_likelihood=likelihood,
        note=note,
        expected_version=existing.version if existing else None,
    )
