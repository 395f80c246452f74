from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "confiance.checks"
    verbose_name = "Contrôles (AI Act, RGPD, comité éthique, charte)"

    def ready(self):
        from confiance.checks import models, panels, signals  # noqa: F401 - registers receivers and panels
        from confiance.checks.organisation_laws import with_law_outcome
        from confiance.portability.registry import register_portable
        from confiance.register.law_filter import register_law_filter

        register_law_filter(with_law_outcome)

        for model in (models.Questionnaire, models.CheckResult, models.LawOutcome, models.DPIA, models.FRIA,
                      models.EUDatabaseEntry, models.ContestedImplication):
            register_portable(model, "system__organisation")
        for model in (models.Charter, models.OrganisationPolicy, models.TrainingEvent):
            register_portable(model, "organisation")
        register_portable(models.Principle, "charter__organisation")
