"""Tests for confiance.rules.ethics: every trigger of a referral to the ethics committee."""

import pytest

from confiance.rules.ai_act import classify
from confiance.rules.answers import Answers, Domain, Technique
from confiance.rules.citations import MONTPELLIER_LAWS, MONTPELLIER_STRATEGY
from confiance.rules.ethics import RULESET_VERSION, needs_ethics_referral
from confiance.rules.gdpr import assess_dpia


def cited(result):
    return [(r.citation.source, r.citation.reference) for r in result.reasons]


def texts(result):
    return " ".join(r.text for r in result.reasons)


TRIGGERS = [
    pytest.param({"social_scoring": True}, "pratique interdite", id="prohibited"),
    pytest.param({"recruitment": True}, "haut risque", id="high-risk"),
    pytest.param({"cnil_social_housing": True}, "AIPD", id="dpia-required"),
    pytest.param({"domain": Domain.HEALTH}, "santé", id="health"),
    pytest.param({"domain": Domain.EDUCATION}, "éducation", id="education"),
    pytest.param({"domain": Domain.PUBLIC_SAFETY}, "maintien de l'ordre", id="public-safety"),
    pytest.param({"domain": Domain.SOLIDARITY}, "prestations sociales", id="solidarity"),
    pytest.param({"domain": Domain.EARLY_CHILDHOOD}, "petite enfance", id="early-childhood"),
    pytest.param({"public_benefits_eligibility": True, "preparatory_task_only": True}, "services publics",
                 id="essential-services-despite-derogation"),
    pytest.param({"minors_data": True}, "mineurs", id="minors"),
    pytest.param({"vulnerable_people": True}, "vulnérables", id="vulnerable-people"),
    pytest.param({"technique": Technique.GENERATIVE, "citizen_facing": True}, "générative", id="generative-citizen"),
]


@pytest.mark.parametrize("answers, phrase", TRIGGERS)
def test_it_refers_each_sensitive_case(answers, phrase):
    result = needs_ethics_referral(Answers(**answers))
    assert result.required is True
    assert phrase in texts(result)
    assert (MONTPELLIER_LAWS, "loi 5") in cited(result)
    assert any(source == MONTPELLIER_STRATEGY for source, _ in cited(result))


def test_it_does_not_refer_a_waste_optimisation():
    answers = Answers(domain=Domain.WASTE, technique=Technique.OPTIMISATION)
    result = needs_ethics_referral(answers, classify(answers), assess_dpia(answers))
    assert result.required is False
    assert (MONTPELLIER_LAWS, "loi 5") not in cited(result)
    assert result.ruleset_version == RULESET_VERSION


def test_it_does_not_refer_generative_ai_for_agents_only():
    assert needs_ethics_referral(Answers(technique=Technique.GENERATIVE)).required is False


CARBON = [
    (1200.0, 1000.0, True),
    (800.0, 1000.0, False),
    (1000.0, 1000.0, False),
    (5000.0, None, False),
    (None, 10.0, False),
]


@pytest.mark.parametrize("estimate, threshold, required", CARBON)
def test_it_refers_a_system_above_the_carbon_threshold(estimate, threshold, required):
    result = needs_ethics_referral(Answers(domain=Domain.WASTE), carbon_kg_co2e=estimate,
                                   carbon_threshold_kg=threshold)
    assert result.required is required
    assert ("empreinte carbone" in texts(result)) is required


def test_it_reports_every_reason_not_only_the_first():
    answers = Answers(domain=Domain.HEALTH, minors_data=True, recruitment=True)
    result = needs_ethics_referral(answers)
    assert all(phrase in texts(result) for phrase in ("santé", "mineurs", "haut risque"))
    assert len(result.reasons) >= 4
