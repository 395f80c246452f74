"""Plain factories for the review's tests: make_<model>(**overrides)."""

import datetime

from confiance.review.models import Committee, CommitteeMember, Experiment, Opinion, Referral

DEADLINE = datetime.date(2030, 1, 1)


def make_committee(organisation, kind="internal", members=(), **overrides):
    fields = {"name": "Comité interne Data & IA" if kind == "internal" else "Comité éthique"}
    fields.update(overrides)
    committee = Committee.objects.create(organisation=organisation, kind=kind, **fields)
    for person in members:
        CommitteeMember.objects.create(committee=committee, person=person)
    return committee


def make_referral(system, committee, **overrides):
    fields = {"question": "Le projet est-il utile et conforme à la charte ?", "deadline": DEADLINE}
    fields.update(overrides)
    return Referral.objects.create(system=system, committee=committee, **fields)


def make_opinion(referral, verdict="favourable", **overrides):
    fields = {"text": "Projet utile.", "conditions": "Informer les usagers." if verdict == "with_conditions" else ""}
    fields.update(overrides)
    return Opinion.objects.create(referral=referral, verdict=verdict, **fields)


def make_experiment(system, evaluated=True, **overrides):
    fields = {"volunteer_count": 5, "starts_on": datetime.date(2025, 1, 1), "ends_on": datetime.date(2025, 3, 1),
              "criteria": "Temps gagné, erreurs."}
    if evaluated:
        fields.update(usefulness="Réponses plus rapides.", working_conditions="Moins de saisie.",
                      skills="Formation nécessaire.", errors_seen="Quelques erreurs corrigées par les agents.",
                      evaluated_on=datetime.date(2025, 3, 15))
    fields.update(overrides)
    return Experiment.objects.create(system=system, **fields)


def satisfy_every_guard(system, internal, ethics):
    """Give `system` the internal committee's favourable opinion, the ethics opinion and an evaluated trial."""
    make_opinion(make_referral(system, internal), "with_conditions")
    make_opinion(make_referral(system, ethics), "favourable")
    make_experiment(system)
