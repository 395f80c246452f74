import json

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.jobs.cli import progress_printer
from confiance.jobs.runner import run_here
from confiance.portability.restore import archive_schema
from confiance.portability.tasks import write_archive
from confiance.rules.permissions import Action


class Command(BaseCommand):
    help = ("Write everything of an organisation (records, history, people and roles) as JSON to standard output; "
            "it runs as a job in this process, its progress line on standard error.")

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
        job = run_here(write_archive, kind="portability.export", label=f"Export de « {org.name} » (commande)",
                       organisation=org, action=Action.EXPORT, organisation_id=org.pk, output=output,
                       stream=self.stdout, on_write=progress_printer(self.stderr, options.get("verbosity", 1)))
        if job.status != job.Status.SUCCEEDED:
            raise CommandError(job.message or "L'export a échoué.")

    def _write(self, text, output):
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        else:
            self.stdout.write(text)
