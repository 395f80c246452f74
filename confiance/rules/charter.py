"""An organisation's charter of principles, each bound to built-in checks.

A `Charter` is a list of `Principle`s; each principle names the checks
(`CheckKind`) that tell whether a record, or the organisation, honours it.
Another authority can write its own charter and bind its principles to the
same checks.

`MONTPELLIER_CHARTER` is the 10 laws of data and AI of Montpellier Méditerranée
Métropole (web page "Nos engagements : les 10 lois", strategy of October 2024),
summarised in our own words. Laws 1 to 6 and 10 are checked on each record
(`evaluate_record`); laws 7, 8 and 9 concern the organisation as a whole
(`evaluate_organisation`).
"""

from dataclasses import dataclass, field
from enum import StrEnum

from confiance.rules import ai_act, ethics, gdpr
from confiance.rules.citations import MONTPELLIER_LAWS, Citation, Reason
from confiance.rules.human_primacy import DecisionRole, automated_decision_reasons

RULESET_VERSION = "charter-2024.1"


class CheckKind(StrEnum):
    """The built-in checks a principle can be bound to."""

    CITIZEN_UTILITY = "citizen_utility"
    AGENTS_KEEP_DECISION = "agents_keep_decision"
    DATA_PROTECTION = "data_protection"
    SOBRIETY = "sobriety"
    ETHICS_REVIEW = "ethics_review"
    TRANSPARENCY_TO_USERS = "transparency_to_users"
    AGENTS_TRAINING = "agents_training"
    CITIZENS_TRAINING = "citizens_training"
    WOMEN_IN_AI_TEAMS = "women_in_ai_teams"
    BIAS_VIGILANCE = "bias_vigilance"


# Checks that look at the organisation, not at one record.
ORGANISATION_CHECKS = frozenset({CheckKind.AGENTS_TRAINING, CheckKind.CITIZENS_TRAINING, CheckKind.WOMEN_IN_AI_TEAMS})


class Outcome(StrEnum):
    MET = "met"
    TO_DO = "to_do"
    NOT_APPLICABLE = "not_applicable"
    VIOLATED = "violated"

    @property
    def label(self):
        return {"met": "respectée", "to_do": "à faire", "not_applicable": "sans objet",
                "violated": "enfreinte"}[self.value]


# When a principle is bound to several checks, the worst outcome wins.
_SEVERITY = {Outcome.NOT_APPLICABLE: 0, Outcome.MET: 1, Outcome.TO_DO: 2, Outcome.VIOLATED: 3}


@dataclass(frozen=True)
class Principle:
    number: int
    title: str
    text: str
    citation: Citation
    checks: tuple = ()


@dataclass(frozen=True)
class Charter:
    name: str
    source: str
    principles: tuple
    version: str = RULESET_VERSION


@dataclass(frozen=True)
class RecordState:
    """What has been recorded on a record of the register, as the charter checks read it."""

    citizen_benefit: str = ""
    dpia_recorded: bool = False
    carbon_estimate_kg: float | None = None
    ethics_opinion_recorded: bool = False
    notice_published: bool = False
    bias_audit_recorded: bool = False
    # Reasons the catalogue finds in the datasets linked to the record (rules.catalogue.dataset_reasons).
    dataset_reasons: tuple = ()
    carbon_benefit_kg: float | None = None


@dataclass(frozen=True)
class OrgFacts:
    """Counts about the organisation, for the organisation-level principles.

    The 10 laws set no figure for training or for women in AI teams; the
    targets are the organisation's own, parity by default for law 9.
    """

    agents_trained: int = 0
    total_agents: int = 0
    citizen_training_events_this_year: int = 0
    women_in_ai_teams: int = 0
    people_in_ai_teams: int = 0
    women_share_target: float = 0.5


