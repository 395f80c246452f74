"""Tests for confiance.rules.ai_act: each case asserts the class and the citation that decided it."""

import pytest

from confiance.rules.ai_act import RULESET_VERSION, RiskClass, classify
from confiance.rules.answers import Answers, Domain, Technique
from confiance.rules.citations import AI_ACT
from confiance.rules.human_primacy import DecisionRole


def references(reasons):
    return [r.citation.reference for r in reasons]


PROHIBITED = [
    ("manipulative_techniques", "art. 5, § 1, a)"),
    ("exploits_vulnerabilities", "art. 5, § 1, b)"),
    ("social_scoring", "art. 5, § 1, c)"),
    ("crime_prediction_profiling_only", "art. 5, § 1, d)"),
    ("untargeted_facial_scraping", "art. 5, § 1, e)"),
    ("emotion_recognition_work_education", "art. 5, § 1, f)"),
    ("biometric_categorisation_sensitive_traits", "art. 5, § 1, g)"),
    ("realtime_biometric_identification_law_enforcement", "art. 5, § 1, h)"),
]


@pytest.mark.parametrize("field, reference", PROHIBITED)
def test_it_prohibits_each_article_5_practice(field, reference):
    result = classify(Answers(**{field: True}))
    assert result.risk_class is RiskClass.PROHIBITED
    assert reference in references(result.reasons)
    assert all(r.citation.source == AI_ACT for r in result.reasons)
    assert [o.code for o in result.obligations] == ["do_not_deploy"]


ANNEX_III = [
    ("remote_biometric_identification", "annexe III, point 1 a)"),
    ("biometric_categorisation", "annexe III, point 1 b)"),
    ("emotion_recognition", "annexe III, point 1 c)"),
    ("critical_infrastructure_safety", "annexe III, point 2"),
    ("education_admission", "annexe III, point 3 a)"),
    ("education_assessment", "annexe III, point 3 b)"),
    ("education_level_assignment", "annexe III, point 3 c)"),
    ("exam_proctoring", "annexe III, point 3 d)"),
    ("recruitment", "annexe III, point 4 a)"),
    ("worker_management", "annexe III, point 4 b)"),
    ("public_benefits_eligibility", "annexe III, point 5 a)"),
    ("creditworthiness", "annexe III, point 5 b)"),
    ("life_health_insurance_pricing", "annexe III, point 5 c)"),
    ("emergency_call_triage", "annexe III, point 5 d)"),
    ("law_enforcement_victim_risk", "annexe III, point 6 a)"),
    ("law_enforcement_polygraph", "annexe III, point 6 b)"),
    ("law_enforcement_evidence_reliability", "annexe III, point 6 c)"),
    ("law_enforcement_offending_risk", "annexe III, point 6 d)"),
    ("law_enforcement_profiling", "annexe III, point 6 e)"),
    ("migration_polygraph", "annexe III, point 7 a)"),
    ("migration_risk_assessment", "annexe III, point 7 b)"),
    ("asylum_visa_examination", "annexe III, point 7 c)"),
    ("migration_person_identification", "annexe III, point 7 d)"),
    ("justice_assistance", "annexe III, point 8 a)"),
    ("election_influence", "annexe III, point 8 b)"),
]


@pytest.mark.parametrize("field, reference", ANNEX_III)
def test_it_classes_each_annex_iii_point_high_risk(field, reference):
    result = classify(Answers(**{field: True}))
    assert result.risk_class is RiskClass.HIGH
    assert reference in references(result.reasons)
    codes = [o.code for o in result.obligations]
    assert "deployer_duties" in codes and "ai_literacy" in codes
    # Annex III point 2 is excluded from the FRIA and the registration by public deployers.
    if reference.endswith("point 2"):
        assert "fria" not in codes and "registration" not in codes
    else:
        assert "fria" in codes and "registration" in codes


DEROGATIONS = [
    ("narrow_procedural_task", "art. 6, § 3, a)"),
    ("improves_completed_human_activity", "art. 6, § 3, b)"),
    ("detects_decision_patterns_only", "art. 6, § 3, c)"),
    ("preparatory_task_only", "art. 6, § 3, d)"),
]


@pytest.mark.parametrize("field, reference", DEROGATIONS)
def test_it_lowers_an_annex_iii_system_with_a_derogation(field, reference):
    result = classify(Answers(recruitment=True, **{field: True}))
    assert result.risk_class is RiskClass.MINIMAL
    assert reference in references(result.notes)
    assert "annexe III, point 4 a)" in references(result.notes)
    assert "fria" not in [o.code for o in result.obligations]


@pytest.mark.parametrize("field, reference", DEROGATIONS)
def test_it_refuses_a_derogation_when_the_system_profiles(field, reference):
    result = classify(Answers(recruitment=True, profiling=True, **{field: True}))
    assert result.risk_class is RiskClass.HIGH
    assert "art. 6, § 3, dernier alinéa" in references(result.reasons)
    assert reference not in references(result.reasons + result.notes)


TRANSPARENCY = [
    ({"interacts_directly_with_people": True}, "art. 50, § 1", "inform_interaction"),
    ({"generates_synthetic_content": True}, "art. 50, § 2", "mark_synthetic_content"),
    ({"technique": Technique.GENERATIVE}, "art. 50, § 2", "mark_synthetic_content"),
    ({"deep_fake": True}, "art. 50, § 4", "disclose_generated_content"),
    ({"publishes_generated_text_public_interest": True}, "art. 50, § 4", "disclose_generated_content"),
]


@pytest.mark.parametrize("answers, reference, obligation", TRANSPARENCY)
def test_it_classes_each_article_50_case_transparency(answers, reference, obligation):
    result = classify(Answers(**answers))
    assert result.risk_class is RiskClass.TRANSPARENCY
    assert reference in references(result.reasons)
    assert obligation in [o.code for o in result.obligations]


