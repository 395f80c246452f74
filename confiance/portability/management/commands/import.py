import json
import sys

from django.core.management.base import BaseCommand, CommandError

from confiance.portability.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Restore an organisation's archive written by `export` into a database that does not hold it."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive's path, or - for standard input.")

    def handle(self, file, **options):
        try:
            fh = sys.stdin if file == "-" else open(file, encoding="utf-8")
            with fh:
                archive = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"Le fichier ne peut pas être lu comme du JSON : {exc}") from exc
        try:
            org = import_archive(archive)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Organisation « {org.name} » restaurée.")
