from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "confiance.portability"
    verbose_name = "Réversibilité"

    def ready(self):
        from confiance.accounts.models import Membership, Organisation, Service
        from confiance.portability.registry import register_portable
        from confiance.register.models import AISystem

        register_portable(Organisation, "id")
        register_portable(Service, "organisation")
        register_portable(Membership, "organisation")
        register_portable(AISystem, "organisation")
