from django.apps import AppConfig


class ChartersConfig(AppConfig):
    name = "planwatch.charters"
    label = "charters"
    verbose_name = "Theme charters"
