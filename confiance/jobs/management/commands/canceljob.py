from django.core.management.base import BaseCommand, CommandError

from confiance.jobs.control import cancel
from confiance.jobs.models import Job


class Command(BaseCommand):
    help = "Cancel a background job: a queued one never runs, a running one stops at its next progress report."

    def add_arguments(self, parser):
        parser.add_argument("job", type=int, help="The job's number (shown on its page, /taches/<number>/).")

    def handle(self, job, **options):
        found = Job.objects.filter(pk=job).first()
        if found is None:
            raise CommandError(f"Aucune tâche n'a le numéro {job}.")
        if not cancel(found):
            raise CommandError(f"La tâche {job} est déjà finie ({found.get_status_display().lower()}).")
        found.refresh_from_db()
        self.stdout.write(f"Tâche {job} : {found.message or found.get_status_display()}")
