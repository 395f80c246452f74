from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.catalogue import harvesting
from confiance.catalogue.dcat import DcatError
from confiance.catalogue.fetch import FetchError


class Command(BaseCommand):
    help = ("Importer un catalogue DCAT (fichier ou adresse) dans le catalogue d'une organisation ; "
            "les jeux nouveaux attendent l'examen d'un référent.")

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="Identifiant (slug) de l'organisation.")
        parser.add_argument("source", help="Chemin d'un fichier DCAT, ou adresse http(s) d'un catalogue.")

    def handle(self, *args, organisation, source, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"Aucune organisation « {organisation} ».")
        log = harvesting.open_log(org, source)

        def report(done, total=None, message=None):
            if message:
                self.stdout.write(message)
            elif total:
                self.stdout.write(f"{done}/{total}")

        try:
            if source.startswith(("http://", "https://")) or "://" in source:
                records = harvesting.read_url(source, progress=report)
            else:
                path = Path(source)
                if not path.is_file():
                    raise CommandError(f"Le fichier « {source} » n'existe pas.")
                records = harvesting.read_document(path.read_bytes(), name=path.name)
            counts = harvesting.apply_records(org, records, progress=report, reason=f"Import de {source}")
        except (DcatError, FetchError) as exc:
            harvesting.close_log(log, error=exc)
            raise CommandError(f"{exc} Rien n'a été modifié.") from None
        harvesting.close_log(log, counts)
        self.stdout.write(self.style.SUCCESS(f"Import terminé : {counts.summary()}."))
