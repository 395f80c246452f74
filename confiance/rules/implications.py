"""Answers that imply other answers, each implication with its source.

A steward answers question by question; a DPO reads the answers together. A
system that identifies people by their face processes biometric data, which
are sensitive data, whether or not that box was ticked. This module states
those readings once, as a table: each `Implication` has a code, premises (the
answers that trigger it, all of them needed), one conclusion (a yes/no
question it answers "yes"), the citation of the text it rests on and one French
sentence.

`derive(answers, contested)` applies the table until nothing changes (a fixed
point: conclusions only ever turn a "no" into a "yes", so it always ends) and
says, for every answer it added, which answers it was deduced from. An
implication a person contested with a written justification (its code is in
`contested`) stops applying; the justification lives with the record, shown to
the DPO.

Premises read only known answers: an open point (« je ne sais pas ») triggers
nothing, but an implication whose premises are known answers its conclusion
even when that conclusion was an open point.

Sources (cited in each row):
- GDPR art. 4, points 1 (personal data), 4 (profiling) and 14 (biometric data),
  art. 9 § 1 (special categories) and art. 35 § 3 c) (public areas);
- WP248 rev.01 guidelines, criteria 1, 3, 4, 5, 7, 8 and 9 with their examples;
- CNIL list of processings requiring a DPIA (délibération n° 2018-327);
- AI Act art. 3 points 35, 39 and 40 (definitions of biometric identification,
  emotion recognition and biometric categorisation), art. 50 and annex III
  points 1 to 7 (what each use is about, and for whom).
"""

import dataclasses
from dataclasses import dataclass

from confiance.rules.answers import Answers, PeopleMagnitude, Technique, question_fields
from confiance.rules.citations import AI_ACT, CNIL_DPIA_LIST, EDPB_DPIA_GUIDELINES, GDPR, Citation
from confiance.rules.human_primacy import DecisionRole

RULESET_VERSION = "implications-2026.1"

_QUESTIONS = {f.name: f.metadata["question"] for f in question_fields()}


@dataclass(frozen=True)
class Implication:
    """If every premise holds, the conclusion (a yes/no question) is "yes"."""

    code: str
    premises: tuple  # ((field, value), ...): all must hold
    conclusion: str
    citation: Citation
    text: str  # why, in French, for a non-lawyer

    def holds(self, answers):
        """Return True when every premise is a known answer with the premise's value."""
        return all(name not in answers.unknown and getattr(answers, name) == value for name, value in self.premises)

    def as_dict(self):
        return {
            "code": self.code,
            "premises": [name for name, _ in self.premises],
            "conclusion": self.conclusion,
            "cited": str(self.citation),
            "citation": dataclasses.asdict(self.citation),
            "text": self.text,
        }


def _gdpr(reference):
    return Citation(GDPR, reference)


def _wp248(criterion):
    return Citation(EDPB_DPIA_GUIDELINES, f"critère {criterion}")


def _ai_act(reference):
    return Citation(AI_ACT, reference)


def _cnil(point):
    return Citation(CNIL_DPIA_LIST, f"point {point}")


def _yes(*names):
    return tuple((name, True) for name in names)


# --- The table -----------------------------------------------------------------
# Rows are grouped by conclusion. Codes are stable: a contest names its code.

_ROWS = []


def _add(code, premises, conclusion, citation, text):
    _ROWS.append(Implication(code, premises, conclusion, citation, text))


