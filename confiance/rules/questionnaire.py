"""The guided questionnaire: the questions of `Answers` in the order a steward thinks, in plain French.

Sections follow the order of the issue "The checks a DPO would sign": what the
system does and for whom; personal data; decisions about people; the AI Act's
prohibited practices, then its high-risk uses (with two sections opened only
by a gate: law enforcement, migration and asylum), then transparency; and the
DPIA criteria, asked only when the system processes personal data (stated or
implied). Each question has a plain wording (`PLAIN`); the legal wording of
`Answers` stays as the help ("ce que dit le texte").

A section whose gate is a known "no" is skipped: a commune that does not act
for a migration authority never sees annex III point 7. The register's own
facts (domain, technique, decision role, number of people) are not asked here:
they come from the record and are shown as such.
"""

from dataclasses import dataclass

from confiance.rules.answers import question_fields, yes_no_fields
from confiance.rules.gdpr import processes_personal_data

# Facts the record holds as choices; shown, not asked (change them on the record).
RECORD_CHOICES = ("domain", "technique", "decision_role", "people_magnitude")


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    fields: tuple
    gate: str = ""  # the yes/no question that opens the section; "" for always
    gate_label: str = ""  # why it may be skipped, in French

    def is_open(self, answers):
        """Return False when the gate is a known "no" (an open point keeps the section)."""
        if not self.gate:
            return True
        if self.gate == "personal_data":
            return processes_personal_data(answers) or "personal_data" in answers.unknown
        return getattr(answers, self.gate) or self.gate in answers.unknown


SECTIONS = (
    Section("usage", "Ce que fait le système et pour qui",
            "Pour qui le système travaille, qui il concerne et qui l'a conçu.",
            ("citizen_facing", "concerns_agents", "concerns_pupils", "develops_own_system",
             "publicly_accessible_space", "acts_for_law_enforcement", "acts_for_migration_authority")),
    Section("donnees", "Les données personnelles",
            "Les informations sur des personnes que le système utilise.",
            ("personal_data", "sensitive_data", "biometric_data", "minors_data", "offence_data",
             "highly_personal_data", "combines_datasets", "large_scale")),
    Section("decisions", "Les décisions sur les personnes",
            "Ce que le système évalue ou aide à décider à propos de quelqu'un.",
            ("profiling", "evaluation_or_scoring", "prevents_right_or_service", "public_benefits_eligibility",
             "creditworthiness", "life_health_insurance_pricing", "recruitment", "worker_management",
             "education_admission", "education_assessment", "education_level_assignment", "exam_proctoring",
             "emergency_call_triage")),
    Section("interdits", "Les pratiques interdites",
            "Le règlement européen sur l'IA interdit certains usages (article 5). Un « oui » ici arrête le projet.",
            ("manipulative_techniques", "exploits_vulnerabilities", "social_scoring",
             "crime_prediction_profiling_only", "untargeted_facial_scraping", "emotion_recognition_work_education",
             "emotion_recognition_medical_or_safety", "biometric_categorisation_sensitive_traits",
             "realtime_biometric_identification_law_enforcement")),
    Section("haut-risque", "Les usages à haut risque",
            "Les usages de l'annexe III du règlement sur l'IA, et les cas où le système n'y fait qu'une tâche "
            "secondaire.",
            ("product_safety_component", "remote_biometric_identification", "biometric_categorisation",
             "emotion_recognition", "critical_infrastructure_safety", "justice_assistance", "election_influence",
             "narrow_procedural_task", "improves_completed_human_activity", "detects_decision_patterns_only",
             "preparatory_task_only")),
    Section("repressif", "Police et justice pénale",
            "Les usages à haut risque par ou pour une autorité répressive (annexe III, point 6).",
            ("law_enforcement_victim_risk", "law_enforcement_polygraph", "law_enforcement_evidence_reliability",
             "law_enforcement_offending_risk", "law_enforcement_profiling"),
            gate="acts_for_law_enforcement",
            gate_label="le système n'est pas utilisé par ou pour une autorité répressive"),
    Section("migrations", "Migrations, asile et frontières",
            "Les usages à haut risque pour une autorité chargée des migrations (annexe III, point 7).",
            ("migration_polygraph", "migration_risk_assessment", "asylum_visa_examination",
             "migration_person_identification"),
            gate="acts_for_migration_authority",
            gate_label="le système n'est pas utilisé pour une autorité chargée des migrations ou de l'asile"),
    Section("transparence", "Ce que les personnes doivent savoir",
            "Les cas où le règlement sur l'IA impose de dire qu'une IA est à l'œuvre (article 50).",
            ("interacts_directly_with_people", "generates_synthetic_content", "deep_fake",
             "publishes_generated_text_public_interest", "generated_text_human_reviewed")),
    Section("aipd", "L'analyse d'impact (AIPD)",
            "Les critères qui rendent une analyse d'impact relative à la protection des données obligatoire.",
            ("systematic_monitoring", "vulnerable_people", "innovative_use", "cnil_health_care_establishment",
             "cnil_genetic_vulnerable", "cnil_hr_profiling", "cnil_employee_monitoring", "cnil_social_health_alerts",
             "cnil_professional_alerts", "cnil_health_data_warehouse", "cnil_profiling_contract_exclusion",
             "cnil_shared_contract_breaches", "cnil_profiling_external_sources", "cnil_biometric_vulnerable",
             "cnil_social_housing", "cnil_social_support", "cnil_large_scale_location"),
            gate="personal_data", gate_label="le système ne traite pas de données personnelles"),
)
BY_SLUG = {s.slug: s for s in SECTIONS}

