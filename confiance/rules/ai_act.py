"""Risk class of an AI system under the AI Act, Regulation (EU) 2024/1689.

`classify(answers)` returns one of four classes, the reasons that decided it
(each citing the article or annex point) and the to-do list of a public body
that deploys the system:

- prohibited: a practice of article 5 § 1, a) to h);
- high: a safety component of a product under annex I (art. 6 § 1), or a use
  listed in annex III (art. 6 § 2), unless one of the derogations of art. 6 § 3
  applies, which it never does when the system profiles natural persons;
- transparency: a case of article 50 (§ 1 to § 4);
- minimal: none of the above.

The classes rank prohibited > high > transparency > minimal. A high-risk system
that also falls under article 50 carries both sets of obligations, since
art. 50 § 6 says the transparency duties apply on top of chapter III.

The tables below follow the text's own order so a lawyer can check them line
by line against the Official Journal (OJ L, 2024/1689, 12.7.2024).
"""

from dataclasses import dataclass
from enum import StrEnum

from confiance.rules.answers import Technique
from confiance.rules.citations import AI_ACT, Citation, Reason

RULESET_VERSION = "ai-act-2026.1"
EUR_LEX_URL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"


class RiskClass(StrEnum):
    PROHIBITED = "prohibited"
    HIGH = "high"
    TRANSPARENCY = "transparency"
    MINIMAL = "minimal"

    @property
    def rank(self):
        """Return the severity of the class: minimal 0 < transparency 1 < high 2 < prohibited 3."""
        return _RANKS[self]

    @property
    def label(self):
        return _LABELS[self]


_RANKS = {RiskClass.MINIMAL: 0, RiskClass.TRANSPARENCY: 1, RiskClass.HIGH: 2, RiskClass.PROHIBITED: 3}
_LABELS = {
    RiskClass.PROHIBITED: "pratique interdite",
    RiskClass.HIGH: "haut risque",
    RiskClass.TRANSPARENCY: "risque spécifique en matière de transparence",
    RiskClass.MINIMAL: "risque minimal",
}


def _cite(reference):
    return Citation(AI_ACT, reference, EUR_LEX_URL)


# Article 5 § 1: (answer field, point, French summary of the prohibited practice).
# Point h) has exceptions (§ 1 h) i-iii, § 2 to § 7) that require a national law
# and a prior authorisation by a judicial authority; a local authority cannot
# rely on them, so the rule treats every such use as prohibited.
PROHIBITED_PRACTICES = (
    ("manipulative_techniques", "a)",
     "Le système recourt à des techniques subliminales, manipulatrices ou trompeuses qui altèrent "
     "le comportement des personnes au risque d'un préjudice important."),
    ("exploits_vulnerabilities", "b)",
     "Le système exploite les vulnérabilités dues à l'âge, au handicap ou à la situation sociale "
     "ou économique des personnes."),
    ("social_scoring", "c)",
     "Le système pratique la notation sociale de personnes, menant à un traitement défavorable."),
    ("crime_prediction_profiling_only", "d)",
     "Le système prédit le risque d'infraction d'une personne sur la seule base de son profilage "
     "ou de ses traits de personnalité."),
    ("untargeted_facial_scraping", "e)",
     "Le système constitue une base de reconnaissance faciale par moissonnage non ciblé d'images."),
    ("emotion_recognition_work_education", "f)",
     "Le système déduit les émotions de personnes au travail ou dans l'enseignement, hors raison "
     "médicale ou de sécurité."),
    ("biometric_categorisation_sensitive_traits", "g)",
     "Le système déduit de données biométriques des caractéristiques sensibles (origine, opinions, "
     "religion, syndicat, vie ou orientation sexuelle)."),
    ("realtime_biometric_identification_law_enforcement", "h)",
     "Le système identifie des personnes à distance et en temps réel dans l'espace public à des fins "
     "répressives."),
)