# Personal data (GDPR art. 4 § 1): every use below is about identified or
# identifiable people, so it processes their data whatever the box says.
_PERSONAL_DATA_USES = (
    ("recruitment", "Trier ou évaluer des candidats, c'est traiter leurs données."),
    ("worker_management", "Gérer ou évaluer des agents, c'est traiter leurs données."),
    ("profiling", "Le profilage est par définition un traitement de données personnelles (RGPD, art. 4, point 4)."),
    ("evaluation_or_scoring", "Évaluer ou noter des personnes, c'est traiter leurs données."),
    ("social_scoring", "Noter des personnes d'après leur comportement, c'est traiter leurs données."),
    ("public_benefits_eligibility", "Examiner l'éligibilité d'une personne à une aide, c'est traiter ses données."),
    ("creditworthiness", "Évaluer la solvabilité d'une personne, c'est traiter ses données."),
    ("life_health_insurance_pricing", "Tarifer l'assurance d'une personne, c'est traiter ses données."),
    ("education_admission", "Décider de l'admission d'un élève, c'est traiter ses données."),
    ("education_assessment", "Évaluer les acquis d'un élève, c'est traiter ses données."),
    ("education_level_assignment", "Orienter un élève, c'est traiter ses données."),
    ("exam_proctoring", "Surveiller des candidats pendant un examen, c'est traiter leurs données."),
    ("emotion_recognition", "Déduire les émotions d'une personne, c'est traiter ses données."),
    ("emotion_recognition_work_education", "Déduire les émotions d'une personne, c'est traiter ses données."),
    ("emergency_call_triage", "Classer l'appel d'une personne en détresse, c'est traiter ses données."),
    ("crime_prediction_profiling_only", "Évaluer le risque qu'une personne commette une infraction, c'est "
     "traiter ses données."),
    ("law_enforcement_victim_risk", "Évaluer le risque qu'une personne soit victime, c'est traiter ses données."),
    ("law_enforcement_polygraph", "Un polygraphe analyse les réactions d'une personne."),
    ("law_enforcement_offending_risk", "Évaluer le risque de récidive d'une personne, c'est traiter ses données."),
    ("law_enforcement_profiling", "Le profilage est un traitement de données personnelles."),
    ("migration_polygraph", "Un polygraphe analyse les réactions d'une personne."),
    ("migration_risk_assessment", "Évaluer le risque présenté par une personne, c'est traiter ses données."),
    ("asylum_visa_examination", "Examiner une demande d'asile ou de visa, c'est traiter les données du demandeur."),
    ("migration_person_identification", "Identifier une personne, c'est traiter ses données."),
    ("biometric_data", "Les données biométriques sont des données personnelles (RGPD, art. 4, point 14)."),
    ("highly_personal_data", "Des données financières, de localisation ou de communication se rapportent à "
     "des personnes."),
    ("systematic_monitoring", "Surveiller des personnes, c'est traiter leurs données."),
    ("exploits_vulnerabilities", "Viser des personnes selon leur âge, leur handicap ou leur situation suppose de "
     "connaître ces informations sur elles."),
)
# Not "vulnerable people => personal data": a sensor network used by agents concerns
# agents without processing anything about them.
for _name, _text in _PERSONAL_DATA_USES:
    _add(f"personal_data_from_{_name}", _yes(_name), "personal_data", _gdpr("art. 4, point 1"), _text)
for _name in (
    "sensitive_data", "minors_data", "offence_data",
    "cnil_health_care_establishment", "cnil_genetic_vulnerable", "cnil_hr_profiling", "cnil_employee_monitoring",
    "cnil_social_health_alerts", "cnil_professional_alerts", "cnil_health_data_warehouse",
    "cnil_profiling_contract_exclusion", "cnil_shared_contract_breaches", "cnil_profiling_external_sources",
    "cnil_biometric_vulnerable", "cnil_social_housing", "cnil_social_support", "cnil_large_scale_location",
):
    _add(f"personal_data_from_{_name}", _yes(_name), "personal_data", _gdpr("art. 4, point 1"),
         "Cette réponse décrit des données sur des personnes : le système traite des données personnelles.")
_add("personal_data_from_automated_decision", (("decision_role", DecisionRole.DECIDES_ALONE),), "personal_data",
     _gdpr("art. 22"), "Un système qui décide à propos de personnes traite leurs données.")
_add("personal_data_from_prepared_decision", (("decision_role", DecisionRole.PREPARES),), "personal_data",
     _gdpr("art. 4, point 1"), "Préparer une décision sur une personne, c'est traiter ses données.")

