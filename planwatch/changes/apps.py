from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "planwatch.changes"
    label = "changes"
    verbose_name = "Change control"
