import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from confiance.jobs.models import ScheduledRun
from confiance.jobs.schedule import queue_now


class Command(BaseCommand):
    help = "Run a Confiance command in the background: queue it for the task worker, and optionally wait for it."

    def add_arguments(self, parser):
        parser.add_argument("command_line", nargs="+", help="The command and its arguments, e.g. sendreminders.")
        parser.add_argument("--wait", type=int, default=0, metavar="SECONDS",
                            help="Wait up to SECONDS for a worker to run it, then print its output.")

    def handle(self, command_line, wait=0, **options):
        try:
            run = queue_now(" ".join(command_line))
        except ImproperlyConfigured as error:
            raise CommandError(str(error).removeprefix("JOBS_SCHEDULE: ")) from None
        self.stdout.write(f"« {run.command} » est en file d'attente (exécution n° {run.pk}).")
        deadline = time.monotonic() + wait
        while wait and time.monotonic() < deadline:
            run.refresh_from_db()
            if run.status in (ScheduledRun.Status.SUCCEEDED, ScheduledRun.Status.FAILED):
                self.stdout.write(f"{run.get_status_display()} :\n{run.output}")
                if run.status == ScheduledRun.Status.FAILED:
                    raise CommandError("La commande a échoué.")
                return
            time.sleep(0.5)
        if wait:
            raise CommandError(f"Aucun processus de fond ne l'a exécutée en {wait} s : lancez `confiance runworker`.")
