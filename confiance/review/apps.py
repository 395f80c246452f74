from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "confiance.review"
    verbose_name = "Instruction (comités, avis, décisions, outils IA autorisés)"

    def ready(self):
        from confiance.portability.registry import register_portable
        from confiance.review import models, panels, state, timeline  # noqa: F401 - registers the record panel and the state provider

        for model in (models.Committee, models.ApprovedTool, models.Declaration):
            register_portable(model, "organisation")
        for model in (models.CommitteeMember, models.Session):
            register_portable(model, "committee__organisation")
        for model in (models.Referral, models.Decision, models.Experiment, models.YearlyReview):
            register_portable(model, "system__organisation")
        register_portable(models.Document, "referral__system__organisation")
        register_portable(models.Opinion, "referral__system__organisation")
        register_portable(models.Condition, "decision__system__organisation")
