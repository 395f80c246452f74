from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "confiance.audits"
    label = "audits"
    verbose_name = "Audits (biais des données, empreinte carbone)"

    def ready(self):
        from confiance.audits import models, panels, signals, state  # noqa: F401 - registers the panel, receivers, laws 4 and 10
        from confiance.portability.registry import register_portable

        register_portable(models.BiasAudit, "organisation")  # a system's or a dataset's audit
        for model in (models.CarbonEstimate, models.CarbonMeasurement):
            register_portable(model, "system__organisation")
        register_portable(models.DatasetCarbonEstimate, "dataset__organisation")