# Annex III: (answer field, point, French summary of the high-risk use).
ANNEX_III_POINTS = (
    ("remote_biometric_identification", "1 a)", "Identification biométrique à distance de personnes."),
    ("biometric_categorisation", "1 b)", "Catégorisation biométrique selon des attributs sensibles ou protégés."),
    ("emotion_recognition", "1 c)", "Reconnaissance des émotions."),
    ("critical_infrastructure_safety", "2",
     "Composant de sécurité d'une infrastructure critique (numérique, trafic routier, eau, gaz, "
     "chauffage, électricité)."),
    ("education_admission", "3 a)", "Accès, admission ou affectation dans l'enseignement ou la formation."),
    ("education_assessment", "3 b)", "Évaluation des acquis d'apprentissage."),
    ("education_level_assignment", "3 c)", "Évaluation du niveau d'enseignement approprié."),
    ("exam_proctoring", "3 d)", "Surveillance des comportements interdits pendant les examens."),
    ("recruitment", "4 a)", "Recrutement ou sélection de personnes."),
    ("worker_management", "4 b)",
     "Décisions sur la relation de travail, répartition des tâches, surveillance ou évaluation des agents."),
    ("public_benefits_eligibility", "5 a)",
     "Éligibilité à des prestations et services essentiels d'aide publique, ou leur octroi, réduction, "
     "révocation ou récupération."),
    ("creditworthiness", "5 b)", "Évaluation de la solvabilité ou note de crédit."),
    ("life_health_insurance_pricing", "5 c)", "Tarification ou évaluation des risques en assurance vie ou maladie."),
    ("emergency_call_triage", "5 d)", "Classement des appels d'urgence, envoi des secours ou tri des patients."),
    ("law_enforcement_victim_risk", "6 a)", "Risque qu'une personne devienne victime d'infractions."),
    ("law_enforcement_polygraph", "6 b)", "Polygraphe ou outil similaire pour une autorité répressive."),
    ("law_enforcement_evidence_reliability", "6 c)", "Fiabilité des preuves dans une enquête ou des poursuites."),
    ("law_enforcement_offending_risk", "6 d)", "Risque d'infraction ou de récidive d'une personne."),
    ("law_enforcement_profiling", "6 e)", "Profilage de personnes pour détecter, enquêter ou poursuivre."),
    ("migration_polygraph", "7 a)", "Polygraphe ou outil similaire en matière de migration."),
    ("migration_risk_assessment", "7 b)",
     "Évaluation d'un risque présenté par une personne entrant sur le territoire."),
    ("asylum_visa_examination", "7 c)", "Examen des demandes d'asile, de visa ou de titre de séjour."),
    ("migration_person_identification", "7 d)",
     "Détection, reconnaissance ou identification de personnes aux frontières."),
    ("justice_assistance", "8 a)", "Aide à une autorité judiciaire pour rechercher ou appliquer le droit."),
    ("election_influence", "8 b)", "Influence sur le résultat d'une élection ou d'un référendum."),
)

# Article 6 § 3, second subparagraph: (answer field, point, French summary).
DEROGATIONS = (
    ("narrow_procedural_task", "a)", "le système n'accomplit qu'une tâche procédurale étroite"),
    ("improves_completed_human_activity", "b)",
     "le système améliore seulement le résultat d'une activité humaine déjà achevée"),
    ("detects_decision_patterns_only", "c)",
     "le système détecte seulement des schémas de décision, sans remplacer ni influencer "
     "l'évaluation humaine sans examen humain approprié"),
    ("preparatory_task_only", "d)", "le système n'accomplit qu'une tâche préparatoire"),
)


class Actor(StrEnum):
    """Who must act on an obligation: the authority as deployer or provider, or its supplier."""

    DEPLOYER = "deployer"
    PROVIDER = "provider"
    SUPPLIER = "supplier"  # the provider's duty, « à demander au fournisseur »

    @property
    def label(self):
        return ACTOR_LABELS[self]


ACTOR_LABELS = {
    Actor.DEPLOYER: "la collectivité, en tant que déployeur",
    Actor.PROVIDER: "la collectivité, en tant que fournisseur",
    Actor.SUPPLIER: "à demander au fournisseur",
}


@dataclass(frozen=True)
class Obligation:
    """One item of the to-do list, with the provision that imposes it and who must act."""

    code: str
    citation: Citation
    text: str
    actor: Actor = Actor.DEPLOYER

    def as_dict(self):
        return {"code": self.code, "actor": str(self.actor), "actor_label": self.actor.label,
                **Reason(self.citation, self.text).as_dict()}


