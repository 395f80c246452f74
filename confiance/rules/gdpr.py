"""GDPR checks: is a DPIA required (art. 35), and does the system fall foul of art. 22.

`assess_dpia(answers)` follows the three ways a DPIA becomes mandatory:

1. the cases of art. 35 § 3 (a, b, c) of the GDPR itself;
2. the CNIL list of processing operations that always require one
   (délibération n° 2018-327 du 11 octobre 2018, adopted under art. 35 § 4);
3. the nine criteria of the EDPB-endorsed guidelines WP248 rev.01: a processing
   that meets two or more of them is presumed likely to result in a high risk
   (art. 35 § 1), so a DPIA is required.

4. an AI system that is high-risk under the AI Act, or a prohibited practice,
   and processes personal data: its deployer must use the provider's
   information to carry out its DPIA (AI Act art. 26 § 9, GDPR art. 35), and
   the CNIL's AI sheets (sheet 5, seeds/004 document 7) treat a DPIA as
   necessary for such systems. A prohibited practice gets one too: the record
   must show why the system is refused or how it is redesigned.

No personal data, no DPIA: the GDPR applies only to personal data (art. 2 § 1).

`assess_article_22(answers)` refuses a system that decides alone about
individuals, whatever else is answered: the authority's human-primacy rule
(see human_primacy.py) is stricter than the exceptions of art. 22 § 2.
"""

from dataclasses import dataclass

from confiance.rules import ai_act
from confiance.rules.answers import PeopleMagnitude, Technique
from confiance.rules.citations import (
    AI_ACT,
    CNIL_AI_DPIA_SHEET,
    CNIL_AI_GUIDANCE,
    CNIL_AI_GUIDANCE_URL,
    CNIL_DPIA_LIST,
    EDPB_DPIA_GUIDELINES,
    GDPR,
    Citation,
    Reason,
)
from confiance.rules.human_primacy import DecisionRole, automated_decision_reasons

RULESET_VERSION = "gdpr-2026.1"
GDPR_URL = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
CNIL_LIST_URL = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037594451"

# Two criteria or more: DPIA required (WP248 rev.01, part III.B.a).
CRITERIA_THRESHOLD = 2

# The rule's own reading of "large scale" (criterion 5): the guidelines give no
# number, so the register presumes it from ten thousand people; the DPO can
# still answer yes below that.
LARGE_SCALE_MAGNITUDES = frozenset({PeopleMagnitude.LT100K, PeopleMagnitude.GTE100K})

# Techniques the rule treats as "innovative use or new technological solution"
# (criterion 8), after the guidelines' own example of new technologies whose
# consequences for people are not yet well known.
INNOVATIVE_TECHNIQUES = frozenset(
    {Technique.DEEP_LEARNING, Technique.GENERATIVE, Technique.COMPUTER_VISION, Technique.SPEECH_NLP}
)

# The CNIL list, in the deliberation's order: (answer field, French summary).
CNIL_LIST = (
    ("cnil_health_care_establishment", "Données de santé traitées par un établissement de santé ou "
     "médico-social pour la prise en charge des personnes."),
    ("cnil_genetic_vulnerable", "Données génétiques de personnes vulnérables."),
    ("cnil_hr_profiling", "Profilage de personnes à des fins de gestion des ressources humaines."),
    ("cnil_employee_monitoring", "Surveillance constante de l'activité des agents ou salariés."),
    ("cnil_social_health_alerts", "Gestion des alertes et signalements en matière sociale et sanitaire."),
    ("cnil_professional_alerts", "Gestion des alertes et signalements en matière professionnelle."),
    ("cnil_health_data_warehouse", "Entrepôt de données de santé ou registre."),
    ("cnil_profiling_contract_exclusion", "Profilage pouvant conduire à l'exclusion, la suspension ou "
     "la rupture d'un contrat."),
    ("cnil_shared_contract_breaches", "Traitement mutualisé de manquements contractuels pouvant conduire "
     "à une exclusion."),
    ("cnil_profiling_external_sources", "Profilage utilisant des données de sources externes."),
    ("cnil_biometric_vulnerable", "Données biométriques pour reconnaître des personnes, parmi lesquelles "
     "des personnes vulnérables."),
    ("cnil_social_housing", "Instruction des demandes et gestion des logements sociaux."),
    ("cnil_social_support", "Accompagnement social ou médico-social des personnes."),
    ("cnil_large_scale_location", "Données de localisation à grande échelle."),
)


