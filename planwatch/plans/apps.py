from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "planwatch.plans"
    label = "plans"
    verbose_name = "Improvement Plan"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from planwatch.plans import govuk_components
        from planwatch.plans.effective_month import effective_month_stamp

        govuk_components.install()
        pre_create_historical_record.connect(
            effective_month_stamp,
            sender=self.get_model("Action").history.model,
            dispatch_uid="plans.action_effective_month",
        )
