from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "confiance.portability"