# The question as a steward reads it; the legal wording stays in Answers' metadata.
PLAIN = {
    "citizen_facing": "Des habitants ou des usagers utilisent-ils le système, ou voient-ils son résultat ?",
    "concerns_agents": "Le système concerne-t-il des agents de la collectivité ?",
    "concerns_pupils": "Le système concerne-t-il des élèves ou des étudiants ?",
    "develops_own_system": "La collectivité a-t-elle conçu le système, ou l'a-t-elle fait concevoir pour "
                           "le proposer sous son propre nom ?",
    "publicly_accessible_space": "Le système fonctionne-t-il dans un lieu ouvert au public (rue, gare, "
                                 "bâtiment public, site web) ?",
    "acts_for_law_enforcement": "Le système sert-il la police (municipale ou nationale) ou la justice pénale ?",
    "acts_for_migration_authority": "Le système sert-il une autorité chargée des étrangers, de l'asile ou des "
                                    "frontières ?",
    "personal_data": "Le système utilise-t-il des informations sur des personnes (nom, adresse, numéro de "
                     "dossier, image, voix…) ?",
    "sensitive_data": "Ces informations touchent-elles à la santé, aux origines, aux opinions, à la religion, "
                      "au syndicat ou à la vie sexuelle ?",
    "biometric_data": "Le système reconnaît-il des personnes à leur visage, leur voix, leur empreinte ou leur "
                      "démarche ?",
    "minors_data": "Des enfants (moins de 18 ans) sont-ils concernés ?",
    "offence_data": "Le système utilise-t-il des informations sur des infractions ou des condamnations ?",
    "highly_personal_data": "Le système utilise-t-il des informations très privées : argent, localisation, "
                            "messages, documents personnels ?",
    "combines_datasets": "Le système croise-t-il des fichiers qui viennent de services ou d'organismes "
                         "différents ?",
    "large_scale": "Le système concerne-t-il beaucoup de personnes, longtemps ou sur un grand territoire ?",
    "profiling": "Le système dresse-t-il le portrait de personnes (situation, comportement, fiabilité…) à partir "
                 "de leurs données ?",
    "evaluation_or_scoring": "Le système donne-t-il une note ou un score à des personnes, ou prédit-il leur "
                             "comportement ?",
    "prevents_right_or_service": "Le résultat peut-il priver quelqu'un d'un droit, d'une aide ou d'un service ?",
    "public_benefits_eligibility": "Le système aide-t-il à décider qui a droit à une aide ou à un service "
                                   "public (aide sociale, crèche, logement…) ?",
    "creditworthiness": "Le système évalue-t-il la capacité d'une personne à rembourser ?",
    "life_health_insurance_pricing": "Le système fixe-t-il le prix d'une assurance vie ou santé ?",
    "recruitment": "Le système sert-il à recruter (trier des candidatures, évaluer des candidats) ?",
    "worker_management": "Le système sert-il à gérer les agents : tâches, évaluation, promotion, surveillance ?",
    "education_admission": "Le système décide-t-il qui entre dans une école ou une formation ?",
    "education_assessment": "Le système évalue-t-il ce que les élèves ont appris ?",
    "education_level_assignment": "Le système décide-t-il du niveau ou de la classe d'un élève ?",
    "exam_proctoring": "Le système surveille-t-il des élèves pendant des examens ?",
    "emergency_call_triage": "Le système trie-t-il des appels d'urgence ou décide-t-il de l'envoi des secours ?",
    "manipulative_techniques": "Le système pousse-t-il des personnes à agir à leur insu, au risque de leur nuire ?",
    "exploits_vulnerabilities": "Le système profite-t-il de la faiblesse de personnes (âge, handicap, "
                                "précarité) pour les influencer ?",
    "social_scoring": "Le système note-t-il des personnes sur leur comportement, avec des conséquences "
                      "ailleurs ou disproportionnées ?",
    "crime_prediction_profiling_only": "Le système prédit-il qu'une personne va commettre une infraction, "
                                       "uniquement d'après son profil ?",
    "untargeted_facial_scraping": "Le système collecte-t-il en masse des photos de visages (internet, "
                                  "caméras) ?",
    "emotion_recognition_work_education": "Le système devine-t-il les émotions des agents au travail ou des "
                                          "élèves à l'école ?",
    "emotion_recognition_medical_or_safety": "Si oui, est-ce pour une raison médicale ou de sécurité ?",
    "biometric_categorisation_sensitive_traits": "Le système devine-t-il l'origine, la religion, les opinions "
                                                 "ou l'orientation sexuelle d'après le corps ou le visage ?",
    "realtime_biometric_identification_law_enforcement": "Le système reconnaît-il en direct des visages dans la "
                                                         "rue pour la police ?",
    "product_safety_component": "Le système assure-t-il la sécurité d'un produit réglementé (dispositif "
                                "médical, ascenseur, machine, jouet) ?",
    "remote_biometric_identification": "Le système reconnaît-il des personnes à distance (par exemple par "
                                       "caméra), sans qu'elles le présentent elles-mêmes ?",
    "biometric_categorisation": "Le système classe-t-il des personnes d'après leur corps ou leur visage ?",
    "emotion_recognition": "Le système devine-t-il les émotions des personnes ?",
    "critical_infrastructure_safety": "Le système assure-t-il la sécurité du réseau d'eau, d'énergie, de "
                                      "chauffage, de la circulation ou d'un réseau numérique ?",
    "justice_assistance": "Le système aide-t-il un juge ou un médiateur à trancher un litige ?",
    "election_influence": "Le système cherche-t-il à influencer un vote ?",
    "narrow_procedural_task": "Le système fait-il seulement une tâche simple de classement ou de tri de "
                              "documents ?",
    "improves_completed_human_activity": "Le système améliore-t-il seulement un travail déjà fait par un agent "
                                         "(par exemple reformuler un courrier) ?",
    "detects_decision_patterns_only": "Le système repère-t-il seulement des écarts avec les décisions passées, "
                                      "un agent gardant la main ?",
    "preparatory_task_only": "Le système prépare-t-il seulement un dossier (traduire, indexer) avant qu'un "
                             "agent l'examine ?",
    "law_enforcement_victim_risk": "Le système évalue-t-il le risque qu'une personne soit victime d'une "
                                   "infraction ?",
    "law_enforcement_polygraph": "Le système sert-il de détecteur de mensonge ?",
    "law_enforcement_evidence_reliability": "Le système évalue-t-il la fiabilité de preuves dans une enquête ?",
    "law_enforcement_offending_risk": "Le système évalue-t-il le risque qu'une personne commette une infraction "
                                      "ou récidive ?",
    "law_enforcement_profiling": "Le système dresse-t-il le profil de personnes pour une enquête ?",
    "migration_polygraph": "Le système sert-il de détecteur de mensonge aux frontières ?",
    "migration_risk_assessment": "Le système évalue-t-il le risque présenté par une personne qui arrive sur "
                                 "le territoire ?",
    "asylum_visa_examination": "Le système aide-t-il à examiner des demandes d'asile, de visa ou de titre "
                               "de séjour ?",
    "migration_person_identification": "Le système identifie-t-il des personnes étrangères (hors contrôle "
                                       "des papiers) ?",
    "interacts_directly_with_people": "Des personnes dialoguent-elles avec le système (robot conversationnel, "
                                      "assistant vocal) ?",
    "generates_synthetic_content": "Le système produit-il des textes, images, sons ou vidéos ?",
    "deep_fake": "Le système fabrique-t-il des images, sons ou vidéos qui imitent des personnes ou des lieux "
                 "réels ?",
    "publishes_generated_text_public_interest": "Le système écrit-il des textes publiés pour informer le "
                                                "public ?",
    "generated_text_human_reviewed": "Si oui, un agent relit-il et assume-t-il ces textes avant publication ?",
    "systematic_monitoring": "Le système observe-t-il ou surveille-t-il des personnes de façon continue ?",
    "vulnerable_people": "Le système concerne-t-il des personnes fragiles (enfants, personnes âgées, malades, "
                         "personnes en difficulté, demandeurs d'asile) ?",
    "innovative_use": "S'agit-il d'une technologie nouvelle, dont on connaît encore mal les effets ?",
    "cnil_health_care_establishment": "Un établissement de santé ou médico-social utilise-t-il le système pour "
                                      "soigner ou accompagner des personnes ?",
    "cnil_genetic_vulnerable": "Le système utilise-t-il des données génétiques de personnes fragiles ?",
    "cnil_hr_profiling": "Le système dresse-t-il le profil des agents pour la gestion du personnel ?",
    "cnil_employee_monitoring": "Le système surveille-t-il en permanence l'activité des agents ?",
    "cnil_social_health_alerts": "Le système gère-t-il des signalements sociaux ou sanitaires ?",
    "cnil_professional_alerts": "Le système gère-t-il des alertes professionnelles (lanceurs d'alerte) ?",
    "cnil_health_data_warehouse": "Le système constitue-t-il un entrepôt de données de santé ou un registre ?",
    "cnil_profiling_contract_exclusion": "Le profil établi peut-il faire refuser, suspendre ou rompre un "
                                         "contrat ?",
    "cnil_shared_contract_breaches": "Le système partage-t-il entre organismes une liste d'impayés ou de "
                                     "manquements ?",
    "cnil_profiling_external_sources": "Le profil utilise-t-il des données venues de l'extérieur (réseaux "
                                       "sociaux, courtiers, autres organismes) ?",
    "cnil_biometric_vulnerable": "Le système reconnaît-il par biométrie des personnes parmi lesquelles des "
                                 "personnes fragiles (élèves, personnes âgées, patients) ?",
    "cnil_social_housing": "Le système sert-il à instruire des demandes ou à gérer des logements sociaux ?",
    "cnil_social_support": "Le système sert-il à l'accompagnement social ou médico-social de personnes ?",
    "cnil_large_scale_location": "Le système utilise-t-il la localisation de nombreuses personnes ?",
}


