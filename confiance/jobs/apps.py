from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "confiance.jobs"
    verbose_name = "Tâches de fond"
