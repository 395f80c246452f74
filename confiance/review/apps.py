from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "confiance.review"
    verbose_name = "Instruction (comités, avis, décisions, outils IA autorisés)"

    def ready(self):
        from confiance.review import panels, state  # noqa: F401 - registers the record panel and the state provider
