import json
import sys

from django.core.management.base import BaseCommand, CommandError

from confiance.jobs.cli import progress_printer
from confiance.jobs.runner import run_here
from confiance.portability.tasks import restore_archive
from confiance.rules.permissions import Action


def _mapping(pairs):
    mapping = {}
    for pair in pairs or []:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise CommandError(f"--map attend ANCIEN=LOCAL (nom d'utilisateur dans l'archive = ici), pas « {pair} ».")
        mapping[old.strip()] = new.strip()
    return mapping


class Command(BaseCommand):
    help = ("Restore an organisation's archive written by `export`; people are matched by username or e-mail, "
            "the organisation by SIREN, and any conflict stops the restore before anything is written. It is "
            "then written in batches (IMPORT_BATCH_SIZE) so others keep working; if it stops part-way, run "
            "the same command with the same archive again: it resumes after the last written batch. It runs as "
            "a job in this process, its progress line on standard error.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive's path (UTF-8 JSON), or - for standard input.")
        parser.add_argument(
            "--map", action="append", metavar="ARCHIVE=LOCAL", default=[],
            help="Take the archive's person ARCHIVE (username) to be this database's person LOCAL (username); "
                 "repeat for each conflict the report lists.")

    def handle(self, file, map=None, **options):
        mapping = _mapping(map)
        try:
            if file == "-":
                text = sys.stdin.buffer.read().decode("utf-8")
            else:
                with open(file, "rb") as fh:
                    text = fh.read().decode("utf-8")
            archive = json.loads(text)
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"Le fichier n'est pas encodé en UTF-8 (octet illisible à la position {exc.start}) : "
                "une archive Confiance est toujours en UTF-8. Rien n'a été écrit.") from exc
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"Le fichier ne peut pas être lu comme du JSON : {exc}") from exc
        label = "Import de l'archive " + ("lue sur l'entrée standard" if file == "-" else f"« {file} »")
        job = run_here(restore_archive, kind="portability.import", label=f"{label} (commande)", organisation=None,
                       action=Action.ADMINISTER, archive=archive, mapping=mapping,
                       on_write=progress_printer(self.stderr, options.get("verbosity", 1)))
        if job.status != job.Status.SUCCEEDED:
            raise CommandError(job.message or "L'import a échoué.")
        self.stdout.write(job.message)
