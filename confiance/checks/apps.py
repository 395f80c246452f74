from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "confiance.checks"
    verbose_name = "Contrôles (AI Act, RGPD, comité éthique, charte)"

    def ready(self):
        from confiance.checks import panels, signals  # noqa: F401 - registers receivers and panels
