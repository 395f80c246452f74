from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "confiance.public"
    label = "public"
    verbose_name = "Site public de transparence"

    def ready(self):
        from confiance.public import panels, signals  # noqa: F401 - registers the panel, receivers and law 6 state
