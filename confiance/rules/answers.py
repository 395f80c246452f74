"""The questionnaire every check reads: one frozen `Answers`.

Each field is one question, asked in French (`question`, `help`), with a safe
default (the answer that raises nothing), grouped by the rule family that
reads it (`group`). Fields whose True answer can only raise a risk carry
`raises_risk`; the property tests rely on it.

A yes/no question may also be answered "unknown" (« je ne sais pas »): the
field then holds its safe default and its name is in `Answers.unknown`, an
open point the checks report as such (see rules.checks: the result is given as
"at least" what the known answers say, and what it could become).

The first group, "register", holds the facts a record of the register already
has (domain, technique, personal data, decision role...), so the Django layer
fills it from the record and asks only the rest.

The JSON Schema of the answers is generated from this dataclass
(`answers_json_schema`), never written by hand, so it cannot drift.
"""

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from enum import StrEnum

from confiance.rules.human_primacy import DecisionRole

ANSWERS_SCHEMA_VERSION = "answers-2026.1"

# The value a yes/no question takes in JSON when the answer is « je ne sais pas ».
UNKNOWN = "unknown"


class Domain(StrEnum):
    """Public-policy domains, after the priority domains of Montpellier's strategy."""

    WASTE = "waste"
    MOBILITY = "mobility"
    HOUSING = "housing"
    WATER = "water"
    ENERGY_SOBRIETY = "energy_sobriety"
    USER_RELATIONS = "user_relations"
    SOLIDARITY = "solidarity"
    EDUCATION = "education"
    EARLY_CHILDHOOD = "early_childhood"
    PUBLIC_SAFETY = "public_safety"
    HEALTH = "health"
    CULTURE = "culture"
    URBAN_PLANNING = "urban_planning"
    HR = "hr"
    FINANCE = "finance"
    ADMINISTRATION = "administration"
    OTHER = "other"


class Technique(StrEnum):
    """The main technique of the system."""

    RULES = "rules"
    STATISTICAL_ML = "statistical_ml"
    DEEP_LEARNING = "deep_learning"
    GENERATIVE = "generative"
    COMPUTER_VISION = "computer_vision"
    SPEECH_NLP = "speech_nlp"
    OPTIMISATION = "optimisation"


class PeopleMagnitude(StrEnum):
    """How many people the system concerns, by order of magnitude."""

    UNKNOWN = ""
    LT100 = "lt100"
    LT1K = "lt1k"
    LT10K = "lt10k"
    LT100K = "lt100k"
    GTE100K = "gte100k"


def _q(default, group, question, help="", raises_risk=None):
    """Declare one question: its default, rule family, French question and help."""
    if raises_risk is None:
        # A yes/no question whose safe default is "no" raises risk when answered yes,
        # unless declared otherwise (derogations and exceptions lower it).
        raises_risk = default is False
    return field(
        default=default,
        metadata={"group": group, "question": question, "help": help, "raises_risk": raises_risk},
    )


