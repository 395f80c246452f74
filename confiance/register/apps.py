from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "confiance.register"
    verbose_name = "Registre des systèmes d'IA"