class Criterion:
    """The nine criteria of WP248 rev.01, by stable code."""

    EVALUATION_OR_SCORING = "evaluation_or_scoring"
    AUTOMATED_DECISION = "automated_decision"
    SYSTEMATIC_MONITORING = "systematic_monitoring"
    SENSITIVE_DATA = "sensitive_data"
    LARGE_SCALE = "large_scale"
    COMBINED_DATASETS = "combined_datasets"
    VULNERABLE_PEOPLE = "vulnerable_people"
    INNOVATIVE_USE = "innovative_use"
    PREVENTS_RIGHT_OR_SERVICE = "prevents_right_or_service"


CRITERIA_TEXT = {
    Criterion.EVALUATION_OR_SCORING: (1, "Évaluation ou notation de personnes, y compris le profilage."),
    Criterion.AUTOMATED_DECISION: (2, "Décision automatisée produisant des effets juridiques ou "
                                   "l'affectant de manière significative."),
    Criterion.SYSTEMATIC_MONITORING: (3, "Surveillance systématique de personnes."),
    Criterion.SENSITIVE_DATA: (4, "Données sensibles ou à caractère hautement personnel."),
    Criterion.LARGE_SCALE: (5, "Traitement à grande échelle."),
    Criterion.COMBINED_DATASETS: (6, "Croisement ou combinaison de jeux de données."),
    Criterion.VULNERABLE_PEOPLE: (7, "Personnes vulnérables."),
    Criterion.INNOVATIVE_USE: (8, "Usage innovant ou nouvelle solution technologique."),
    Criterion.PREVENTS_RIGHT_OR_SERVICE: (9, "Traitement pouvant empêcher d'exercer un droit ou de "
                                          "bénéficier d'un service ou d'un contrat."),
}


@dataclass(frozen=True)
class DPIAResult:
    """Whether a DPIA is required, the EDPB criteria met and the reasons."""

    required: bool
    criteria: tuple  # codes of the WP248 criteria met, in the guidelines' order
    cnil_items: tuple  # answer fields of the CNIL list that are met
    reasons: tuple
    ruleset_version: str = RULESET_VERSION

    def as_dict(self):
        return {
            "required": self.required,
            "criteria": list(self.criteria),
            "cnil_items": list(self.cnil_items),
            "reasons": [r.as_dict() for r in self.reasons],
            "ruleset_version": self.ruleset_version,
        }


@dataclass(frozen=True)
class Article22Result:
    """Whether the system is forbidden because it decides alone about individuals."""

    forbidden: bool
    reasons: tuple
    ruleset_version: str = RULESET_VERSION

    def as_dict(self):
        return {
            "forbidden": self.forbidden,
            "reasons": [r.as_dict() for r in self.reasons],
            "ruleset_version": self.ruleset_version,
        }


def _gdpr(reference):
    return Citation(GDPR, reference, GDPR_URL)


def processes_personal_data(answers):
    """Return True when any answer implies personal data (GDPR art. 4 § 1)."""
    return (
        answers.personal_data
        or answers.sensitive_data
        or answers.minors_data
        or answers.offence_data
        or answers.profiling
        or answers.biometric_data
        or answers.decision_role is DecisionRole.DECIDES_ALONE
        or any(getattr(answers, name) for name, _ in CNIL_LIST)
    )


def edpb_criteria(answers):
    """Return the codes of the WP248 rev.01 criteria the processing meets, in order."""
    met = {
        Criterion.EVALUATION_OR_SCORING: answers.evaluation_or_scoring or answers.profiling,
        Criterion.AUTOMATED_DECISION: answers.decision_role is DecisionRole.DECIDES_ALONE,
        Criterion.SYSTEMATIC_MONITORING: answers.systematic_monitoring,
        Criterion.SENSITIVE_DATA: answers.sensitive_data or answers.offence_data or answers.highly_personal_data,
        Criterion.LARGE_SCALE: answers.large_scale or answers.people_magnitude in LARGE_SCALE_MAGNITUDES,
        Criterion.COMBINED_DATASETS: answers.combines_datasets,
        Criterion.VULNERABLE_PEOPLE: answers.vulnerable_people or answers.minors_data,
        Criterion.INNOVATIVE_USE: answers.innovative_use or answers.technique in INNOVATIVE_TECHNIQUES,
        Criterion.PREVENTS_RIGHT_OR_SERVICE: answers.prevents_right_or_service,
    }
    return tuple(code for code, is_met in met.items() if is_met)


def article_35_3_reasons(answers):
    """Return the cases of GDPR art. 35 § 3 that make a DPIA mandatory by the text itself."""
    reasons = []
    large = answers.large_scale or answers.people_magnitude in LARGE_SCALE_MAGNITUDES
    if (answers.profiling or answers.evaluation_or_scoring) and answers.decision_role is DecisionRole.DECIDES_ALONE:
        reasons.append(Reason(_gdpr("art. 35, § 3, a)"), "Évaluation systématique et approfondie de "
                              "personnes, fondée sur un traitement automatisé, servant de base à des décisions."))
    if large and (answers.sensitive_data or answers.offence_data):
        reasons.append(Reason(_gdpr("art. 35, § 3, b)"), "Traitement à grande échelle de données sensibles "
                              "ou relatives aux infractions."))
    if large and answers.systematic_monitoring:
        reasons.append(Reason(_gdpr("art. 35, § 3, c)"), "Surveillance systématique à grande échelle d'une "
                              "zone accessible au public."))
    return tuple(reasons)


