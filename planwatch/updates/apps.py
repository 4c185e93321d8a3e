from django.apps import AppConfig


def _open_cycle_month(plan):
    from .models import UpdateCycle

    return (
        UpdateCycle.objects.filter(plan=plan, closed_at__isnull=True)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


class UpdatesConfig(AppConfig):
    name = "planwatch.updates"
    label = "updates"
    verbose_name = "Monthly update cycles"

    def ready(self) -> None:
        from planwatch.plans.page_parts import open_month_register

        open_month_register("updates.open_cycle", _open_cycle_month)