@dataclass(frozen=True)
class AIActResult:
    """The risk class, the reasons that decided it, and what the deployer must do."""

    risk_class: RiskClass
    reasons: tuple
    obligations: tuple
    annex_iii_points: tuple = ()  # e.g. ("5 a)",), whether or not a derogation applied
    transparency_cases: tuple = ()  # e.g. ("art. 50, § 1",)
    notes: tuple = ()  # remarks that did not decide the class
    ruleset_version: str = RULESET_VERSION

    def as_dict(self):
        return {
            "risk_class": str(self.risk_class),
            "risk_class_label": self.risk_class.label,
            "reasons": [r.as_dict() for r in self.reasons],
            "obligations": [o.as_dict() for o in self.obligations],
            "annex_iii_points": list(self.annex_iii_points),
            "transparency_cases": list(self.transparency_cases),
            "notes": [r.as_dict() for r in self.notes],
            "ruleset_version": self.ruleset_version,
        }


def prohibited_practice_reasons(answers):
    """Return one reason per practice of art. 5 § 1 the system falls under.

    Point f) does not apply when emotion recognition is used for medical or
    safety reasons (art. 5 § 1 f), in fine); the system is then high-risk under
    annex III point 1 c) instead.
    """
    reasons = []
    for name, point, text in PROHIBITED_PRACTICES:
        if not getattr(answers, name):
            continue
        if name == "emotion_recognition_work_education" and answers.emotion_recognition_medical_or_safety:
            continue
        reasons.append(Reason(_cite(f"art. 5, § 1, {point}"), text))
    return tuple(reasons)


def _is_emotion_recognition(answers):
    # Emotion recognition at work or school that escapes art. 5 § 1 f) (medical or
    # safety reasons) is still emotion recognition under annex III point 1 c).
    return answers.emotion_recognition or answers.emotion_recognition_work_education


def annex_iii_matches(answers):
    """Return (point, reason) for each annex III use the system falls under (art. 6 § 2)."""
    matches = []
    for name, point, text in ANNEX_III_POINTS:
        answered = _is_emotion_recognition(answers) if name == "emotion_recognition" else getattr(answers, name)
        if answered:
            matches.append((point, Reason(_cite(f"annexe III, point {point}"), text)))
    return tuple(matches)


def derogation_reasons(answers):
    """Return the reasons of art. 6 § 3 that take an annex III system out of high risk, or ().

    The derogations (a to d) never apply when the system profiles natural
    persons (art. 6 § 3, last subparagraph); `high_risk_reasons` cites that.
    """
    if answers.profiling:
        return ()
    return tuple(
        Reason(
            _cite(f"art. 6, § 3, {point}"),
            f"Dérogation : {text} ; le système ne présente pas de risque important de préjudice et "
            "n'est pas à haut risque. Cette évaluation doit être documentée (art. 6, § 4).",
        )
        for name, point, text in DEROGATIONS
        if getattr(answers, name)
    )


def transparency_reasons(answers):
    """Return (case, reason) for each case of art. 50 the system falls under."""
    cases = []
    if answers.interacts_directly_with_people:
        cases.append(("art. 50, § 1", "Le système dialogue directement avec des personnes : elles doivent "
                      "savoir qu'elles échangent avec une IA."))
    if answers.generates_synthetic_content or answers.technique is Technique.GENERATIVE:
        cases.append(("art. 50, § 2", "Le système génère des contenus de synthèse : ils doivent être "
                      "marqués comme générés par une IA."))
    if _is_emotion_recognition(answers) or answers.biometric_categorisation \
            or answers.biometric_categorisation_sensitive_traits:
        cases.append(("art. 50, § 3", "Le système reconnaît des émotions ou catégorise des personnes par "
                      "leurs données biométriques : les personnes exposées doivent en être informées."))
    if answers.deep_fake:
        cases.append(("art. 50, § 4", "Le système produit des hypertrucages : leur origine artificielle "
                      "doit être indiquée."))
    if answers.publishes_generated_text_public_interest and not answers.generated_text_human_reviewed:
        cases.append(("art. 50, § 4", "Le système génère des textes publiés pour informer le public sans "
                      "relecture éditoriale humaine : leur origine artificielle doit être indiquée."))
    return tuple((case, Reason(_cite(case), text)) for case, text in cases)


