from django.apps import AppConfig


def _warnings_part(request, action) -> dict[str, object]:
    from .selectors import warning_list_for_ref

    return {"warnings": warning_list_for_ref(plan=action.plan, ref=action.ref)}


class ImportsConfig(AppConfig):
    name = "planwatch.imports"
    label = "imports"
    verbose_name = "Tracker imports"

    def ready(self) -> None:
        from planwatch.plans.page_parts import action_page_part_register

        action_page_part_register("imports.warnings", _warnings_part)
