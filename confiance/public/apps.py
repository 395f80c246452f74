from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "confiance.public"
    label = "public"
    verbose_name = "Site public de transparence"

    def ready(self):
        from confiance.portability.registry import register_portable
        from confiance.public import completeness, models, panels, signals  # noqa: F401 - registers the panel, receivers and law 6 state
        from confiance.register.completeness import register_completeness

        register_completeness(completeness.complete_flags, completeness.standards())
        register_portable(models.PublicProfile, "organisation")
        register_portable(models.AnnualReport, "organisation")
        for model in (models.Notice, models.PublicVersion, models.ExplanationRequest):
            register_portable(model, "system__organisation")
