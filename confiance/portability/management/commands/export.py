import json

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.portability.archive import export_organisation
from confiance.portability.restore import archive_schema


class Command(BaseCommand):
    help = "Write everything of an organisation (records, history, people and roles) as JSON to standard output."

    def add_arguments(self, parser):
        parser.add_argument("organisation", nargs="?",
                            help="The organisation's identifier (slug), e.g. montpellier-mediterranee-metropole.")
        parser.add_argument("--schema", action="store_true",
                            help="Write the archive's JSON Schema (docs/export-format.md) instead of an archive.")
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, organisation=None, output=None, schema=False, **options):
        if schema:
            text = json.dumps(archive_schema(), ensure_ascii=False, indent=1, sort_keys=True)
            return self._write(text, output)
        if not organisation:
            raise CommandError("Indiquez l'identifiant de l'organisation (ou --schema).")
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"Aucune organisation n'a l'identifiant « {organisation} ».")
        text = json.dumps(export_organisation(org), ensure_ascii=False, indent=1, sort_keys=True)
        self._write(text, output)

    def _write(self, text, output):
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        else:
            self.stdout.write(text)
