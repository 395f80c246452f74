"""Cases a DPO would sign: sparse answers as a steward gives them -> class, DPIA, referral and citations.

Each case is written from a text, named in its `source`:
- "CNIL n" : an item of the CNIL list of processings that require a DPIA
  (délibération n° 2018-327), as a local authority meets it;
- "WP248 ..." : the examples of the WP248 rev.01 guidelines (part III.B.a),
  those that need a DPIA and those that do not;
- "AI Act III n" : a use of annex III of Regulation (EU) 2024/1689 by a local
  authority, with the few answers a steward would tick; "AI Act art. 5 x)" a
  prohibited practice; "AI Act art. 50" a transparency case;
- "CNIL IA" : the CNIL's AI sheets (seeds/004, document 7): a high-risk AI
  system that processes personal data needs a DPIA.

A DPIA required is itself a trigger of the ethics referral (rules.ethics), so
every case with a DPIA has a referral. The answers are deliberately sparse: the implication table must supply what a
DPO reads between the lines (personal data, biometric data, vulnerable
people, evaluation, prevented service...). `cites` lists references that must
appear among the reasons of the AI Act class, of the DPIA and of the implied
answers.
"""

from dataclasses import dataclass, field

import pytest

from confiance.rules.answers import Answers
from confiance.rules.checks import run_all


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    answers: dict
    risk_class: str
    dpia: bool
    referral: bool
    cites: tuple = ()
    not_cites: tuple = ()
    extra: dict = field(default_factory=dict)


def C(id, source, answers, risk_class, dpia, referral, *cites, not_cites=()):
    return Case(id, source, answers, risk_class, dpia, referral, cites, not_cites)


HIGH_DPIA = ("art. 26, § 9", "fiche 5, « Réaliser une analyse d'impact si nécessaire »")

