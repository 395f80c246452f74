from django.core.management.base import BaseCommand, CommandError

from confiance.core.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Restore a backup written by `confiance backup` (database and uploaded files) into this instance, "
            "which must be empty unless --force is given.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .tar.gz file written by `confiance backup`.")
        parser.add_argument("--force", action="store_true",
                            help="Replace the data of an instance that is not empty (stop the site and workers first).")

    def handle(self, path, force=False, **options):
        try:
            manifest = restore(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Sauvegarde du {manifest['created_at'][:19]} restaurée (base {manifest['vendor']}, "
                          f"{manifest['media_files']} fichier(s) déposé(s)). Lancez `confiance migrate` si le "
                          "code est plus récent que la sauvegarde.")
