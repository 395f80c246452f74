from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "confiance.accounts"
    verbose_name = "Organisations et personnes"