def asked_fields():
    """Return every question the guided questionnaire asks, in order."""
    return tuple(name for section in SECTIONS for name in section.fields)


def open_sections(answers):
    """Return the sections to show for `answers` (their gates read the derived answers)."""
    return tuple(s for s in SECTIONS if s.is_open(answers))


def skipped_sections(answers):
    """Return (section, why) for each section a known "no" to its gate skips."""
    return tuple((s, s.gate_label) for s in SECTIONS if not s.is_open(answers))


def position(slug, answers):
    """Return (number, total) of section `slug` among the open ones: « section 3 sur 7 »."""
    sections = open_sections(answers)
    slugs = [s.slug for s in sections]
    if slug not in slugs:
        return None, len(sections)
    return slugs.index(slug) + 1, len(sections)


def next_section(slug, answers):
    """Return the open section after `slug`, or None after the last one."""
    order = [s.slug for s in SECTIONS]
    for section in SECTIONS[order.index(slug) + 1:]:
        if section.is_open(answers):
            return section
    return None


def previous_section(slug, answers):
    """Return the open section before `slug`, or None before the first one."""
    order = [s.slug for s in SECTIONS]
    for section in reversed(SECTIONS[:order.index(slug)]):
        if section.is_open(answers):
            return section
    return None


def check_layout():
    """Return the yes/no questions the sections forget or repeat, and plain wordings missing; all empty when sound."""
    asked = asked_fields()
    bools = set(yes_no_fields())
    choices = {f.name for f in question_fields()} - bools
    return {
        "missing": sorted(bools - set(asked)),
        "repeated": sorted({n for n in asked if asked.count(n) > 1}),
        "not_yes_no": sorted(set(asked) - bools),
        "no_plain_wording": sorted(set(asked) - set(PLAIN)),
        "choices_not_shown": sorted(choices - set(RECORD_CHOICES)),
    }
