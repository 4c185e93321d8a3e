from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "planwatch.imports"
    label = "imports"
    verbose_name = "Tracker imports"
