"""Whether a project must be referred to the ethics committee for an opinion.

Sources:

- Montpellier's strategy (2024), section "Montpellier instaure un comité
  métropolitain de l'IA" (part "Enjeux éthiques et démocratiques"): the
  authority may ask the committee's opinion on projects whose ecological,
  social or economic impact is judged significant, the text naming health,
  education, policing and essential public services as examples;
- law 5 of Montpellier's 10 laws: sensitive AI projects go to the ethics
  committee for an opinion.

The strategy leaves "significant impact" to judgement; this rule turns it into
explicit triggers, every one reported, so the committee sees why it is seized.
A single trigger is enough.
"""

from dataclasses import dataclass

from confiance.rules import ai_act, gdpr
from confiance.rules.answers import Domain, Technique
from confiance.rules.citations import MONTPELLIER_LAWS, MONTPELLIER_STRATEGY, Citation, Reason

RULESET_VERSION = "ethics-montpellier-2024.1"

STRATEGY_SECTION = Citation(
    MONTPELLIER_STRATEGY,
    "« Montpellier instaure un comité métropolitain de l'IA » (enjeux éthiques et démocratiques)",
)
LAW_5 = Citation(MONTPELLIER_LAWS, "loi 5")

# Domains the strategy names as examples of significant impact (health,
# education, policing, essential public services), with the social and
# early-childhood services that deliver benefits to people.
SENSITIVE_DOMAINS = {
    Domain.HEALTH: "la santé",
    Domain.EDUCATION: "l'éducation",
    Domain.PUBLIC_SAFETY: "la sécurité publique et le maintien de l'ordre",
    Domain.SOLIDARITY: "la solidarité et les prestations sociales",
    Domain.EARLY_CHILDHOOD: "la petite enfance",
}

# Annex III point 5: access to essential public and private services. A system
# escaping high risk through a derogation still touches those services.
ESSENTIAL_SERVICE_FIELDS = (
    "public_benefits_eligibility",
    "emergency_call_triage",
    "creditworthiness",
    "life_health_insurance_pricing",
)


@dataclass(frozen=True)
class EthicsReferralResult:
    """Whether the ethics committee must be seized, and every reason why."""

    required: bool
    reasons: tuple
    ruleset_version: str = RULESET_VERSION

    def as_dict(self):
        return {
            "required": self.required,
            "reasons": [r.as_dict() for r in self.reasons],
            "ruleset_version": self.ruleset_version,
        }


def referral_triggers(answers, ai_act_result, dpia_result, carbon_kg_co2e=None, carbon_threshold_kg=None):
    """Return one French sentence per trigger of a referral, in a stable order."""
    triggers = []
    if ai_act_result.risk_class is ai_act.RiskClass.PROHIBITED:
        triggers.append("Le système relève d'une pratique interdite par le règlement sur l'IA.")
    elif ai_act_result.risk_class is ai_act.RiskClass.HIGH:
        triggers.append("Le système est à haut risque au sens du règlement sur l'IA.")
    if dpia_result.required:
        triggers.append("Une analyse d'impact relative à la protection des données (AIPD) est requise.")
    if answers.domain in SENSITIVE_DOMAINS:
        triggers.append(f"Le système intervient dans un domaine sensible : {SENSITIVE_DOMAINS[answers.domain]}.")
    if any(getattr(answers, name) for name in ESSENTIAL_SERVICE_FIELDS):
        triggers.append("Le système touche à l'accès à des services publics ou privés essentiels.")
    if answers.minors_data:
        triggers.append("Le système concerne des mineurs.")
    if answers.vulnerable_people:
        triggers.append("Le système concerne des personnes vulnérables.")
    if answers.technique is Technique.GENERATIVE and answers.citizen_facing:
        triggers.append("Le système est une IA générative au contact des citoyens.")
    if carbon_kg_co2e is not None and carbon_threshold_kg is not None and carbon_kg_co2e > carbon_threshold_kg:
        triggers.append(f"L'empreinte carbone estimée ({carbon_kg_co2e:g} kg CO2e) dépasse le seuil fixé "
                        f"par la collectivité ({carbon_threshold_kg:g} kg CO2e).")
    return tuple(triggers)


def needs_ethics_referral(answers, ai_act_result=None, dpia_result=None, carbon_kg_co2e=None,
                          carbon_threshold_kg=None):
    """Return whether the project must go to the ethics committee, with every reason.

    `ai_act_result` and `dpia_result` are computed from `answers` when not given.
    """
    ai_act_result = ai_act_result or ai_act.classify(answers)
    dpia_result = dpia_result or gdpr.assess_dpia(answers)
    triggers = referral_triggers(answers, ai_act_result, dpia_result, carbon_kg_co2e, carbon_threshold_kg)
    if not triggers:
        reason = Reason(STRATEGY_SECTION, "Aucun critère de sensibilité n'est rempli : la saisine du comité "
                        "éthique n'est pas obligatoire, elle reste possible.")
        return EthicsReferralResult(False, (reason,))
    reasons = tuple(Reason(STRATEGY_SECTION, text) for text in triggers)
    reasons += (Reason(LAW_5, "Les projets d'IA sensibles sont soumis pour avis au comité éthique."),)
    return EthicsReferralResult(True, reasons)