# Biometric data (GDPR art. 4 § 14; AI Act art. 3, points 35, 39, 40).
_BIOMETRIC_USES = (
    ("remote_biometric_identification", "art. 3, point 41", "L'identification biométrique à distance repose "
     "sur des données biométriques."),
    ("realtime_biometric_identification_law_enforcement", "art. 3, point 42", "L'identification biométrique "
     "en temps réel repose sur des données biométriques."),
    ("biometric_categorisation", "art. 3, point 40", "La catégorisation biométrique repose sur des données "
     "biométriques."),
    ("biometric_categorisation_sensitive_traits", "art. 3, point 40", "La catégorisation biométrique repose "
     "sur des données biométriques."),
    ("emotion_recognition", "art. 3, point 39", "Un système de reconnaissance des émotions les déduit de "
     "données biométriques."),
    ("emotion_recognition_work_education", "art. 3, point 39", "Un système de reconnaissance des émotions les "
     "déduit de données biométriques."),
    ("untargeted_facial_scraping", "art. 5, § 1, e)", "Une base de reconnaissance faciale contient des "
     "gabarits de visages, donc des données biométriques."),
)
for _name, _reference, _text in _BIOMETRIC_USES:
    _add(f"biometric_data_from_{_name}", _yes(_name), "biometric_data", _ai_act(_reference), _text)
_add("biometric_data_from_cnil_biometric_vulnerable", _yes("cnil_biometric_vulnerable"), "biometric_data",
     _cnil(11), "Reconnaître des personnes par la biométrie, c'est traiter des données biométriques.")

# Sensitive data (GDPR art. 9 § 1).
_add("sensitive_data_from_biometric_data", _yes("biometric_data"), "sensitive_data", _gdpr("art. 9, § 1"),
     "Les données biométriques traitées pour reconnaître ou classer des personnes sont des données sensibles.")
_add("sensitive_data_from_cnil_genetic_vulnerable", _yes("cnil_genetic_vulnerable"), "sensitive_data",
     _gdpr("art. 9, § 1"), "Les données génétiques sont des données sensibles.")
for _name in ("cnil_health_care_establishment", "cnil_health_data_warehouse"):
    _add(f"sensitive_data_from_{_name}", _yes(_name), "sensitive_data", _gdpr("art. 9, § 1"),
         "Les données de santé sont des données sensibles.")

# Profiling (GDPR art. 4 § 4): uses that evaluate personal aspects from data.
for _name, _citation in (
    ("crime_prediction_profiling_only", _ai_act("art. 5, § 1, d)")),
    ("law_enforcement_profiling", _ai_act("annexe III, point 6 e)")),
    ("cnil_hr_profiling", _cnil(3)),
    ("cnil_profiling_contract_exclusion", _cnil(8)),
    ("cnil_profiling_external_sources", _cnil(10)),
):
    _add(f"profiling_from_{_name}", _yes(_name), "profiling", _citation,
         "Cette réponse décrit un profilage de personnes (RGPD, art. 4, point 4).")

# Criterion 1: evaluation or scoring, including profiling and predicting.
for _name, _text in (
    ("profiling", "Le profilage est une évaluation de personnes."),
    ("social_scoring", "La notation sociale est une notation de personnes."),
    ("creditworthiness", "Évaluer la solvabilité est une notation (exemple du critère 1)."),
    ("life_health_insurance_pricing", "Tarifer un risque d'assurance, c'est évaluer la personne."),
    ("recruitment", "Évaluer des candidats est une évaluation de personnes."),
    ("worker_management", "Évaluer les performances ou le comportement d'agents est une évaluation."),
    ("education_assessment", "Évaluer les acquis d'apprentissage est une évaluation de personnes."),
    ("education_level_assignment", "Évaluer le niveau d'un élève est une évaluation de personnes."),
    ("public_benefits_eligibility", "Examiner l'éligibilité d'une personne est une évaluation de sa situation."),
    ("crime_prediction_profiling_only", "Prédire un comportement est une évaluation (critère 1)."),
    ("law_enforcement_offending_risk", "Prédire une récidive est une évaluation (critère 1)."),
    ("law_enforcement_victim_risk", "Prédire un risque pour une personne est une évaluation (critère 1)."),
    ("migration_risk_assessment", "Évaluer le risque présenté par une personne est une évaluation."),
):
    _add(f"evaluation_from_{_name}", _yes(_name), "evaluation_or_scoring", _wp248(1), _text)

