from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "planwatch.risks"
    label = "risks"
    verbose_name = "Risk register"
