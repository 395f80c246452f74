from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "confiance.core"
    verbose_name = "Socle"

    def ready(self):
        from confiance.core import checks  # noqa: F401 - registers the system checks