def test_it_exempts_human_reviewed_public_interest_text():
    result = classify(Answers(publishes_generated_text_public_interest=True, generated_text_human_reviewed=True))
    assert result.risk_class is RiskClass.MINIMAL


@pytest.mark.parametrize("field", ["emotion_recognition", "biometric_categorisation"])
def test_it_adds_article_50_3_to_high_risk_biometrics(field):
    result = classify(Answers(**{field: True}))
    assert result.risk_class is RiskClass.HIGH
    assert "art. 50, § 3" in references(result.reasons)
    assert "inform_exposed_people" in [o.code for o in result.obligations]


def test_it_keeps_article_50_duties_on_a_high_risk_chatbot():
    result = classify(Answers(public_benefits_eligibility=True, interacts_directly_with_people=True))
    assert result.risk_class is RiskClass.HIGH
    assert "art. 50, § 1" in references(result.reasons)
    assert {"fria", "registration", "inform_interaction", "inform_people"} <= {o.code for o in result.obligations}


def test_it_exempts_medical_emotion_recognition_at_work_from_article_5():
    result = classify(Answers(emotion_recognition_work_education=True, emotion_recognition_medical_or_safety=True))
    assert result.risk_class is RiskClass.HIGH
    assert "annexe III, point 1 c)" in references(result.reasons)
    assert not any(ref.startswith("art. 5,") for ref in references(result.reasons))


def test_it_classes_a_product_safety_component_high_risk():
    result = classify(Answers(product_safety_component=True))
    assert result.risk_class is RiskClass.HIGH
    assert references(result.reasons) == ["art. 6, § 1"]
    assert "registration" not in [o.code for o in result.obligations]


def test_it_informs_workers_of_a_workplace_system():
    result = classify(Answers(worker_management=True))
    assert "art. 26, § 7" in [o.citation.reference for o in result.obligations]


def test_it_puts_prohibited_above_high_and_transparency():
    result = classify(Answers(social_scoring=True, recruitment=True, interacts_directly_with_people=True))
    assert result.risk_class is RiskClass.PROHIBITED
    assert references(result.reasons) == ["art. 5, § 1, c)"]


def test_it_exposes_the_ruleset_version():
    result = classify(Answers())
    assert result.ruleset_version == RULESET_VERSION == "ai-act-2026.1"
    assert result.as_dict()["ruleset_version"] == "ai-act-2026.1"


# Cases from the source documents (seeds 000, 001, 004).
SOURCE_CASES = [
    pytest.param(
        dict(domain=Domain.EARLY_CHILDHOOD, personal_data=True, minors_data=True,
             decision_role=DecisionRole.PREPARES, public_benefits_eligibility=True),
        RiskClass.HIGH, "annexe III, point 5 a)", id="creche-place-matching-support",
    ),
    pytest.param(
        dict(domain=Domain.SOLIDARITY, personal_data=True, public_benefits_eligibility=True, profiling=True,
             evaluation_or_scoring=True, preparatory_task_only=True, technique=Technique.STATISTICAL_ML),
        RiskClass.HIGH, "art. 6, § 3, dernier alinéa", id="social-benefit-fraud-score",
    ),
    pytest.param(
        dict(domain=Domain.USER_RELATIONS, citizen_facing=True, technique=Technique.GENERATIVE,
             interacts_directly_with_people=True),
        RiskClass.TRANSPARENCY, "art. 50, § 1", id="citizen-chatbot",
    ),
    pytest.param(
        dict(domain=Domain.WASTE, technique=Technique.OPTIMISATION),
        RiskClass.MINIMAL, "art. 6 et art. 50", id="waste-round-optimisation",
    ),
    pytest.param(
        dict(domain=Domain.PUBLIC_SAFETY, technique=Technique.COMPUTER_VISION, personal_data=True,
             systematic_monitoring=True),
        RiskClass.MINIMAL, "art. 6 et art. 50", id="crisis-room-video-analytics-without-biometrics",
    ),
    pytest.param(
        dict(domain=Domain.PUBLIC_SAFETY, technique=Technique.COMPUTER_VISION,
             realtime_biometric_identification_law_enforcement=True),
        RiskClass.PROHIBITED, "art. 5, § 1, h)", id="realtime-facial-recognition-in-public-space",
    ),
    pytest.param(
        dict(domain=Domain.MOBILITY, critical_infrastructure_safety=True),
        RiskClass.HIGH, "annexe III, point 2", id="road-traffic-light-control",
    ),
    pytest.param(
        dict(domain=Domain.HR, recruitment=True, profiling=True),
        RiskClass.HIGH, "annexe III, point 4 a)", id="cv-sorting-for-recruitment",
    ),
]


@pytest.mark.parametrize("answers, risk_class, reference", SOURCE_CASES)
def test_it_classes_the_source_document_cases(answers, risk_class, reference):
    result = classify(Answers(**answers))
    assert result.risk_class is risk_class
    assert reference in references(result.reasons)


def test_it_says_what_video_analytics_without_biometrics_is():
    result = classify(Answers(technique=Technique.COMPUTER_VISION, domain=Domain.PUBLIC_SAFETY))
    assert result.risk_class is RiskClass.MINIMAL
    assert "art. 5, § 1, h) ; annexe III, point 1" in references(result.notes)


def test_it_drops_the_video_note_once_biometrics_are_involved():
    result = classify(Answers(technique=Technique.COMPUTER_VISION, remote_biometric_identification=True))
    assert result.risk_class is RiskClass.HIGH
    assert result.notes == ()
