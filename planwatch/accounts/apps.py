from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "planwatch.accounts"
    label = "accounts"
    verbose_name = "People and roles"