# Criterion 3: systematic monitoring, including of publicly accessible areas.
_add("monitoring_from_remote_identification_in_public", _yes("remote_biometric_identification",
     "publicly_accessible_space"), "systematic_monitoring", _gdpr("art. 35, § 3, c)"),
     "Identifier des personnes à distance dans un espace accessible au public, c'est les surveiller "
     "systématiquement (critère 3 des lignes directrices WP248).")
_add("monitoring_from_emotion_recognition_in_public", _yes("emotion_recognition", "publicly_accessible_space"),
     "systematic_monitoring", _gdpr("art. 35, § 3, c)"), "Analyser les émotions des passants d'un espace "
     "accessible au public, c'est les surveiller systématiquement.")
_add("monitoring_from_emotion_recognition_at_work", _yes("emotion_recognition", "concerns_agents"),
     "systematic_monitoring", _wp248(3), "Analyser les émotions des agents au travail, c'est les surveiller.")
_add("monitoring_from_emotion_recognition_work_education", _yes("emotion_recognition_work_education"),
     "systematic_monitoring", _wp248(3), "Analyser les émotions au travail ou à l'école, c'est surveiller "
     "les personnes.")
_add("monitoring_from_realtime_identification", _yes("realtime_biometric_identification_law_enforcement"),
     "systematic_monitoring", _gdpr("art. 35, § 3, c)"), "L'identification biométrique en temps réel dans "
     "l'espace public est une surveillance systématique d'une zone accessible au public.")
_add("monitoring_from_cnil_employee_monitoring", _yes("cnil_employee_monitoring"), "systematic_monitoring",
     _wp248(3), "La surveillance constante des agents est une surveillance systématique.")
_add("monitoring_from_exam_proctoring", _yes("exam_proctoring"), "systematic_monitoring", _wp248(3),
     "Surveiller les candidats pendant un examen est une surveillance systématique.")
_add("public_space_from_realtime_identification", _yes("realtime_biometric_identification_law_enforcement"),
     "publicly_accessible_space", _ai_act("art. 5, § 1, h)"), "L'identification en temps réel visée par "
     "l'article 5 a lieu, par définition, dans des espaces accessibles au public.")

# Criterion 4: highly personal data (financial, location).
_add("highly_personal_from_creditworthiness", _yes("creditworthiness"), "highly_personal_data", _wp248(4),
     "La solvabilité se calcule sur des données financières, à caractère hautement personnel.")
_add("highly_personal_from_cnil_large_scale_location", _yes("cnil_large_scale_location"), "highly_personal_data",
     _wp248(4), "Les données de localisation sont à caractère hautement personnel.")

# Criterion 5: large scale.
_add("large_scale_from_cnil_large_scale_location", _yes("cnil_large_scale_location"), "large_scale", _cnil(14),
     "La réponse dit elle-même que la localisation est traitée à grande échelle.")
for _magnitude in (PeopleMagnitude.LT100K, PeopleMagnitude.GTE100K):
    _add(f"large_scale_from_magnitude_{_magnitude.value}", (("people_magnitude", _magnitude),), "large_scale",
         _wp248(5), "Plus de 10 000 personnes concernées : le registre présume un traitement à grande échelle.")

