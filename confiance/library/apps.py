from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "confiance.library"
    label = "library"
    verbose_name = "Bibliothèque IA territorialisée"

    def ready(self):
        from confiance.library import signals  # noqa: F401
