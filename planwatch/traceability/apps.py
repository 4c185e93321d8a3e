from django.apps import AppConfig


class TraceabilityConfig(AppConfig):
    name = "planwatch.traceability"
    label = "traceability"
    verbose_name = "Recommendation traceability"
