"""Gather a record's answers and state into the plain values the rules read.

Other capabilities add to the state (the review app knows whether the ethics
committee gave its opinion, the public site whether the notice is published)
by registering a provider in their AppConfig.ready(): this app never imports
them.
"""

from confiance.rules.answers import Answers, question_fields
from confiance.rules.charter import NO_CHARTER, Charter, CheckKind, OrgFacts, Principle, RecordState
from confiance.rules.citations import Citation

# Facts of the questionnaire's "register" group, read from the record itself.
RECORD_FACTS = [f.name for f in question_fields("register")]

# Functions (system) -> dict of RecordState fields.
STATE_PROVIDERS = []


def register_state_provider(function):
    STATE_PROVIDERS.append(function)
    return function


def answers_for(system):
    """Return the record's Answers: its own fields plus the questionnaire's answers."""
    data = {}
    questionnaire = getattr(system, "questionnaire", None) if system.pk else None
    if questionnaire is not None:
        data.update({k: v for k, v in questionnaire.answers.items() if k not in RECORD_FACTS})
    for name in RECORD_FACTS:
        value = getattr(system, name, None)
        if value in (None, ""):
            continue
        data[name] = value
    return Answers.from_dict(data)


def state_for(system):
    """Return what the record holds, as the charter checks read it."""
    values = {
        "citizen_benefit": system.citizen_benefit,
        "dpia_recorded": hasattr(system, "dpia"),
    }
    for provider in STATE_PROVIDERS:
        values.update(provider(system))
    return RecordState(**values)


def charter_for(organisation):
    """Return the organisation's own charter as the rules read it; NO_CHARTER when it has adopted none.

    Each record is checked against its own organisation's charter only: another authority's
    principles (Montpellier's 10 laws) never apply by default.
    """
    charter = getattr(organisation, "charter", None)
    if charter is None:
        return NO_CHARTER
    return Charter(
        name=charter.name,
        source=charter.source,
        principles=tuple(
            Principle(p.number, p.title, p.text, Citation(charter.source, f"principe {p.number}"),
                      (CheckKind(p.check_kind),))
            for p in charter.principles.all()
        ),
    )


def carbon_threshold_for(organisation):
    policy = getattr(organisation, "policy", None)
    return policy.carbon_threshold_kg if policy else None


def organisation_facts(organisation, year):
    """Return the counts laws 7, 8 and 9 are measured on."""
    from django.db.models import Sum

    from confiance.checks.models import TrainingEvent

    policy = getattr(organisation, "policy", None)
    events = TrainingEvent.objects.filter(organisation=organisation)
    agents = events.filter(audience="agents").aggregate(n=Sum("participants"))["n"] or 0
    teams = organisation.ai_systems.exclude(status__in=["retired", "rejected"]).aggregate(
        size=Sum("team_size"), women=Sum("team_women")
    )
    return OrgFacts(
        agents_trained=agents,
        total_agents=(policy.staff_count if policy and policy.staff_count else 0),
        citizen_training_events_this_year=events.filter(audience="citizens", held_on__year=year).count(),
        women_in_ai_teams=teams["women"] or 0,
        people_in_ai_teams=teams["size"] or 0,
        women_share_target=policy.women_share_target if policy else 0.5,
    )