CASES = [
    # --- The CNIL list, item by item, as a local authority meets it ---------------------------------
    C("cnil-1-ehpad-care", "CNIL 1", {"domain": "health", "cnil_health_care_establishment": True},
      "minimal", True, True, "point 1", "art. 9, § 1"),
    C("cnil-2-genetic-vulnerable", "CNIL 2", {"domain": "health", "cnil_genetic_vulnerable": True},
      "minimal", True, True, "point 2", "critère 7"),
    C("cnil-3-hr-profiling", "CNIL 3", {"domain": "hr", "cnil_hr_profiling": True},
      "minimal", True, True, "point 3", "critère 1", "critère 7"),
    C("cnil-4-agent-monitoring", "CNIL 4", {"domain": "hr", "cnil_employee_monitoring": True},
      "minimal", True, True, "point 4", "critère 3"),
    C("cnil-5-child-protection-alerts", "CNIL 5", {"domain": "solidarity", "cnil_social_health_alerts": True},
      "minimal", True, True, "point 5"),
    C("cnil-6-whistleblowing", "CNIL 6", {"domain": "hr", "cnil_professional_alerts": True},
      "minimal", True, True, "point 6"),
    C("cnil-7-health-warehouse", "CNIL 7", {"domain": "health", "cnil_health_data_warehouse": True},
      "minimal", True, True, "point 7", "art. 9, § 1"),
    C("cnil-8-tenant-exclusion", "CNIL 8", {"domain": "housing", "cnil_profiling_contract_exclusion": True},
      "minimal", True, True, "point 8", "critère 9"),
    C("cnil-9-shared-unpaid-canteen", "CNIL 9", {"domain": "education", "cnil_shared_contract_breaches": True},
      "minimal", True, True, "point 9"),
    C("cnil-10-external-profiling", "CNIL 10", {"domain": "user_relations", "cnil_profiling_external_sources": True},
      "minimal", True, True, "point 10", "critère 1"),
    C("cnil-11-school-canteen-biometrics", "CNIL 11", {"domain": "education", "cnil_biometric_vulnerable": True},
      "minimal", True, True, "point 11", "art. 9, § 1"),
    C("cnil-12-social-housing", "CNIL 12", {"domain": "housing", "cnil_social_housing": True},
      "minimal", True, True, "point 12", "critère 9"),
    C("cnil-13-ccas-support", "CNIL 13", {"domain": "solidarity", "cnil_social_support": True},
      "minimal", True, True, "point 13", "critère 7"),
    C("cnil-14-mobility-location", "CNIL 14", {"domain": "mobility", "cnil_large_scale_location": True},
      "minimal", True, True, "point 14", "critère 4", "critère 5"),

    # --- WP248 rev.01: examples that need a DPIA ---------------------------------------------------
    C("wp248-hospital-genetic-health", "WP248 hôpital", {"domain": "health", "cnil_health_care_establishment": True,
      "cnil_genetic_vulnerable": True}, "minimal", True, True, "point 1", "point 2", "critère 4"),
    C("wp248-road-cameras", "WP248 caméras routières", {"domain": "mobility", "technique": "computer_vision",
      "personal_data": True, "systematic_monitoring": True, "people_magnitude": "gte100k",
      "publicly_accessible_space": True}, "minimal", True, True, "art. 35, § 3, c)", "critère 3", "critère 8"),
    C("wp248-employee-monitoring", "WP248 surveillance des salariés", {"domain": "hr", "personal_data": True,
      "systematic_monitoring": True, "concerns_agents": True}, "minimal", True, True, "critère 3", "critère 7"),
    C("wp248-social-media-profiles", "WP248 profils réseaux sociaux", {"domain": "user_relations",
      "profiling": True, "combines_datasets": True, "people_magnitude": "lt100k"}, "minimal", True, True,
      "critère 1", "critère 5", "critère 6"),
    C("wp248-fraud-database", "WP248 base nationale de fraude", {"domain": "solidarity", "profiling": True,
      "cnil_shared_contract_breaches": True, "people_magnitude": "gte100k"}, "minimal", True, True, "point 9",
      "critère 1"),
    C("wp248-research-archive", "WP248 archive de recherche", {"domain": "health", "sensitive_data": True,
      "vulnerable_people": True}, "minimal", True, True, "critère 4", "critère 7"),
    C("wp248-credit-rating", "WP248 notation de crédit", {"domain": "finance", "creditworthiness": True},
      "high", True, True, "annexe III, point 5 b)", "critère 1", "critère 9", *HIGH_DPIA),
    # --- WP248 rev.01: examples that do not ------------------------------------------------------
    C("wp248-doctor-patients", "WP248 médecin (pas de grande échelle)", {"domain": "health",
      "sensitive_data": True, "people_magnitude": "lt1k"}, "minimal", False, True, "critère 4",
      not_cites=("art. 26, § 9",)),
    C("wp248-newsletter", "WP248 lettre d'information", {"domain": "culture", "personal_data": True,
      "people_magnitude": "lt10k"}, "minimal", False, False),
    C("wp248-limited-adverts", "WP248 publicité peu ciblée", {"domain": "culture", "personal_data": True,
      "evaluation_or_scoring": True}, "minimal", False, False, "critère 1"),
    C("no-personal-data-waste", "RGPD art. 2", {"domain": "waste", "technique": "optimisation"},
      "minimal", False, False, "art. 2, § 1"),

    # --- AI Act annex III, as a local authority uses it ---------------------------------------------
    C("annex-1a-stadium-face-id", "AI Act III 1 a)", {"domain": "public_safety", "technique": "computer_vision",
      "remote_biometric_identification": True, "publicly_accessible_space": True}, "high", True, True,
      "annexe III, point 1 a)", "art. 3, point 41", "art. 9, § 1", "art. 35, § 3, c)", *HIGH_DPIA),
    C("annex-1b-biometric-categorisation", "AI Act III 1 b)", {"domain": "public_safety",
      "biometric_categorisation": True}, "high", True, True, "annexe III, point 1 b)", "art. 3, point 40",
      *HIGH_DPIA),
    C("annex-1c-emotion-call-centre", "AI Act III 1 c)", {"domain": "user_relations", "emotion_recognition": True},
      "high", True, True, "annexe III, point 1 c)", "art. 3, point 39", "art. 50, § 3", *HIGH_DPIA),
    C("annex-2-water-network", "AI Act III 2", {"domain": "water", "critical_infrastructure_safety": True},
      "high", False, True, "annexe III, point 2", not_cites=("art. 26, § 9",)),
    C("annex-2-traffic-lights", "AI Act III 2", {"domain": "mobility", "critical_infrastructure_safety": True,
      "technique": "deep_learning"}, "high", False, True, "annexe III, point 2"),
    C("annex-3a-school-allocation", "AI Act III 3 a)", {"domain": "education", "education_admission": True},
      "high", True, True, "annexe III, point 3 a)", "critère 9", "critère 7", *HIGH_DPIA),
    C("annex-3b-homework-grading", "AI Act III 3 b)", {"domain": "education", "education_assessment": True},
      "high", True, True, "annexe III, point 3 b)", "critère 1", *HIGH_DPIA),
    C("annex-3c-level-orientation", "AI Act III 3 c)", {"domain": "education", "education_level_assignment": True},
      "high", True, True, "annexe III, point 3 c)", *HIGH_DPIA),
    C("annex-3d-exam-proctoring", "AI Act III 3 d)", {"domain": "education", "exam_proctoring": True},
      "high", True, True, "annexe III, point 3 d)", "critère 3", *HIGH_DPIA),
    C("annex-4a-cv-sorting", "AI Act III 4 a)", {"domain": "hr", "recruitment": True},
      "high", True, True, "annexe III, point 4 a)", "critère 1", "critère 9", *HIGH_DPIA),
    C("annex-4a-cv-sorting-procedural", "AI Act III 4 a) + art. 6 § 3 a)", {"domain": "hr", "recruitment": True,
      "narrow_procedural_task": True}, "minimal", True, True, "art. 6, § 3, a)", "critère 1", "critère 9",
      not_cites=("art. 26, § 9",)),
    C("annex-4b-task-allocation", "AI Act III 4 b)", {"domain": "hr", "worker_management": True},
      "high", True, True, "annexe III, point 4 b)", "critère 7", *HIGH_DPIA),
    C("annex-5a-rsa-eligibility", "AI Act III 5 a)", {"domain": "solidarity", "public_benefits_eligibility": True},
      "high", True, True, "annexe III, point 5 a)", "critère 9", *HIGH_DPIA),
    C("annex-5a-creche-places", "AI Act III 5 a)", {"domain": "early_childhood", "public_benefits_eligibility": True,
      "minors_data": True}, "high", True, True, "annexe III, point 5 a)", "critère 7", *HIGH_DPIA),
    C("annex-5a-preparatory-translation", "AI Act III 5 a) + art. 6 § 3 d)", {"domain": "solidarity",
      "public_benefits_eligibility": True, "preparatory_task_only": True}, "minimal", True, True,
      "art. 6, § 3, d)", "critère 1", "critère 9", not_cites=("art. 26, § 9",)),
    C("annex-5a-profiling-no-derogation", "AI Act III 5 a) + art. 6 § 3 dernier alinéa", {"domain": "solidarity",
      "public_benefits_eligibility": True, "preparatory_task_only": True, "cnil_profiling_external_sources": True},
      "high", True, True, "art. 6, § 3, dernier alinéa", "point 10", *HIGH_DPIA),
    C("annex-5b-social-loan", "AI Act III 5 b)", {"domain": "solidarity", "creditworthiness": True},
      "high", True, True, "annexe III, point 5 b)", "critère 4", *HIGH_DPIA),
    C("annex-5c-mutual-insurance", "AI Act III 5 c)", {"domain": "solidarity", "life_health_insurance_pricing": True},
      "high", True, True, "annexe III, point 5 c)", *HIGH_DPIA),
    C("annex-5d-emergency-calls", "AI Act III 5 d)", {"domain": "public_safety", "emergency_call_triage": True},
      "high", True, True, "annexe III, point 5 d)", "critère 9", *HIGH_DPIA),
    C("annex-6a-victim-risk", "AI Act III 6 a)", {"domain": "public_safety", "law_enforcement_victim_risk": True},
      "high", True, True, "annexe III, point 6 a)", "annexe III, point 6", *HIGH_DPIA),
    C("annex-6b-polygraph", "AI Act III 6 b)", {"domain": "public_safety", "law_enforcement_polygraph": True},
      "high", True, True, "annexe III, point 6 b)", *HIGH_DPIA),
    C("annex-6c-evidence", "AI Act III 6 c)", {"domain": "public_safety",
      "law_enforcement_evidence_reliability": True}, "high", False, True, "annexe III, point 6 c)",
      not_cites=("art. 26, § 9",)),
    C("annex-6d-reoffending", "AI Act III 6 d)", {"domain": "public_safety", "law_enforcement_offending_risk": True},
      "high", True, True, "annexe III, point 6 d)", "critère 1", *HIGH_DPIA),
    C("annex-6e-profiling", "AI Act III 6 e)", {"domain": "public_safety", "law_enforcement_profiling": True},
      "high", True, True, "annexe III, point 6 e)", "art. 6, § 3, dernier alinéa", *HIGH_DPIA),
    C("annex-7a-border-polygraph", "AI Act III 7 a)", {"domain": "administration", "migration_polygraph": True},
      "high", True, True, "annexe III, point 7 a)", "critère 7", *HIGH_DPIA),
    C("annex-7b-entry-risk", "AI Act III 7 b)", {"domain": "administration", "migration_risk_assessment": True},
      "high", True, True, "annexe III, point 7 b)", *HIGH_DPIA),
    C("annex-7c-residence-permits", "AI Act III 7 c)", {"domain": "administration", "asylum_visa_examination": True},
      "high", True, True, "annexe III, point 7 c)", "critère 9", *HIGH_DPIA),
    C("annex-7d-identification", "AI Act III 7 d)", {"domain": "administration",
      "migration_person_identification": True}, "high", True, True, "annexe III, point 7 d)", *HIGH_DPIA),
    C("annex-8a-mediation", "AI Act III 8 a)", {"domain": "administration", "justice_assistance": True},
      "high", False, True, "annexe III, point 8 a)"),
    C("annex-8a-mediation-personal", "AI Act III 8 a) + données", {"domain": "administration",
      "justice_assistance": True, "personal_data": True}, "high", True, True, "annexe III, point 8 a)", *HIGH_DPIA),
    C("annex-8b-election-targeting", "AI Act III 8 b)", {"domain": "administration", "election_influence": True,
      "profiling": True}, "high", True, True, "annexe III, point 8 b)", *HIGH_DPIA),
    C("annex-i-lift-safety", "AI Act art. 6 § 1", {"domain": "urban_planning", "product_safety_component": True},
      "high", False, True, "art. 6, § 1"),

    # --- AI Act art. 5: prohibited practices; the DPIA documents the refusal --------------------------
    C("art5-c-social-scoring", "AI Act art. 5 c)", {"domain": "solidarity", "social_scoring": True},
      "prohibited", True, True, "art. 5, § 1, c)", "critère 1", "critère 9", "art. 26, § 9"),
    C("art5-d-crime-prediction", "AI Act art. 5 d)", {"domain": "public_safety",
      "crime_prediction_profiling_only": True}, "prohibited", True, True, "art. 5, § 1, d)", "art. 26, § 9"),
    C("art5-e-face-scraping", "AI Act art. 5 e)", {"domain": "public_safety", "untargeted_facial_scraping": True},
      "prohibited", True, True, "art. 5, § 1, e)", "art. 9, § 1"),
    C("art5-f-agent-emotions", "AI Act art. 5 f)", {"domain": "hr", "emotion_recognition_work_education": True},
      "prohibited", True, True, "art. 5, § 1, f)", "critère 3", "art. 26, § 9"),
    C("art5-f-medical-exception", "AI Act art. 5 f) in fine", {"domain": "health",
      "emotion_recognition_work_education": True, "emotion_recognition_medical_or_safety": True},
      "high", True, True, "annexe III, point 1 c)", *HIGH_DPIA, not_cites=("art. 5, § 1, f)",)),
    C("art5-g-sensitive-categorisation", "AI Act art. 5 g)", {"domain": "public_safety",
      "biometric_categorisation_sensitive_traits": True}, "prohibited", True, True, "art. 5, § 1, g)",
      "art. 9, § 1"),
    C("art5-h-realtime-face-id", "AI Act art. 5 h)", {"domain": "public_safety",
      "realtime_biometric_identification_law_enforcement": True}, "prohibited", True, True, "art. 5, § 1, h)",
      "art. 35, § 3, c)", "art. 5, § 1, h)"),
    C("art5-b-vulnerable-nudging", "AI Act art. 5 b)", {"domain": "solidarity", "exploits_vulnerabilities": True},
      "prohibited", True, True, "art. 5, § 1, b)", "critère 7"),

    # --- Transparency and the CNIL's AI sheets ----------------------------------------------------------
    C("art50-chatbot", "AI Act art. 50 + CNIL IA", {"domain": "user_relations", "technique": "generative",
      "citizen_facing": True, "interacts_directly_with_people": True}, "transparency", False, True,
      "art. 50, § 1", "art. 50, § 2", "critère 8"),
    C("art50-chatbot-with-accounts", "AI Act art. 50 + WP248", {"domain": "user_relations",
      "technique": "generative", "citizen_facing": True, "interacts_directly_with_people": True,
      "personal_data": True, "people_magnitude": "gte100k"}, "transparency", True, True, "critère 5", "critère 8"),
    C("art50-deep-fake-campaign", "AI Act art. 50 § 4", {"domain": "culture", "deep_fake": True},
      "transparency", False, False, "art. 50, § 4", "art. 50, § 2"),
    C("art50-published-news", "AI Act art. 50 § 4", {"domain": "administration",
      "publishes_generated_text_public_interest": True}, "transparency", False, False, "art. 50, § 4"),
    C("art50-published-news-reviewed", "AI Act art. 50 § 4 exception", {"domain": "administration",
      "publishes_generated_text_public_interest": True, "generated_text_human_reviewed": True}, "transparency",
      False, False, "art. 50, § 2", not_cites=("art. 50, § 4",)),
    C("cnil-ia-translation-tool", "CNIL IA", {"domain": "administration", "technique": "speech_nlp",
      "personal_data": True}, "minimal", False, False, "critère 8"),
    C("cnil-ia-crisis-room-video", "CNIL IA + AI Act notes", {"domain": "public_safety",
      "technique": "computer_vision", "systematic_monitoring": True, "large_scale": True}, "minimal", True, True,
      "art. 35, § 3, c)", "critère 3"),
    # WP248 criterion 7 concerns vulnerable *data subjects*: agents who only use a tool that holds no data
    # about them are not, so no referral is forced (the committee may still be seized).
    C("cnil-ia-agents-assistant-no-data", "CNIL IA + WP248 critère 7", {"domain": "administration",
      "technique": "generative", "people_affected_agents": True}, "transparency", False, False, "art. 50, § 2"),
    C("cnil-ia-agents-assistant", "CNIL IA + WP248 critère 7", {"domain": "administration",
      "technique": "generative", "people_affected_agents": True, "personal_data": True}, "transparency", True, True,
      "critère 7",
      "critère 8"),
    C("prepares-decision-implies-personal-data", "RGPD art. 4 § 1", {"domain": "housing",
      "decision_role": "prepares", "combines_datasets": True, "technique": "statistical_ml"}, "minimal", False,
      False, "art. 4, point 1", "critère 6"),
]


def _translate(answers):
    """Let a case say what the record would say (people concerned: agents) in the questionnaire's own terms."""
    data = dict(answers)
    if data.pop("people_affected_agents", False):
        data["concerns_agents"] = True
    return data


def _references(report):
    references = [r.citation.reference for r in report.ai_act.reasons + report.ai_act.notes + report.dpia.reasons]
    references += [i.implication.citation.reference for i in report.derivation.implied]
    return references


def test_there_are_at_least_sixty_cases_with_distinct_ids():
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_it_decides_as_a_dpo_would(case):
    report = run_all(Answers.from_dict(_translate(case.answers)))
    assert str(report.ai_act.risk_class) == case.risk_class, case.source
    assert report.dpia.required is case.dpia, (case.source, [r.text for r in report.dpia.reasons])
    assert report.ethics.required is case.referral, (case.source, [r.text for r in report.ethics.reasons])
    references = _references(report)
    for cited in case.cites:
        assert cited in references, (case.source, cited, references)
    for cited in case.not_cites:
        assert cited not in references, (case.source, cited)