@dataclass(frozen=True)
class Answers:
    """The answers about one AI system, as the rule families read them."""

    # --- Facts the register already holds about the record -------------------
    domain: Domain = _q(
        Domain.OTHER, "register", "Dans quel domaine d'action publique le système est-il utilisé ?",
        "Le domaine principal du service qui l'utilise.",
    )
    technique: Technique = _q(
        Technique.RULES, "register", "Quelle est la technique principale du système ?",
        "Règles explicites, apprentissage statistique, apprentissage profond, IA générative, "
        "vision par ordinateur, traitement de la parole ou du langage, optimisation.",
    )
    personal_data: bool = _q(
        False, "register", "Le système traite-t-il des données personnelles ?",
        "Toute information se rapportant à une personne identifiée ou identifiable, même indirectement.",
    )
    sensitive_data: bool = _q(
        False, "register", "Traite-t-il des données sensibles (santé, origine, opinions, religion, "
        "syndicat, génétique, biométrie, vie ou orientation sexuelle) ?",
        "Catégories particulières de l'article 9 du RGPD.",
    )
    minors_data: bool = _q(False, "register", "Traite-t-il des données de mineurs ?")
    offence_data: bool = _q(
        False, "register", "Traite-t-il des données relatives aux condamnations pénales et aux infractions ?",
        "Article 10 du RGPD.",
    )
    citizen_facing: bool = _q(
        False, "register", "Le système est-il utilisé dans un service rendu aux usagers ou aux citoyens ?",
        "Par opposition à un outil purement interne.",
    )
    decision_role: DecisionRole = _q(
        DecisionRole.NONE, "register", "Quel rôle joue le système dans les décisions concernant des personnes ?",
        "« none » : aucune décision individuelle ; « prepares » : il prépare une décision prise par un "
        "agent ; « decides_alone » : il décide seul.",
    )
    people_magnitude: PeopleMagnitude = _q(
        PeopleMagnitude.UNKNOWN, "register", "Combien de personnes le système concerne-t-il (ordre de grandeur) ?",
        "Vide si inconnu ; lt100, lt1k, lt10k, lt100k ou gte100k.",
    )
    concerns_agents: bool = _q(
        False, "register", "Les personnes concernées comprennent-elles des agents de la collectivité ?",
        "Un employeur et ses agents ne sont pas à égalité : les agents comptent parmi les personnes "
        "vulnérables des lignes directrices WP248 (critère 7).",
    )
    concerns_pupils: bool = _q(
        False, "register", "Les personnes concernées comprennent-elles des élèves ou des étudiants ?",
        "Critère 7 des lignes directrices WP248 (personnes vulnérables).",
    )
    develops_own_system: bool = _q(
        False, "register", "La collectivité développe-t-elle elle-même le système, ou le fait-elle développer "
        "pour le mettre en service sous son propre nom ?",
        "Oui : elle en est le fournisseur (art. 3, point 3, du règlement sur l'IA). Non : elle utilise le "
        "système d'un fournisseur, elle en est le déployeur (art. 3, point 4).",
    )
    acts_for_law_enforcement: bool = _q(
        False, "register", "Le système est-il utilisé par ou pour le compte d'une autorité répressive (police "
        "municipale ou nationale, parquet, autorité chargée de prévenir ou de poursuivre des infractions) ?",
        "Ouvre les questions de l'annexe III, point 6, du règlement sur l'IA.",
    )
    acts_for_migration_authority: bool = _q(
        False, "register", "Le système est-il utilisé par ou pour le compte d'une autorité chargée des "
        "migrations, de l'asile ou du contrôle des frontières ?",
        "Ouvre les questions de l'annexe III, point 7, du règlement sur l'IA.",
    )
    publicly_accessible_space: bool = _q(
        False, "register", "Le système fonctionne-t-il dans un espace accessible au public (voirie, gare, "
        "équipement public, site web ouvert à tous) ?",
        "Art. 35, § 3, c), du RGPD ; art. 3, point 44, du règlement sur l'IA.",
    )

    # --- AI Act, article 5: prohibited practices ------------------------------
    manipulative_techniques: bool = _q(
        False, "ai_act", "Le système utilise-t-il des techniques subliminales, délibérément manipulatrices "
        "ou trompeuses qui altèrent le comportement des personnes au risque de leur causer un préjudice important ?",
        "Art. 5, § 1, a) du règlement sur l'IA.",
    )
    exploits_vulnerabilities: bool = _q(
        False, "ai_act", "Le système exploite-t-il la vulnérabilité de personnes due à leur âge, à un handicap ou "
        "à leur situation sociale ou économique pour altérer leur comportement au risque d'un préjudice important ?",
        "Art. 5, § 1, b).",
    )
    social_scoring: bool = _q(
        False, "ai_act", "Le système note-t-il des personnes d'après leur comportement social ou leurs traits "
        "personnels, la note entraînant un traitement défavorable dans un autre contexte ou disproportionné ?",
        "Notation sociale, art. 5, § 1, c).",
    )
    crime_prediction_profiling_only: bool = _q(
        False, "ai_act", "Le système évalue-t-il le risque qu'une personne commette une infraction en se "
        "fondant uniquement sur son profilage ou ses traits de personnalité ?",
        "Art. 5, § 1, d).",
    )
    untargeted_facial_scraping: bool = _q(
        False, "ai_act", "Le système constitue-t-il ou enrichit-il une base de reconnaissance faciale par "
        "moissonnage non ciblé d'images sur internet ou de vidéosurveillance ?",
        "Art. 5, § 1, e).",
    )
    emotion_recognition_work_education: bool = _q(
        False, "ai_act", "Le système déduit-il les émotions de personnes sur leur lieu de travail ou dans un "
        "établissement d'enseignement ?",
        "Art. 5, § 1, f) ; voir la question suivante pour l'exception médicale ou de sécurité.",
    )
    emotion_recognition_medical_or_safety: bool = _q(
        False, "ai_act", "Cette reconnaissance des émotions est-elle mise en place pour des raisons "
        "médicales ou de sécurité ?",
        "Exception prévue à l'art. 5, § 1, f).", raises_risk=False,
    )
    biometric_categorisation_sensitive_traits: bool = _q(
        False, "ai_act", "Le système classe-t-il des personnes d'après leurs données biométriques pour en "
        "déduire leur origine, leurs opinions politiques, leur appartenance syndicale, leurs convictions "
        "religieuses ou philosophiques, leur vie ou leur orientation sexuelle ?",
        "Art. 5, § 1, g).",
    )
    realtime_biometric_identification_law_enforcement: bool = _q(
        False, "ai_act", "Le système identifie-t-il des personnes à distance et en temps réel par leurs "
        "données biométriques (reconnaissance faciale…) dans l'espace public, à des fins répressives ?",
        "Art. 5, § 1, h).",
    )

    # --- AI Act, article 6 § 1 and annex III: high-risk uses --------------------
    product_safety_component: bool = _q(
        False, "ai_act", "Le système est-il un composant de sécurité d'un produit (ou un produit) soumis "
        "à une évaluation de conformité par un tiers au titre de l'annexe I (dispositif médical, "
        "ascenseur, machine, jouet…) ?",
        "Art. 6, § 1.",
    )
    remote_biometric_identification: bool = _q(
        False, "ai_act", "Le système identifie-t-il des personnes à distance par leurs données biométriques "
        "(hors simple vérification qu'une personne est bien celle qu'elle prétend être) ?",
        "Annexe III, point 1 a).",
    )
    biometric_categorisation: bool = _q(
        False, "ai_act", "Le système classe-t-il des personnes d'après des attributs sensibles ou protégés "
        "déduits de leurs données biométriques ?",
        "Annexe III, point 1 b).",
    )
    emotion_recognition: bool = _q(
        False, "ai_act", "Le système reconnaît-il ou déduit-il les émotions des personnes ?",
        "Annexe III, point 1 c) et art. 50, § 3.",
    )
    critical_infrastructure_safety: bool = _q(
        False, "ai_act", "Le système est-il un composant de sécurité de la gestion ou de l'exploitation "
        "d'une infrastructure numérique critique, du trafic routier ou de la fourniture d'eau, de gaz, "
        "de chauffage ou d'électricité ?",
        "Annexe III, point 2.",
    )
    education_admission: bool = _q(
        False, "ai_act", "Le système détermine-t-il l'accès ou l'admission à un établissement "
        "d'enseignement ou de formation professionnelle, ou l'affectation dans un tel établissement ?",
        "Annexe III, point 3 a).",
    )
    education_assessment: bool = _q(
        False, "ai_act", "Le système évalue-t-il les acquis d'apprentissage ou oriente-t-il le processus "
        "d'apprentissage des personnes ?", "Annexe III, point 3 b).",
    )
    education_level_assignment: bool = _q(
        False, "ai_act", "Le système évalue-t-il le niveau d'enseignement approprié auquel une personne "
        "pourra accéder ?", "Annexe III, point 3 c).",
    )
    exam_proctoring: bool = _q(
        False, "ai_act", "Le système surveille-t-il ou détecte-t-il des comportements interdits des "
        "élèves ou étudiants pendant les examens ?", "Annexe III, point 3 d).",
    )
    recruitment: bool = _q(
        False, "ai_act", "Le système sert-il au recrutement ou à la sélection de personnes (diffusion ciblée "
        "d'offres, tri des candidatures, évaluation des candidats) ?", "Annexe III, point 4 a).",
    )
    worker_management: bool = _q(
        False, "ai_act", "Le système sert-il à prendre des décisions sur les conditions de travail, la "
        "promotion, la fin du contrat, la répartition des tâches, ou à surveiller et évaluer les "
        "performances et le comportement des agents ?", "Annexe III, point 4 b).",
    )
    public_benefits_eligibility: bool = _q(
        False, "ai_act", "Le système sert-il à évaluer l'éligibilité de personnes à des prestations ou "
        "services essentiels d'aide publique (aides sociales, soins, place en crèche, logement social…), "
        "ou à les accorder, réduire, révoquer ou récupérer ?", "Annexe III, point 5 a).",
    )
    creditworthiness: bool = _q(
        False, "ai_act", "Le système évalue-t-il la solvabilité de personnes ou établit-il leur note de "
        "crédit (hors détection de fraude financière) ?", "Annexe III, point 5 b).",
    )
    life_health_insurance_pricing: bool = _q(
        False, "ai_act", "Le système évalue-t-il les risques ou fixe-t-il les prix d'assurance vie ou "
        "maladie pour des personnes ?", "Annexe III, point 5 c).",
    )
    emergency_call_triage: bool = _q(
        False, "ai_act", "Le système évalue-t-il ou classe-t-il les appels d'urgence, ou sert-il à "
        "envoyer ou hiérarchiser les secours (police, pompiers, aide médicale, tri des patients) ?",
        "Annexe III, point 5 d).",
    )
    law_enforcement_victim_risk: bool = _q(
        False, "ai_act", "Utilisé par ou pour une autorité répressive, le système évalue-t-il le risque "
        "qu'une personne devienne victime d'infractions ?", "Annexe III, point 6 a).",
    )
    law_enforcement_polygraph: bool = _q(
        False, "ai_act", "Utilisé par ou pour une autorité répressive, le système sert-il de polygraphe ou "
        "d'outil similaire ?", "Annexe III, point 6 b).",
    )
    law_enforcement_evidence_reliability: bool = _q(
        False, "ai_act", "Utilisé par ou pour une autorité répressive, le système évalue-t-il la "
        "fiabilité des preuves au cours d'une enquête ou de poursuites ?", "Annexe III, point 6 c).",
    )
    law_enforcement_offending_risk: bool = _q(
        False, "ai_act", "Utilisé par ou pour une autorité répressive, le système évalue-t-il le risque "
        "qu'une personne commette ou récidive une infraction (pas uniquement par profilage) ou ses "
        "traits de personnalité ou son comportement criminel passé ?", "Annexe III, point 6 d).",
    )
    law_enforcement_profiling: bool = _q(
        False, "ai_act", "Utilisé par ou pour une autorité répressive, le système établit-il des profils "
        "de personnes pour détecter des infractions, enquêter ou poursuivre ?", "Annexe III, point 6 e).",
    )
    migration_polygraph: bool = _q(
        False, "ai_act", "Pour une autorité chargée des migrations, de l'asile ou des frontières, le "
        "système sert-il de polygraphe ou d'outil similaire ?", "Annexe III, point 7 a).",
    )
    migration_risk_assessment: bool = _q(
        False, "ai_act", "Pour une telle autorité, le système évalue-t-il un risque (sécurité, migration "
        "irrégulière, santé) présenté par une personne qui entre ou veut entrer sur le territoire ?",
        "Annexe III, point 7 b).",
    )
    asylum_visa_examination: bool = _q(
        False, "ai_act", "Pour une telle autorité, le système aide-t-il à examiner des demandes d'asile, "
        "de visa ou de titre de séjour et les réclamations liées ?", "Annexe III, point 7 c).",
    )
    migration_person_identification: bool = _q(
        False, "ai_act", "Pour une telle autorité, le système détecte-t-il, reconnaît-il ou identifie-t-il "
        "des personnes (hors vérification des documents de voyage) ?", "Annexe III, point 7 d).",
    )
    justice_assistance: bool = _q(
        False, "ai_act", "Le système aide-t-il une autorité judiciaire (ou un mode alternatif de règlement "
        "des litiges) à rechercher ou interpréter les faits et le droit et à les appliquer ?",
        "Annexe III, point 8 a).",
    )
    election_influence: bool = _q(
        False, "ai_act", "Le système vise-t-il à influencer le résultat d'une élection ou d'un référendum, "
        "ou le comportement de vote des personnes (hors outils d'organisation logistique des campagnes) ?",
        "Annexe III, point 8 b).",
    )

    # --- AI Act, article 6 § 3: derogations for annex III systems ---------------
    profiling: bool = _q(
        False, "ai_act", "Le système effectue-t-il un profilage de personnes physiques, c'est-à-dire "
        "évalue-t-il des aspects personnels (situation économique, santé, comportement, fiabilité, "
        "localisation…) à partir de leurs données ?",
        "Art. 4, point 4, du RGPD ; art. 6, § 3, dernier alinéa, du règlement sur l'IA.",
    )
    narrow_procedural_task: bool = _q(
        False, "ai_act", "Le système n'accomplit-il qu'une tâche procédurale étroite (par exemple "
        "classer des documents entrants, détecter des doublons) ?", "Dérogation de l'art. 6, § 3, a).",
        raises_risk=False,
    )
    improves_completed_human_activity: bool = _q(
        False, "ai_act", "Le système sert-il seulement à améliorer le résultat d'une activité humaine "
        "déjà achevée (par exemple reformuler un courrier rédigé par un agent) ?",
        "Dérogation de l'art. 6, § 3, b).", raises_risk=False,
    )
    detects_decision_patterns_only: bool = _q(
        False, "ai_act", "Le système sert-il seulement à détecter des schémas de décision ou des écarts "
        "par rapport aux décisions passées, sans remplacer ni influencer l'évaluation humaine sans "
        "examen humain approprié ?", "Dérogation de l'art. 6, § 3, c).", raises_risk=False,
    )
    preparatory_task_only: bool = _q(
        False, "ai_act", "Le système n'accomplit-il qu'une tâche préparatoire à une évaluation relevant "
        "de l'annexe III (par exemple traduire ou indexer des pièces d'un dossier) ?",
        "Dérogation de l'art. 6, § 3, d).", raises_risk=False,
    )

    # --- AI Act, article 50: transparency ----------------------------------------
    interacts_directly_with_people: bool = _q(
        False, "ai_act", "Le système dialogue-t-il directement avec des personnes (agent conversationnel, "
        "assistant vocal…) ?", "Art. 50, § 1.",
    )
    generates_synthetic_content: bool = _q(
        False, "ai_act", "Le système génère-t-il des contenus de synthèse (texte, image, son, vidéo) ?",
        "Art. 50, § 2 ; une technique générative compte comme un oui.",
    )
    deep_fake: bool = _q(
        False, "ai_act", "Le système génère-t-il ou modifie-t-il des images, sons ou vidéos ressemblant à "
        "des personnes, lieux ou événements réels (hypertrucage) ?", "Art. 50, § 4, premier alinéa.",
    )
    publishes_generated_text_public_interest: bool = _q(
        False, "ai_act", "Le système génère-t-il des textes publiés pour informer le public sur des "
        "questions d'intérêt public ?", "Art. 50, § 4, deuxième alinéa.",
    )
    generated_text_human_reviewed: bool = _q(
        False, "ai_act", "Ces textes font-ils l'objet d'une relecture humaine, une personne en assumant la "
        "responsabilité éditoriale ?", "Exception de l'art. 50, § 4, deuxième alinéa.", raises_risk=False,
    )

    # --- GDPR: DPIA criteria of the EDPB (WP248 rev.01) --------------------------
    evaluation_or_scoring: bool = _q(
        False, "gdpr", "Le système évalue-t-il ou note-t-il des personnes, notamment pour prédire leur "
        "comportement, leur santé, leur situation économique ?", "Critère 1 des lignes directrices WP248.",
    )
    systematic_monitoring: bool = _q(
        False, "gdpr", "Le système sert-il à observer, surveiller ou contrôler des personnes de façon "
        "systématique, y compris dans un espace accessible au public ?", "Critère 3.",
    )
    biometric_data: bool = _q(
        False, "gdpr", "Le système traite-t-il des données biométriques (visage, empreinte, voix, démarche…) "
        "pour reconnaître ou classer des personnes ?",
        "Art. 4, point 14, et art. 9 du RGPD : données sensibles.",
    )
    highly_personal_data: bool = _q(
        False, "gdpr", "Traite-t-il des données à caractère hautement personnel (données financières, de "
        "localisation, de communications, documents personnels) ?", "Critère 4.",
    )
    large_scale: bool = _q(
        False, "gdpr", "Le traitement est-il à grande échelle (nombre de personnes, volume, durée, étendue "
        "géographique) ?", "Critère 5 ; au-delà de 10 000 personnes la réponse est réputée oui.",
    )
    combines_datasets: bool = _q(
        False, "gdpr", "Le système croise-t-il ou combine-t-il des jeux de données issus de traitements "
        "ou de responsables différents ?", "Critère 6.",
    )
    vulnerable_people: bool = _q(
        False, "gdpr", "Concerne-t-il des personnes vulnérables (enfants, agents vis-à-vis de leur "
        "employeur, personnes âgées, malades, demandeurs d'asile, personnes en difficulté sociale) ?",
        "Critère 7.",
    )
    innovative_use: bool = _q(
        False, "gdpr", "S'agit-il d'un usage innovant ou d'une nouvelle solution technologique ?",
        "Critère 8.",
    )
    prevents_right_or_service: bool = _q(
        False, "gdpr", "Le traitement peut-il empêcher des personnes d'exercer un droit ou de bénéficier "
        "d'un service ou d'un contrat ?", "Critère 9.",
    )

    # --- GDPR: the CNIL list of processings that always need a DPIA ---------------
    cnil_health_care_establishment: bool = _q(
        False, "gdpr", "Traitement de données de santé par un établissement de santé ou médico-social "
        "pour la prise en charge des personnes ?", "Liste CNIL, délibération n° 2018-327.",
    )
    cnil_genetic_vulnerable: bool = _q(
        False, "gdpr", "Traitement de données génétiques de personnes vulnérables ?", "Liste CNIL.",
    )
    cnil_hr_profiling: bool = _q(
        False, "gdpr", "Profilage de personnes à des fins de gestion des ressources humaines ?", "Liste CNIL.",
    )
    cnil_employee_monitoring: bool = _q(
        False, "gdpr", "Surveillance constante de l'activité des agents ou salariés ?", "Liste CNIL.",
    )
    cnil_social_health_alerts: bool = _q(
        False, "gdpr", "Gestion des alertes et signalements en matière sociale et sanitaire ?", "Liste CNIL.",
    )
    cnil_professional_alerts: bool = _q(
        False, "gdpr", "Gestion des alertes et signalements en matière professionnelle ?", "Liste CNIL.",
    )
    cnil_health_data_warehouse: bool = _q(
        False, "gdpr", "Constitution d'un entrepôt de données de santé ou d'un registre ?", "Liste CNIL.",
    )
    cnil_profiling_contract_exclusion: bool = _q(
        False, "gdpr", "Profilage pouvant conduire à exclure une personne d'un contrat ou à le "
        "suspendre ou le rompre ?", "Liste CNIL.",
    )
    cnil_shared_contract_breaches: bool = _q(
        False, "gdpr", "Traitement mutualisé de manquements contractuels pouvant conduire à une "
        "exclusion ou une suspension ?", "Liste CNIL.",
    )
    cnil_profiling_external_sources: bool = _q(
        False, "gdpr", "Profilage utilisant des données provenant de sources externes ?", "Liste CNIL.",
    )
    cnil_biometric_vulnerable: bool = _q(
        False, "gdpr", "Traitement de données biométriques pour reconnaître des personnes parmi "
        "lesquelles des personnes vulnérables (élèves, personnes âgées, patients, demandeurs d'asile) ?",
        "Liste CNIL.",
    )
    cnil_social_housing: bool = _q(
        False, "gdpr", "Instruction des demandes et gestion des logements sociaux ?", "Liste CNIL.",
    )
    cnil_social_support: bool = _q(
        False, "gdpr", "Accompagnement social ou médico-social des personnes ?", "Liste CNIL.",
    )
    cnil_large_scale_location: bool = _q(
        False, "gdpr", "Traitement de données de localisation à grande échelle ?", "Liste CNIL.",
    )

    # --- Open points: yes/no questions answered « je ne sais pas » -------------
    unknown: frozenset = field(
        default=frozenset(),
        metadata={"group": "meta", "question": "", "help": "", "raises_risk": False},
    )

    @classmethod
    def from_dict(cls, data):
        """Build validated answers from a JSON-like dict.

        Raise ValueError, with a French message naming every faulty field, on an
        unknown key or a value of the wrong type; missing keys take their default.
        A yes/no question may be "unknown": it keeps its default and joins `unknown`.
        """
        if not isinstance(data, dict):
            raise ValueError("Les réponses doivent être un objet JSON (clé : valeur).")
        known = {f.name: f for f in question_fields()}
        hints = typing.get_type_hints(cls)
        errors = []
        values = {}
        unknown = set()
        for key in data:
            if key not in known:
                errors.append(f"Champ inconnu : « {key} ».")
        for name in known:
            if name not in data:
                continue
            if hints[name] is bool and data[name] == UNKNOWN:
                unknown.add(name)
                continue
            try:
                values[name] = _coerce(name, hints[name], data[name])
            except ValueError as error:
                errors.append(str(error))
        if errors:
            raise ValueError(" ".join(errors))
        return cls(**values, unknown=frozenset(unknown))

    def as_dict(self):
        """Return the answers as a JSON-serialisable dict; an open point reads "unknown"."""
        return {
            f.name: UNKNOWN if f.name in self.unknown else _plain(getattr(self, f.name)) for f in question_fields()
        }

    def __post_init__(self):
        if not isinstance(self.unknown, frozenset) or not self.unknown <= _yes_no_set():
            raise ValueError("« unknown » ne peut nommer que des questions à réponse oui / non.")


