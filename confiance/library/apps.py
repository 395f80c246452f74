from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "confiance.library"
    label = "library"
    verbose_name = "Bibliothèque IA territorialisée"

    def ready(self):
        from confiance.library import models, signals  # noqa: F401 - keeps the index in step
        from confiance.library.search import index_project
        from confiance.portability.registry import register_portable

        register_portable(models.LibraryMember, "organisation")
        # A restore saves rows raw, without signals: index the shared projects afterwards.
        register_portable(models.SharedProject, "organisation",
                          after_restore=lambda projects: [index_project(p) for p in projects])
