"""Gather a record's answers and state into the plain values the rules read.

Other capabilities add to the state (the review app knows whether the ethics
committee gave its opinion, the public site whether the notice is published)
by registering a provider in their AppConfig.ready(): this app never imports
them.
"""

from confiance.rules.answers import Answers
from confiance.rules.charter import NO_CHARTER, Charter, CheckKind, OrgFacts, Principle, RecordState
from confiance.rules.citations import Citation
from confiance.rules.questionnaire import RECORD_CHOICES

# Choices the record holds (domain, technique...): always read from the record.
RECORD_FACTS = list(RECORD_CHOICES)

# Yes/no questions the record already answers: what the record says pre-fills
# the questionnaire, and a "yes" on the record always counts.
RECORD_YES_NO = {
    "personal_data": lambda system: system.personal_data,
    "sensitive_data": lambda system: system.sensitive_data,
    "minors_data": lambda system: system.minors_data,
    "offence_data": lambda system: system.offence_data,
    "citizen_facing": lambda system: system.citizen_facing,
    "concerns_agents": lambda system: system.people_affected in ("agents", "both"),
}

# Functions (system) -> dict of RecordState fields.
STATE_PROVIDERS = []

# Functions (system) -> {question: (value, "where it comes from")}, e.g. the
# catalogue's datasets; they pre-fill the questionnaire like the record does.
PREFILL_PROVIDERS = []


def register_state_provider(function):
    STATE_PROVIDERS.append(function)
    return function


def register_prefill_provider(function):
    PREFILL_PROVIDERS.append(function)
    return function


def prefill_for(system):
    """Return {question: (value, source)} of what the record (and registered providers) already say."""
    values = {name: (bool(read(system)), "la fiche du système") for name, read in RECORD_YES_NO.items()}
    for provider in PREFILL_PROVIDERS:
        values.update(provider(system))
    return values


def stored_answers(system):
    """Return the questionnaire's stored answers (a dict), or {}."""
    questionnaire = getattr(system, "questionnaire", None) if system.pk else None
    return dict(questionnaire.answers) if questionnaire is not None else {}


def answers_for(system):
    """Return the record's Answers: the questionnaire's answers, with what the record says.

    The record's choices (domain, technique...) replace any stored value; a
    yes/no fact the record states as "yes" (personal data...) counts as "yes"
    whatever the questionnaire says, an unanswered one takes the record's value.
    """
    data = {k: v for k, v in stored_answers(system).items() if k not in RECORD_FACTS}
    for name in RECORD_FACTS:
        value = getattr(system, name, None)
        if value in (None, ""):
            continue
        data[name] = value
    for name, (value, _source) in prefill_for(system).items():
        if value is True or name not in data:
            data[name] = value
    return Answers.from_dict(data)


def contested_for(system):
    """Return the codes of the implications contested on `system`."""
    if not system.pk:
        return frozenset()
    return frozenset(system.contested_implications.values_list("code", flat=True))


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