def _coerce(name, kind, value):
    """Check one value against its field's type; return it typed."""
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"Le champ « {name} » attend un booléen (true ou false) ou « unknown », "
                             f"reçu : {value!r}.")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"Le champ « {name} » attend un nombre entier, reçu : {value!r}.")
        return value
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        allowed = [member.value for member in kind]
        if not isinstance(value, str) or value not in allowed:
            shown = ", ".join(f"« {v} »" for v in allowed)
            raise ValueError(f"Le champ « {name} » n'accepte que : {shown} ; reçu : {value!r}.")
        return kind(value)
    raise ValueError(f"Le champ « {name} » a un type non pris en charge.")  # pragma: no cover


def _plain(value):
    return str(value) if isinstance(value, StrEnum) else value


def question_fields(group=None):
    """Return the dataclass fields of Answers that are questions, optionally only one group's."""
    return tuple(
        f for f in dataclasses.fields(Answers)
        if f.metadata["group"] != "meta" and (group is None or f.metadata["group"] == group)
    )


def risk_raising_fields():
    """Return the names of the yes/no questions whose "yes" can only raise risk."""
    return tuple(f.name for f in question_fields() if f.metadata["raises_risk"])


@functools.cache
def yes_no_fields():
    """Return the names of the yes/no questions, the only ones that may be answered "unknown"."""
    hints = typing.get_type_hints(Answers)
    return tuple(f.name for f in question_fields() if hints[f.name] is bool)


