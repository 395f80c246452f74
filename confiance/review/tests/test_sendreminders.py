"""The sendreminders command: due reminders, once each."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from confiance.review.models import Condition, Decision, YearlyReview
from confiance.review.tests.helpers import make_committee, make_opinion, make_referral


def run():
    from io import StringIO

    out = StringIO()
    call_command("sendreminders", stdout=out)
    return out.getvalue()


def test_it_reminds_once_of_due_and_late_opinions_conditions_and_yearly_reviews(cast):
    today = timezone.localdate()
    cast.committee.email = "comite@example.org"
    cast.committee.save()
    committee = make_committee(cast.org, "internal", [cast.committee])
    make_referral(cast.system, committee, deadline=today + datetime.timedelta(days=3))
    make_referral(cast.system, committee, deadline=today - datetime.timedelta(days=1))
    make_opinion(make_referral(cast.system, committee, deadline=today), "favourable")  # answered: no reminder
    make_referral(cast.system, committee, deadline=today + datetime.timedelta(days=60))  # not yet due
    decision = Decision.objects.create(system=cast.system, kind="approve_experimentation", text="Oui")
    Condition.objects.create(decision=decision, text="Informer les usagers", due_on=today)
    Condition.objects.create(decision=decision, text="Déjà fait", due_on=today, done_on=today)
    YearlyReview.objects.create(system=cast.system, due_on=today)

    assert run().startswith("5 rappels")  # 2 referrals + 1 condition to the agent + 1 review to agent & committee
    assert cast.committee.notifications.filter(kind="deadline").count() == 2
    assert cast.agent.notifications.count() == 2 and cast.committee.notifications.filter(kind="yearly_review")
    assert len(mail.outbox) == 3  # only the committee member has an e-mail address
    assert "Avis en retard" in " ".join(m.subject for m in mail.outbox)
    assert run().startswith("0 rappel")
    assert len(mail.outbox) == 3
