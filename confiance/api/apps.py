from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "confiance.api"
    verbose_name = "API"
