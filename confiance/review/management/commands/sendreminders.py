from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone

from confiance.review.models import Condition, Referral, YearlyReview
from confiance.review.notifications import committee_people, internal_committee_people, notify, record_people


class Command(BaseCommand):
    help = "Send the due reminders (opinions, conditions, yearly reviews) once each, by inbox and e-mail."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help="Remind this many days before a deadline (default: REVIEW_REMINDER_DAYS).")

    def handle(self, days=None, **options):
        today = timezone.localdate()
        horizon = today + timedelta(days=settings.REVIEW_REMINDER_DAYS if days is None else days)
        sent = 0
        for referral in Referral.objects.filter(opinion__isnull=True, deadline__lte=horizon).select_related(
                "system", "committee"):
            late = referral.deadline < today
            sent += len(notify(
                committee_people(referral.committee), "deadline",
                f"{'Avis en retard' if late else 'Avis attendu'} : « {referral.system.name} »",
                f"L'avis du {referral.committee} sur « {referral.system.name} » est attendu "
                f"{'depuis' if late else 'au plus tard'} le {referral.deadline:%d/%m/%Y}.",
                reverse("review:referral", args=[referral.pk]),
                key=f"{'late' if late else 'due'}:referral:{referral.pk}:{referral.deadline:%Y%m%d}"))
        for condition in Condition.objects.filter(done_on__isnull=True, due_on__lte=horizon).select_related(
                "decision__system"):
            system = condition.decision.system
            sent += len(notify(
                record_people(system), "deadline", f"Condition à remplir : « {system.name} »",
                f"Condition fixée par la décision du {condition.decision.decided_on:%d/%m/%Y} : {condition.text}\n"
                f"Échéance : {condition.due_on:%d/%m/%Y}.", reverse("register:detail", args=[system.pk]),
                key=f"condition:{condition.pk}:{condition.due_on:%Y%m%d}"))
        for review in YearlyReview.objects.filter(done_on__isnull=True, due_on__lte=horizon).select_related(
                "system__organisation"):
            system = review.system
            sent += len(notify(
                record_people(system) + internal_committee_people(system.organisation), "yearly_review",
                f"Revue annuelle : « {system.name} »",
                f"La revue annuelle de « {system.name} », déployé, est due le {review.due_on:%d/%m/%Y} : elle "
                "rouvre les contrôles.", reverse("review:yearly_review", args=[review.pk]),
                key=f"yearly:{review.pk}:{review.due_on:%Y%m%d}"))
        self.stdout.write(f"{sent} rappel{'s' if sent > 1 else ''} envoyé{'s' if sent > 1 else ''}.")
