from django.core.management.base import BaseCommand, CommandError

from confiance.core.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Write a consistent copy of the whole instance (database and uploaded files) to one .tar.gz file, "
            "while the site runs.")

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="The file to write (default: VAR_DIR/backups/confiance-<date>.tar.gz).")

    def handle(self, output=None, **options):
        try:
            path, manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Sauvegarde écrite : {path} (base {manifest['vendor']}, "
                          f"{manifest['media_files']} fichier(s) déposé(s)).")
