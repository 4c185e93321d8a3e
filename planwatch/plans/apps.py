from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "planwatch.plans"
    label = "plans"
    verbose_name = "Improvement Plan"

    def ready(self) -> None:
        from planwatch.plans import govuk_components

        govuk_components.install()
