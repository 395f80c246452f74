import time

from django.core.management.base import BaseCommand, CommandError

from confiance.jobs.models import Job


def bar(job, width=30):
    """Return one line like `[#########.........]  30 % 300/1000 En cours — message`."""
    percent = job.percent
    filled = 0 if percent is None else round(width * percent / 100)
    counts = f" {job.done}/{job.total}" if job.total else ""
    shown = "  ?" if percent is None else f"{percent:3d}"
    message = f" — {job.message}" if job.message else ""
    return f"[{'#' * filled}{'.' * (width - filled)}] {shown} %{counts} {job.get_status_display()}{message}"


class Command(BaseCommand):
    help = "Suivre l'avancement d'une tâche de fond jusqu'à sa fin (sortie 1 si elle échoue)."

    def add_arguments(self, parser):
        parser.add_argument("job", type=int, nargs="?", help="Numéro de la tâche (par défaut : la dernière lancée).")
        parser.add_argument("--interval", type=float, default=1.0, help="Secondes entre deux lectures (défaut : 1).")
        parser.add_argument("--once", action="store_true", help="Afficher l'état une fois et s'arrêter.")

    def handle(self, *args, job=None, interval=1.0, once=False, **options):
        jobs = Job.objects.all()
        current = jobs.filter(pk=job).first() if job else jobs.first()
        if current is None:
            raise CommandError("Aucune tâche ne correspond." if job else "Aucune tâche n'a encore été lancée.")
        self.stdout.write(f"Tâche {current.pk} : {current.label}")
        last = None
        while True:
            line = bar(current)
            if line != last:
                self.stdout.write(line)
                last = line
            if current.is_finished or once:
                break
            time.sleep(interval)
            current.refresh_from_db()
        if current.status == Job.Status.FAILED:
            raise CommandError(current.message or "La tâche a échoué.")
