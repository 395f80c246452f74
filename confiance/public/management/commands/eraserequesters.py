from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from confiance.public.models import ExplanationRequest
from confiance.rules import transparency


class Command(BaseCommand):
    help = "Erase the personal data of explanation requesters once the retention period has passed (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien effacer.")

    def handle(self, dry_run, **options):
        today = timezone.localdate()
        days = settings.EXPLANATION_RETENTION_DAYS
        # An answered request is closed on its answer; an unanswered one on its legal due date.
        candidates = ExplanationRequest.objects.filter(erased_at__isnull=True).filter(
            Q(answered_at__isnull=False) | Q(due_on__lt=today))
        erased = 0
        for item in candidates.iterator():
            closed = timezone.localdate(item.answered_at) if item.answered_at else item.due_on
            if transparency.must_erase(closed, days, today):
                erased += 1
                if not dry_run:
                    item.erase_personal_data()
        verb = "à effacer" if dry_run else "effacée(s)"
        self.stdout.write(f"{erased} demande(s) {verb} (conservation : {days} jours).")
