from pathlib import Path

from django.core.management.base import BaseCommand

from confiance.accounts.models import Organisation, Person
from confiance.core.import_reports import write_report
from confiance.register.importer import import_systems
from confiance.rules.import_report import ImportReport


class Command(BaseCommand):
    help = ("Import AI systems into an organisation's register from a CSV, XLSX or ODS file (Etalab inventory, "
            "Eurocities template, Dutch publication standard, Confiance export); exit 0 all rows loaded, 1 some rows "
            "rejected, 2 file unreadable.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the file (CSV in UTF-8 or Windows-1252, any separator; XLSX; ODS).")
        parser.add_argument("--organisation", required=True, help="Slug of the organisation whose register receives "
                                                                   "the systems.")
        parser.add_argument("--as", dest="username", default="", help="Username recorded as the records' creator and "
                                                                      "in their history (default: none).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Print what would be created, normalised and rejected, without writing.")

    def handle(self, *args, file, organisation, username="", dry_run=False, **options):
        report = self._run(file, organisation, username, dry_run)
        write_report(self, report)

    def _run(self, file, slug, username, dry_run):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            return ImportReport(noun="système", fatal=f"organisation inconnue : « {slug} ».")
        person = None
        if username:
            person = Person.objects.filter(username=username).first()
            if person is None:
                return ImportReport(noun="système", fatal=f"personne inconnue : « {username} ».")
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            return ImportReport(noun="système", fatal=f"lecture impossible de {file} ({exc.strerror or exc}).")
        return import_systems(data, Path(file).name, organisation, person, dry_run=dry_run)