@dataclass(frozen=True)
class PrincipleOutcome:
    number: int
    title: str
    outcome: Outcome
    reasons: tuple
    checks: tuple = ()

    def as_dict(self):
        return {
            "number": self.number,
            "title": self.title,
            "outcome": str(self.outcome),
            "outcome_label": self.outcome.label,
            "checks": [str(c) for c in self.checks],
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class OrganisationEvaluation:
    indicators: dict = field(default_factory=dict)
    outcomes: tuple = ()

    def as_dict(self):
        return {"indicators": dict(self.indicators), "outcomes": [o.as_dict() for o in self.outcomes]}


def _law(number):
    return Citation(MONTPELLIER_LAWS, f"loi {number}", "https://www.montpellier3m.fr/")


MONTPELLIER_CHARTER = Charter(
    name="Les 10 lois de la data et de l'IA",
    source=MONTPELLIER_LAWS,
    principles=(
        Principle(1, "Utilité pour les citoyens", "Tout recours à l'IA doit servir les citoyens, directement "
                  "ou indirectement.", _law(1), (CheckKind.CITIZEN_UTILITY,)),
        Principle(2, "L'IA aide les agents", "L'IA est un outil au service des agents publics, qui gardent "
                  "la décision.", _law(2), (CheckKind.AGENTS_KEEP_DECISION,)),
        Principle(3, "Protection des données", "Protéger les données des usagers passe avant tout.", _law(3),
                  (CheckKind.DATA_PROTECTION,)),
        Principle(4, "Sobriété numérique", "La sobriété numérique est impérative.", _law(4),
                  (CheckKind.SOBRIETY,)),
        Principle(5, "Avis du comité éthique", "Un projet d'IA sensible passe devant un comité éthique ouvert "
                  "aux citoyens, élus, associations et universitaires.", _law(5), (CheckKind.ETHICS_REVIEW,)),
        Principle(6, "Information des usagers", "Les usagers sont toujours informés qu'un service numérique "
                  "fait appel à l'IA.", _law(6), (CheckKind.TRANSPARENCY_TO_USERS,)),
        Principle(7, "Accompagnement des métiers", "L'évolution des métiers du service public est accompagnée "
                  "en continu.", _law(7), (CheckKind.AGENTS_TRAINING,)),
        Principle(8, "Formation des citoyens", "La collectivité aide les citoyens à comprendre les enjeux de "
                  "l'IA.", _law(8), (CheckKind.CITIZENS_TRAINING,)),
        Principle(9, "Féminisation des métiers de l'IA", "La collectivité exige plus de femmes dans les "
                  "métiers de l'IA.", _law(9), (CheckKind.WOMEN_IN_AI_TEAMS,)),
        Principle(10, "Vigilance contre les biais", "Les données qui alimentent les IA sont surveillées contre "
                  "les biais de genre, d'origine ou d'orientation sexuelle.", _law(10), (CheckKind.BIAS_VIGILANCE,)),
    ),
)


# What an organisation that has adopted no charter is checked against: nothing. It is never
# checked against another authority's principles; it can adopt the 10 laws or write its own.
NO_CHARTER = Charter(name="Aucune charte", source="", principles=())


def _record_check(kind, principle, answers, state, context):
    """Return (Outcome, reasons) of one record-level check."""
    cite = principle.citation
    if kind is CheckKind.CITIZEN_UTILITY:
        if state.citizen_benefit.strip():
            return Outcome.MET, (Reason(cite, "Le bénéfice pour les citoyens est indiqué."),)
        return Outcome.TO_DO, (Reason(cite, "Indiquer en quoi le système est utile aux citoyens."),)
    if kind is CheckKind.AGENTS_KEEP_DECISION:
        if answers.decision_role is DecisionRole.DECIDES_ALONE:
            return Outcome.VIOLATED, automated_decision_reasons(answers.decision_role)
        return Outcome.MET, (Reason(cite, "Le système ne décide pas seul : un agent garde la décision."),)
    if kind is CheckKind.DATA_PROTECTION:
        dpia = context["dpia"]
        if state.dataset_reasons:
            return Outcome.TO_DO, tuple(state.dataset_reasons)
        if not gdpr.processes_personal_data(answers):
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Le système ne traite pas de données personnelles."),)
        if dpia.required and not state.dpia_recorded:
            return Outcome.TO_DO, (Reason(cite, "Une AIPD est requise et n'est pas encore enregistrée."),) \
                + dpia.reasons[:1]
        if dpia.required:
            return Outcome.MET, (Reason(cite, "L'AIPD requise est enregistrée."),)
        return Outcome.MET, (Reason(cite, "Des données personnelles sont traitées ; aucune AIPD n'est "
                                          "obligatoire."),)
    if kind is CheckKind.SOBRIETY:
        if state.carbon_estimate_kg is None:
            return Outcome.TO_DO, (Reason(cite, "Estimer l'empreinte carbone du système avant son usage."),)
        threshold = context.get("carbon_threshold_kg")
        if threshold is not None and state.carbon_estimate_kg > threshold and state.carbon_benefit_kg is None:
            # Strategy, "Évaluation de l'empreinte carbone des IA": a large footprint is weighed against the benefit.
            return Outcome.TO_DO, (Reason(cite, f"Empreinte estimée ({state.carbon_estimate_kg:g} kg CO2e par an) "
                                                f"au-dessus du seuil ({threshold:g}) : la mettre en balance avec le "
                                                "bénéfice attendu."),)
        text = f"Empreinte carbone estimée : {state.carbon_estimate_kg:g} kg CO2e."
        if state.carbon_benefit_kg is not None:
            text += f" Bénéfice revendiqué : {state.carbon_benefit_kg:g} kg CO2e évités par an."
        return Outcome.MET, (Reason(cite, text),)
    if kind is CheckKind.ETHICS_REVIEW:
        referral = context["ethics"]
        if not referral.required:
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Le projet n'a pas à être soumis au comité éthique."),)
        if state.ethics_opinion_recorded:
            return Outcome.MET, (Reason(cite, "L'avis du comité éthique est enregistré."),)
        return Outcome.TO_DO, (Reason(cite, "Saisir le comité éthique et enregistrer son avis."),) \
            + referral.reasons[:-1]
    if kind is CheckKind.TRANSPARENCY_TO_USERS:
        if not answers.citizen_facing:
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Le système n'est pas utilisé dans un service aux usagers."),)
        if state.notice_published:
            return Outcome.MET, (Reason(cite, "La mention « ce service utilise de l'IA » est publiée."),)
        return Outcome.TO_DO, (Reason(cite, "Publier la mention informant les usagers que le service utilise "
                                            "de l'IA."),)
    if kind is CheckKind.BIAS_VIGILANCE:
        if not gdpr.processes_personal_data(answers):
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Sans données personnelles, pas de biais de genre, "
                                                         "d'origine ou d'orientation à auditer."),)
        if state.bias_audit_recorded:
            return Outcome.MET, (Reason(cite, "Un audit des biais des jeux de données est enregistré."),)
        return Outcome.TO_DO, (Reason(cite, "Auditer les jeux de données contre les biais de genre, d'origine "
                                            "ou d'orientation sexuelle."),)
    # Organisation-level checks are not decided on a record.
    return Outcome.NOT_APPLICABLE, (Reason(cite, "Principe évalué à l'échelle de la collectivité, pas de la fiche."),)


