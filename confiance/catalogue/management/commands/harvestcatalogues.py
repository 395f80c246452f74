from django.core.management.base import BaseCommand, CommandError

from confiance.catalogue import tasks
from confiance.catalogue.models import Harvest
from confiance.jobs.management.commands.followjob import Command as FollowJob


class Command(BaseCommand):
    help = ("Lancer un moissonnage (ou ceux dont l'heure est passée) sur le moteur de tâches de fond, "
            "et en suivre l'avancement.")

    def add_arguments(self, parser):
        parser.add_argument("harvest", type=int, nargs="?", help="Numéro du moissonnage à lancer maintenant.")
        parser.add_argument("--due", action="store_true", help="Lancer les moissonnages programmés en retard.")
        parser.add_argument("--no-follow", action="store_true", help="Ne pas attendre la fin (le worker s'en charge).")

    def handle(self, *args, harvest=None, due=False, no_follow=False, **options):
        if harvest is None and not due:
            raise CommandError("Donnez le numéro d'un moissonnage, ou --due.")
        if due:
            jobs = tasks.start_due()
        else:
            h = Harvest.objects.filter(pk=harvest).first()
            if h is None:
                raise CommandError(f"Aucun moissonnage n° {harvest}.")
            jobs = [tasks.start_harvest(h)]
        self.stdout.write(f"{len(jobs)} moissonnage(s) lancé(s) : tâche(s) {', '.join(str(j.pk) for j in jobs) or '—'}.")
        if not no_follow:
            for job in jobs:
                FollowJob(stdout=self.stdout, stderr=self.stderr).handle(job=job.pk, interval=1.0)