def classify(answers):
    """Return the AI Act risk class of the system described by `answers`, with reasons and obligations."""
    prohibited = prohibited_practice_reasons(answers)
    annex = annex_iii_matches(answers)
    transparency = transparency_reasons(answers)
    cases = tuple(dict.fromkeys(case for case, _ in transparency))
    notes = _notes(answers, annex)

    if prohibited:
        return AIActResult(
            RiskClass.PROHIBITED, prohibited, _prohibited_obligations(prohibited),
            tuple(p for p, _ in annex), cases, notes,
        )

    high = []
    if answers.product_safety_component:
        high.append(Reason(_cite("art. 6, § 1"), "Le système est un composant de sécurité d'un produit "
                           "soumis à une évaluation de conformité par un tiers (annexe I)."))
    derogations = derogation_reasons(answers) if annex else ()
    if annex and not derogations:
        high.extend(reason for _, reason in annex)
        if answers.profiling and any(getattr(answers, name) for name, _, _ in DEROGATIONS):
            high.append(Reason(_cite("art. 6, § 3, dernier alinéa"), "Le système effectue un profilage de "
                               "personnes physiques : il reste à haut risque, aucune dérogation ne "
                               "s'applique."))
        elif answers.profiling:
            high.append(Reason(_cite("art. 6, § 3, dernier alinéa"), "Le système effectue un profilage de "
                               "personnes physiques : les dérogations de l'art. 6, § 3 sont exclues."))
    elif derogations:
        notes = notes + tuple(reason for _, reason in annex) + derogations

    if high:
        obligations = _high_risk_obligations(answers, annex if not derogations else ())
        obligations += _provider_obligations(answers)
        obligations += _transparency_obligations(cases, answers)
        reasons = tuple(high) + tuple(reason for _, reason in transparency)
        return AIActResult(RiskClass.HIGH, reasons, obligations, tuple(p for p, _ in annex), cases, notes)

    if transparency:
        reasons = tuple(reason for _, reason in transparency)
        obligations = (_literacy(),) + _transparency_obligations(cases, answers)
        return AIActResult(RiskClass.TRANSPARENCY, reasons, obligations, tuple(p for p, _ in annex), cases, notes)

    minimal = Reason(_cite("art. 6 et art. 50"), "Aucune pratique interdite, aucun usage à haut risque "
                     "ni cas de transparence : le risque est minimal. Seule l'obligation de maîtrise de "
                     "l'IA s'applique ; un code de conduite volontaire est possible (art. 95).")
    return AIActResult(RiskClass.MINIMAL, (minimal,), (_literacy(),), tuple(p for p, _ in annex), cases, notes)


def _notes(answers, annex):
    notes = []
    biometric = (
        answers.remote_biometric_identification
        or answers.realtime_biometric_identification_law_enforcement
        or answers.biometric_categorisation
        or answers.biometric_categorisation_sensitive_traits
        or answers.untargeted_facial_scraping
    )
    if answers.technique is Technique.COMPUTER_VISION and not biometric:
        # Video analytics that count, detect objects or incidents without
        # identifying anyone stay outside art. 5 § 1 h) and annex III point 1.
        notes.append(Reason(_cite("art. 5, § 1, h) ; annexe III, point 1"), "Analyse d'images sans "
                            "identification ni catégorisation biométrique des personnes : ni pratique "
                            "interdite, ni usage biométrique à haut risque. À revoir si des visages ou "
                            "des silhouettes servent un jour à reconnaître quelqu'un."))
    return tuple(notes)


def _literacy():
    return Obligation("ai_literacy", _cite("art. 4"), "Former les agents qui utilisent le système pour leur "
                      "assurer un niveau suffisant de maîtrise de l'IA.")


def _prohibited_obligations(reasons):
    points = ", ".join(r.citation.reference for r in reasons)
    return (Obligation("do_not_deploy", _cite("art. 5"), f"Ne pas mettre en service ni utiliser ce système "
                       f"({points}) ; arrêter son usage s'il a commencé."),)


def _high_risk_obligations(answers, annex):
    """Return the duties of a public deployer of a high-risk system (art. 4, 26, 27, 49, 86)."""
    items = [
        _literacy(),
        Obligation("deployer_duties", _cite("art. 26, § 1 à § 6"), "Utiliser le système selon sa notice, "
                   "confier le contrôle humain à des agents compétents et formés, veiller à la pertinence "
                   "des données d'entrée, surveiller le fonctionnement et conserver les journaux au moins "
                   "six mois."),
        Obligation("inform_people", _cite("art. 26, § 11"), "Informer les personnes concernées qu'elles "
                   "font l'objet d'un système à haut risque qui prend ou aide à prendre des décisions "
                   "les concernant."),
    ]
    points = {point for point, _ in annex}
    if any(point.startswith("4") for point in points):
        items.append(Obligation("inform_workers", _cite("art. 26, § 7"), "Informer les représentants du "
                                "personnel et les agents concernés avant la mise en service."))
    # FRIA, registration and the right to explanation concern annex III systems,
    # except those of point 2 (critical infrastructure).
    if points - {"2"}:
        items.append(Obligation("fria", _cite("art. 27"), "Réaliser une analyse d'impact sur les droits "
                                "fondamentaux (AIDF) avant la première utilisation et en notifier les "
                                "résultats à l'autorité de surveillance du marché."))
        items.append(Obligation("registration", _cite("art. 49, § 3"), "En tant qu'autorité publique, "
                                "s'enregistrer et enregistrer l'utilisation du système dans la base de "
                                "données de l'UE avant de l'utiliser (art. 26, § 8)."))
        items.append(Obligation("explanation", _cite("art. 86"), "Fournir aux personnes concernées par une "
                                "décision fondée sur les résultats du système, à leur demande, des "
                                "explications claires sur son rôle dans la décision."))
    return tuple(items)