def _combine(principle, results):
    outcome = max((o for o, _ in results), key=_SEVERITY.__getitem__, default=Outcome.NOT_APPLICABLE)
    reasons = tuple(r for o, rs in results if o is outcome for r in rs)
    return PrincipleOutcome(principle.number, principle.title, outcome, reasons, principle.checks)


def evaluate_record(charter, answers, state=None, carbon_threshold_kg=None):
    """Return one PrincipleOutcome per principle of `charter` for one record.

    A principle bound to several checks takes the worst of their outcomes
    (violated > to do > met > not applicable).
    """
    state = state or RecordState()
    ai_act_result = ai_act.classify(answers)
    dpia = gdpr.assess_dpia(answers)
    context = {
        "carbon_threshold_kg": carbon_threshold_kg,
        "dpia": dpia,
        "ethics": ethics.needs_ethics_referral(answers, ai_act_result, dpia, state.carbon_estimate_kg,
                                               carbon_threshold_kg),
    }
    return [
        _combine(p, [_record_check(kind, p, answers, state, context) for kind in p.checks])
        for p in charter.principles
    ]


def _share(part, whole):
    return round(part / whole, 3) if whole else None


def _organisation_check(kind, principle, facts):
    cite = principle.citation
    if kind is CheckKind.AGENTS_TRAINING:
        if facts.total_agents <= 0:
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Effectif des agents non renseigné."),)
        share = _share(facts.agents_trained, facts.total_agents)
        text = f"{facts.agents_trained} agent(s) formé(s) à l'IA sur {facts.total_agents} ({share:.0%})."
        return (Outcome.MET if facts.agents_trained > 0 else Outcome.TO_DO), (Reason(cite, text),)
    if kind is CheckKind.CITIZENS_TRAINING:
        count = facts.citizen_training_events_this_year
        if count > 0:
            return Outcome.MET, (Reason(cite, f"{count} action(s) de formation des citoyens cette année."),)
        return Outcome.TO_DO, (Reason(cite, "Aucune action de formation des citoyens à l'IA cette année."),)
    if kind is CheckKind.WOMEN_IN_AI_TEAMS:
        if facts.people_in_ai_teams <= 0:
            return Outcome.NOT_APPLICABLE, (Reason(cite, "Aucune équipe IA déclarée."),)
        share = _share(facts.women_in_ai_teams, facts.people_in_ai_teams)
        text = (f"{facts.women_in_ai_teams} femme(s) sur {facts.people_in_ai_teams} personnes dans les équipes "
                f"IA ({share:.0%}, objectif {facts.women_share_target:.0%}).")
        return (Outcome.MET if share >= facts.women_share_target else Outcome.TO_DO), (Reason(cite, text),)
    return None


