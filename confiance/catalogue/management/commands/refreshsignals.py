from django.core.management.base import BaseCommand

from confiance.accounts.models import Organisation
from confiance.catalogue.sprawl import refresh_signals


class Command(BaseCommand):
    help = "Recalculer les signaux du catalogue (doublons, données périmées, risques) et prévenir les référents."

    def add_arguments(self, parser):
        parser.add_argument("organisation", nargs="?", help="Identifiant (slug) ; toutes les organisations sinon.")

    def handle(self, *args, organisation=None, **options):
        orgs = Organisation.objects.all()
        if organisation:
            orgs = orgs.filter(slug=organisation)
        for org in orgs:
            new, resolved = refresh_signals(org)
            if new or resolved:
                self.stdout.write(f"{org.name} : {new} nouveau(x), {resolved} résolu(s).")