# Criterion 7: vulnerable people (children, employees, asylum seekers, patients...).
for _name, _text in (
    ("concerns_agents", "Les agents sont en position de dépendance vis-à-vis de leur employeur."),
    ("concerns_pupils", "Les élèves sont en position de dépendance vis-à-vis de l'établissement."),
    ("minors_data", "Les enfants sont des personnes vulnérables."),
    ("exploits_vulnerabilities", "La réponse dit elle-même que des personnes vulnérables sont visées."),
    ("emotion_recognition_work_education", "Au travail ou à l'école, les personnes ne peuvent guère refuser."),
    ("asylum_visa_examination", "Les demandeurs d'asile sont des personnes vulnérables."),
    ("migration_risk_assessment", "Les personnes qui demandent à entrer sur le territoire sont vulnérables."),
    ("migration_polygraph", "Les personnes interrogées aux frontières sont vulnérables."),
    ("migration_person_identification", "Les migrants sont des personnes vulnérables."),
    ("cnil_health_care_establishment", "Les patients sont des personnes vulnérables."),
    ("cnil_genetic_vulnerable", "La réponse dit elle-même que des personnes vulnérables sont concernées."),
    ("cnil_biometric_vulnerable", "La réponse dit elle-même que des personnes vulnérables sont concernées."),
    ("cnil_social_support", "Les personnes accompagnées socialement sont en situation de vulnérabilité."),
):
    # Employees and pupils are vulnerable *data subjects* (WP248, criterion 7): the criterion needs
    # data about them, so a sensor network that agents merely use does not meet it.
    premises = _yes(_name, "personal_data") if _name in ("concerns_agents", "concerns_pupils") else _yes(_name)
    _add(f"vulnerable_from_{_name}", premises, "vulnerable_people", _wp248(7), _text)
for _name in ("worker_management", "cnil_hr_profiling", "cnil_employee_monitoring", "cnil_professional_alerts"):
    _add(f"agents_from_{_name}", _yes(_name), "concerns_agents", _ai_act("annexe III, point 4 b)")
         if _name == "worker_management" else _cnil({"cnil_hr_profiling": 3, "cnil_employee_monitoring": 4,
                                                     "cnil_professional_alerts": 6}[_name]),
         "Cette réponse concerne les agents de la collectivité.")
for _name in ("education_admission", "education_assessment", "education_level_assignment", "exam_proctoring"):
    _add(f"pupils_from_{_name}", _yes(_name), "concerns_pupils", _ai_act("annexe III, point 3"),
         "Cette réponse concerne des élèves ou des étudiants.")

# Criterion 8: innovative use (the register's reading, docs/checks.md).
for _technique in (Technique.DEEP_LEARNING, Technique.GENERATIVE, Technique.COMPUTER_VISION, Technique.SPEECH_NLP):
    _add(f"innovative_from_{_technique.value}", (("technique", _technique),), "innovative_use", _wp248(8),
         "Une technique dont les conséquences pour les personnes sont encore mal connues est un usage innovant.")

# Criterion 9: may prevent a right, a service or a contract.
for _name, _text in (
    ("public_benefits_eligibility", "Refuser ou réduire une aide empêche de bénéficier d'un service public."),
    ("creditworthiness", "Une note de crédit peut empêcher d'obtenir un prêt (exemple du critère 9)."),
    ("life_health_insurance_pricing", "Un tarif d'assurance peut empêcher de s'assurer."),
    ("education_admission", "Refuser une admission empêche d'accéder à une formation."),
    ("recruitment", "Écarter une candidature empêche d'accéder à un emploi."),
    ("emergency_call_triage", "Le classement d'un appel décide de l'accès aux secours."),
    ("asylum_visa_examination", "L'examen d'une demande d'asile ou de visa décide d'un droit."),
    ("social_scoring", "Une note sociale mène à un traitement défavorable."),
    ("cnil_social_housing", "L'instruction d'une demande décide de l'accès à un logement social."),
    ("cnil_profiling_contract_exclusion", "La réponse dit elle-même qu'un contrat peut être refusé ou rompu."),
    ("cnil_shared_contract_breaches", "La réponse dit elle-même qu'une exclusion peut suivre."),
):
    _add(f"prevents_service_from_{_name}", _yes(_name), "prevents_right_or_service", _wp248(9), _text)