def cnil_list_reasons(answers):
    """Return one reason per item of the CNIL list the processing falls under."""
    return tuple(
        Reason(Citation(CNIL_DPIA_LIST, f"point {number}", CNIL_LIST_URL), text)
        for number, (name, text) in enumerate(CNIL_LIST, start=1)
        if getattr(answers, name)
    )


def ai_act_reasons(answers, ai_act_result=None):
    """Return the reasons a high-risk or prohibited AI system processing personal data needs a DPIA."""
    result = ai_act_result or ai_act.classify(answers)
    if result.risk_class is ai_act.RiskClass.HIGH:
        first = ("Système d'IA à haut risque traitant des données personnelles : le déployeur s'appuie sur les "
                 "informations du fournisseur pour réaliser l'analyse d'impact (AIPD) que le RGPD lui impose.")
    elif result.risk_class is ai_act.RiskClass.PROHIBITED:
        first = ("Pratique d'IA interdite traitant des données personnelles : l'AIPD documente pourquoi le "
                 "système est refusé ou comment il est repensé pour sortir de l'interdiction.")
    else:
        return ()
    return (
        Reason(Citation(AI_ACT, "art. 26, § 9", ai_act.EUR_LEX_URL), first),
        Reason(_gdpr("art. 35, § 1"), "Le risque élevé pour les droits des personnes que suppose ce classement "
               "rend l'analyse d'impact obligatoire."),
        Reason(Citation(CNIL_AI_GUIDANCE, CNIL_AI_DPIA_SHEET, CNIL_AI_GUIDANCE_URL), "La CNIL considère "
               "qu'une AIPD est nécessaire pour les systèmes d'IA à haut risque au sens du règlement sur l'IA "
               "qui traitent des données personnelles."),
    )


def assess_dpia(answers, ai_act_result=None):
    """Return whether a DPIA is required (GDPR art. 35), with the criteria and reasons.

    `ai_act_result` is computed from `answers` when not given.
    """
    if not processes_personal_data(answers):
        reason = Reason(_gdpr("art. 2, § 1"), "Le système ne traite pas de données personnelles : "
                        "aucune analyse d'impact (AIPD) n'est requise.")
        return DPIAResult(False, (), (), (reason,))

    criteria = edpb_criteria(answers)
    cnil = tuple(name for name, _ in CNIL_LIST if getattr(answers, name))
    reasons = (list(ai_act_reasons(answers, ai_act_result)) + list(article_35_3_reasons(answers))
               + list(cnil_list_reasons(answers)))
    criteria_reasons = [
        Reason(Citation(EDPB_DPIA_GUIDELINES, f"critère {CRITERIA_TEXT[code][0]}"), CRITERIA_TEXT[code][1])
        for code in criteria
    ]
    if len(criteria) >= CRITERIA_THRESHOLD:
        reasons.append(Reason(_gdpr("art. 35, § 1"), f"{len(criteria)} critères des lignes directrices du "
                              f"CEPD sont remplis (deux suffisent) : le traitement est susceptible "
                              f"d'engendrer un risque élevé, une AIPD est requise."))
    required = bool(reasons)
    if not required:
        reasons.append(Reason(_gdpr("art. 35, § 1"), f"{len(criteria)} critère(s) des lignes directrices "
                              f"du CEPD rempli(s), moins de deux, et aucun cas de la liste de la CNIL : "
                              f"pas d'AIPD obligatoire. Elle reste recommandée en cas de doute."))
    return DPIAResult(required, criteria, cnil, tuple(reasons) + tuple(criteria_reasons))


def assess_article_22(answers):
    """Return whether the system is forbidden because it decides alone about individuals.

    GDPR art. 22 and the authority's human-primacy rule: see
    human_primacy.automated_decision_reasons, the single statement of it.
    """
    reasons = automated_decision_reasons(answers.decision_role)
    if reasons:
        return Article22Result(True, reasons)
    if answers.decision_role is DecisionRole.PREPARES:
        text = "Le système prépare une décision prise par un agent : la décision n'est pas exclusivement " \
               "automatisée, à condition que l'agent l'examine réellement et puisse s'en écarter."
    else:
        text = "Le système ne prend ni ne prépare de décision individuelle."
    return Article22Result(False, (Reason(_gdpr("art. 22"), text),))
