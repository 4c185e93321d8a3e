from django.apps import AppConfig


def _risk_part(request, action) -> dict[str, object]:
    from planwatch.accounts.permissions import Perm, user_can

    from .selectors import action_risks

    return {
        "action_risk": action_risks(actions=[action])[0] if action.is_main else None,
        "can_score_risk": user_can(request.user, Perm.MANAGE_RISKS),
    }


class RisksConfig(AppConfig):
    name = "planwatch.risks"
    label = "risks"
    verbose_name = "Risk register"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from planwatch.plans.effective_month import effective_month_stamp
        from planwatch.plans.page_parts import action_page_part_register

        action_page_part_register("risks.action_risk", _risk_part)
        pre_create_historical_record.connect(
            effective_month_stamp,
            sender=self.get_model("ActionRiskScore").history.model,
            dispatch_uid="risks.action_risk_score_effective_month",
        )
