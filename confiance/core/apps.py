from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "confiance.core"
    verbose_name = "Socle"
