import json

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.portability.archive import export_organisation


class Command(BaseCommand):
    help = "Write everything of an organisation (records, history, people and roles) as JSON to standard output."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="The organisation's identifier (slug), e.g. montpellier-mediterranee-metropole.")
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, organisation, output=None, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"Aucune organisation n'a l'identifiant « {organisation} ».")
        text = json.dumps(export_organisation(org), ensure_ascii=False, indent=1, sort_keys=True)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        else:
            self.stdout.write(text)