# AI Act: one use contains another, or names who the system acts for.
_add("emotion_from_emotion_work_education", _yes("emotion_recognition_work_education"), "emotion_recognition",
     _ai_act("annexe III, point 1 c)"), "La reconnaissance des émotions au travail ou à l'école reste une "
     "reconnaissance des émotions, même pour des raisons médicales ou de sécurité.")
_add("synthetic_from_generative", (("technique", Technique.GENERATIVE),), "generates_synthetic_content",
     _ai_act("art. 50, § 2"), "Une IA générative produit des contenus de synthèse.")
_add("synthetic_from_deep_fake", _yes("deep_fake"), "generates_synthetic_content", _ai_act("art. 50, § 2"),
     "Un hypertrucage est un contenu de synthèse.")
_add("synthetic_from_published_text", _yes("publishes_generated_text_public_interest"),
     "generates_synthetic_content", _ai_act("art. 50, § 2"), "Un texte généré est un contenu de synthèse.")
for _name in ("law_enforcement_victim_risk", "law_enforcement_polygraph", "law_enforcement_evidence_reliability",
              "law_enforcement_offending_risk", "law_enforcement_profiling",
              "realtime_biometric_identification_law_enforcement"):
    _add(f"law_enforcement_from_{_name}", _yes(_name), "acts_for_law_enforcement", _ai_act("annexe III, point 6"),
         "Cette réponse décrit un usage par ou pour une autorité répressive.")
for _name in ("migration_polygraph", "migration_risk_assessment", "asylum_visa_examination",
              "migration_person_identification"):
    _add(f"migration_from_{_name}", _yes(_name), "acts_for_migration_authority", _ai_act("annexe III, point 7"),
         "Cette réponse décrit un usage par ou pour une autorité chargée des migrations ou de l'asile.")

IMPLICATIONS = tuple(_ROWS)
BY_CODE = {i.code: i for i in IMPLICATIONS}
_CONCLUSIONS = frozenset(i.conclusion for i in IMPLICATIONS)


@dataclass(frozen=True)
class ImpliedAnswer:
    """An answer the table added, and the implication that added it."""

    implication: Implication

    @property
    def field(self):
        return self.implication.conclusion

    def as_dict(self):
        names = [name for name, _ in self.implication.premises]
        return {
            **self.implication.as_dict(),
            "question": _QUESTIONS[self.field],
            "premise_questions": [_QUESTIONS[name] for name in names],
        }


@dataclass(frozen=True)
class Derivation:
    """The answers after the table was applied, and what it added."""

    answers: Answers
    implied: tuple  # ImpliedAnswer, one per implication that holds, in table order
    contested: tuple = ()  # the codes that did not apply because they were contested

    def as_dict(self):
        return {
            "implied": [i.as_dict() for i in self.implied],
            "contested": list(self.contested),
            "ruleset_version": RULESET_VERSION,
        }


def derive(answers, contested=frozenset()):
    """Apply every implication not in `contested` until nothing changes; return the Derivation.

    A conclusion is only ever turned from "no" (or an open point) into "yes",
    so the loop ends after at most one pass per question. `implied` lists every
    implication that holds for an answer the person did not give as "yes", so
    contesting one shows whether another still implies the same answer.
    """
    contested = frozenset(contested)
    active = tuple(i for i in IMPLICATIONS if i.code not in contested)
    given = {name for name in _CONCLUSIONS if getattr(answers, name) is True and name not in answers.unknown}
    values = {}
    unknown = set(answers.unknown)
    current = answers
    changed = True
    while changed:
        changed = False
        for implication in active:
            name = implication.conclusion
            if name in given or name in values:
                continue
            if implication.holds(current):
                values[name] = True
                unknown.discard(name)
                current = dataclasses.replace(answers, **values, unknown=frozenset(unknown))
                changed = True
    implied = tuple(ImpliedAnswer(i) for i in active if i.conclusion not in given and i.holds(current))
    used = tuple(sorted(code for code in contested if code in BY_CODE))
    return Derivation(current, implied, used)


def implications_about(conclusion):
    """Return the implications whose conclusion is `conclusion`."""
    return tuple(i for i in IMPLICATIONS if i.conclusion == conclusion)
