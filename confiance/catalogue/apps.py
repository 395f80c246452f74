from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "confiance.catalogue"
    verbose_name = "Catalogue des données"

    def ready(self):
        from confiance.catalogue import models, panels, receivers, state  # noqa: F401 - registers hooks
        from confiance.portability.registry import register_portable

        for model in (models.Dataset, models.Harvest, models.HarvestLog, models.Signal, models.CatalogueProfile):
            register_portable(model, "organisation")
        register_portable(models.DatasetField, "dataset__organisation")
        register_portable(models.DatasetUse, "dataset__organisation")
