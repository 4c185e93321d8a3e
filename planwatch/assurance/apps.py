from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "planwatch.assurance"
    label = "assurance"
    verbose_name = "Assurance"