@functools.cache
def _yes_no_set():
    return frozenset(yes_no_fields())


def answers_json_schema():
    """Generate the JSON Schema (draft 2020-12) of the answers from the dataclass."""
    hints = typing.get_type_hints(Answers)
    properties = {}
    for f in question_fields():
        kind = hints[f.name]
        if kind is bool:
            prop = {"anyOf": [{"type": "boolean"}, {"const": UNKNOWN}]}
        elif kind is int:
            prop = {"type": "integer"}
        elif isinstance(kind, type) and issubclass(kind, StrEnum):
            prop = {"type": "string", "enum": [member.value for member in kind]}
        else:  # pragma: no cover - every field is one of the above
            raise TypeError(f"unsupported field type for {f.name}: {kind!r}")
        prop["description"] = f.metadata["question"]
        prop["default"] = _plain(f.default)
        if f.metadata["help"]:
            prop["x-help"] = f.metadata["help"]
        prop["x-group"] = f.metadata["group"]
        properties[f.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://confiance.example/schemas/{ANSWERS_SCHEMA_VERSION}.json",
        "title": "Réponses au questionnaire de Confiance",
        "description": "Réponses sur un système d'IA lues par les contrôles (règlement IA, RGPD, "
        "comité éthique, charte). Tout champ absent prend sa valeur par défaut ; une question oui / non "
        "peut valoir « unknown » (je ne sais pas) : c'est un point ouvert.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
