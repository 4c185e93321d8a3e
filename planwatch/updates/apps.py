from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    name = "planwatch.updates"
    label = "updates"
    verbose_name = "Monthly update cycles"