def evaluate_organisation(charter, facts):
    """Return the indicators and outcomes of the organisation-level principles (laws 7, 8, 9)."""
    outcomes = []
    for principle in charter.principles:
        if not set(principle.checks) & ORGANISATION_CHECKS:
            continue
        results = [_organisation_check(kind, principle, facts) for kind in principle.checks
                   if kind in ORGANISATION_CHECKS]
        outcomes.append(_combine(principle, results))
    indicators = {
        "agents_trained_share": _share(facts.agents_trained, facts.total_agents),
        "citizen_training_events_this_year": facts.citizen_training_events_this_year,
        "women_share_in_ai_teams": _share(facts.women_in_ai_teams, facts.people_in_ai_teams),
    }
    return OrganisationEvaluation(indicators, tuple(outcomes))


def organisation_principle_numbers(charter):
    """Return the numbers of the principles judged on the organisation as a whole (laws 7, 8, 9)."""
    return frozenset(p.number for p in charter.principles if p.checks and set(p.checks) <= ORGANISATION_CHECKS)


def with_organisation(outcomes, charter, organisation_evaluation):
    """Return a record's principle outcomes (dicts, as stored) with the organisation's own outcome for laws 7 to 9.

    A record cannot meet an organisation-level principle by itself, so its stored
    outcome says "not applicable"; on the record's page and on the public
    dashboard the principle reads as the organisation stands today: met on the
    record when the organisation meets it (decision 0020). It is read, not stored,
    because it changes without the record changing (a training, a new year,
    another record's team).
    """
    readings = organisation_readings(charter, organisation_evaluation)
    merged = []
    for outcome in outcomes:
        reading = readings.get(outcome["number"])
        if reading is not None:
            outcome = dict(reading, title=outcome["title"])
        merged.append(outcome)
    return merged


def organisation_readings(charter, organisation_evaluation):
    """Return {number: outcome dict} of the principles a record reads on its organisation (laws 7 to 9).

    Each dict is the organisation's outcome with its reasons prefixed "À l'échelle
    de la collectivité"; a principle absent from the result keeps the record's own
    stored outcome. `with_organisation` and every count or filter of records by
    principle use this one reading (decision 0020).
    """
    numbers = organisation_principle_numbers(charter)
    readings = {}
    for organisation_outcome in organisation_evaluation.outcomes:
        if organisation_outcome.number not in numbers:
            continue
        reading = organisation_outcome.as_dict()
        reading["reasons"] = [dict(r, text=f"À l'échelle de la collectivité : {r['text']}")
                              for r in reading["reasons"]]
        readings[organisation_outcome.number] = reading
    return readings


def meets_every_principle(outcomes):
    """Return True when every principle of `outcomes` (dicts) is met, none merely not applicable."""
    return bool(outcomes) and all(o["outcome"] == str(Outcome.MET) for o in outcomes)