def _provider_obligations(answers):
    """Return what the provider of a high-risk system owes (art. 16 to 22), by whoever bears it.

    An authority that develops the system, or has it developed and puts it into
    service under its own name, is its provider (art. 3, point 3, and art. 25);
    otherwise these are its supplier's duties, which the deployer asks for.
    """
    if answers.develops_own_system:
        actor = Actor.PROVIDER
        items = (
            ("provider_requirements", "art. 16, a) ; art. 8 à 15", "Rendre le système conforme aux exigences "
             "(gestion des risques, qualité des données, documentation, journaux, transparence, contrôle humain, "
             "exactitude et robustesse)."),
            ("quality_management", "art. 17", "Mettre en place un système de gestion de la qualité."),
            ("technical_documentation", "art. 18", "Tenir la documentation technique à disposition dix ans."),
            ("provider_logs", "art. 19", "Conserver les journaux générés automatiquement."),
            ("corrective_actions", "art. 20", "Corriger, retirer ou rappeler le système s'il n'est pas conforme, "
             "et en informer les déployeurs."),
            ("cooperation", "art. 21", "Coopérer avec les autorités compétentes et leur fournir les informations "
             "demandées."),
            ("conformity_assessment", "art. 16, f) ; art. 43, 47 et 48", "Faire l'évaluation de la conformité, "
             "établir la déclaration UE de conformité et apposer le marquage CE."),
            ("provider_registration", "art. 16, i) ; art. 49, § 1", "Enregistrer le système dans la base de "
             "données de l'UE avant sa mise en service."),
        )
    else:
        actor = Actor.SUPPLIER
        items = (
            ("instructions_for_use", "art. 13 ; art. 16, a)", "Obtenir la notice d'utilisation : performances, "
             "limites, données d'entrée attendues, mesures de contrôle humain."),
            ("conformity_documents", "art. 16, f) à h) ; art. 47 et 48", "Obtenir la déclaration UE de "
             "conformité et vérifier le marquage CE."),
            ("provider_registration", "art. 49, § 1", "Vérifier que le fournisseur a enregistré le système dans la "
             "base de données de l'UE (sa fiche sert à l'enregistrement du déployeur)."),
            ("quality_and_corrections", "art. 17 à 20", "Demander comment le fournisseur gère la qualité, les "
             "journaux et les corrections, et comment il prévient ses clients d'un défaut."),
        )
    return tuple(Obligation(code, _cite(reference), text, actor) for code, reference, text in items)


def _transparency_obligations(cases, answers=None):
    # § 1 and § 2 bind the provider (design, marking), § 3 and § 4 the deployer.
    provider = Actor.PROVIDER if answers is not None and answers.develops_own_system else Actor.SUPPLIER
    actors = {"art. 50, § 1": provider, "art. 50, § 2": provider}
    texts = {
        "art. 50, § 1": ("inform_interaction", "Vérifier que les personnes sont informées, au plus tard "
                         "au premier échange, qu'elles dialoguent avec une IA."),
        "art. 50, § 2": ("mark_synthetic_content", "Vérifier que les contenus générés sont marqués dans un "
                         "format lisible par machine comme générés par une IA."),
        "art. 50, § 3": ("inform_exposed_people", "Informer les personnes exposées du fonctionnement du "
                         "système de reconnaissance des émotions ou de catégorisation biométrique."),
        "art. 50, § 4": ("disclose_generated_content", "Indiquer que les hypertrucages ou textes "
                         "d'information publiés ont été générés ou modifiés par une IA."),
    }
    return tuple(
        Obligation(texts[case][0], _cite(case), texts[case][1], actors.get(case, Actor.DEPLOYER)) for case in cases
    )
