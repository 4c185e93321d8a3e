from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "planwatch.evidence"
    label = "evidence"
    verbose_name = "Evidence"
