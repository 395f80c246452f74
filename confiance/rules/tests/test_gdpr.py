"""Tests for confiance.rules.gdpr: DPIA (art. 35, WP248 criteria, CNIL list) and art. 22."""

import pytest

from confiance.rules.answers import Answers, Domain, PeopleMagnitude, Technique
from confiance.rules.citations import CNIL_DPIA_LIST, DDHC, EDPB_DPIA_GUIDELINES, GDPR
from confiance.rules.gdpr import RULESET_VERSION, Criterion, assess_article_22, assess_dpia
from confiance.rules.human_primacy import DecisionRole


def cited(reasons):
    return [(r.citation.source, r.citation.reference) for r in reasons]


def test_it_requires_no_dpia_without_personal_data():
    result = assess_dpia(Answers(systematic_monitoring=True, combines_datasets=True, large_scale=True))
    assert result.required is False
    assert cited(result.reasons) == [(GDPR, "art. 2, § 1")]


EACH_CRITERION = [
    ({"evaluation_or_scoring": True}, Criterion.EVALUATION_OR_SCORING, "critère 1"),
    ({"profiling": True}, Criterion.EVALUATION_OR_SCORING, "critère 1"),
    ({"decision_role": DecisionRole.DECIDES_ALONE}, Criterion.AUTOMATED_DECISION, "critère 2"),
    ({"systematic_monitoring": True}, Criterion.SYSTEMATIC_MONITORING, "critère 3"),
    ({"sensitive_data": True}, Criterion.SENSITIVE_DATA, "critère 4"),
    ({"offence_data": True}, Criterion.SENSITIVE_DATA, "critère 4"),
    ({"highly_personal_data": True}, Criterion.SENSITIVE_DATA, "critère 4"),
    ({"large_scale": True}, Criterion.LARGE_SCALE, "critère 5"),
    ({"people_magnitude": PeopleMagnitude.GTE100K}, Criterion.LARGE_SCALE, "critère 5"),
    ({"people_magnitude": PeopleMagnitude.LT100K}, Criterion.LARGE_SCALE, "critère 5"),
    ({"combines_datasets": True}, Criterion.COMBINED_DATASETS, "critère 6"),
    ({"vulnerable_people": True}, Criterion.VULNERABLE_PEOPLE, "critère 7"),
    ({"minors_data": True}, Criterion.VULNERABLE_PEOPLE, "critère 7"),
    ({"innovative_use": True}, Criterion.INNOVATIVE_USE, "critère 8"),
    ({"technique": Technique.DEEP_LEARNING}, Criterion.INNOVATIVE_USE, "critère 8"),
    ({"prevents_right_or_service": True}, Criterion.PREVENTS_RIGHT_OR_SERVICE, "critère 9"),
]


@pytest.mark.parametrize("answers, criterion, reference", EACH_CRITERION)
def test_it_counts_each_criterion_alone_as_not_enough(answers, criterion, reference):
    result = assess_dpia(Answers(personal_data=True, **answers))
    assert result.criteria == (criterion,)
    assert result.required is False
    assert (EDPB_DPIA_GUIDELINES, reference) in cited(result.reasons)


def test_it_does_not_count_a_small_population_as_large_scale():
    result = assess_dpia(Answers(personal_data=True, people_magnitude=PeopleMagnitude.LT10K))
    assert result.criteria == ()


COUNTS = [
    pytest.param({}, 0, False, id="0-criteria"),
    pytest.param({"combines_datasets": True}, 1, False, id="1-criterion"),
    pytest.param({"combines_datasets": True, "vulnerable_people": True}, 2, True, id="2-criteria"),
    pytest.param({"combines_datasets": True, "vulnerable_people": True, "innovative_use": True}, 3, True,
                 id="3-criteria"),
]


@pytest.mark.parametrize("answers, count, required", COUNTS)
def test_it_requires_a_dpia_from_two_criteria(answers, count, required):
    result = assess_dpia(Answers(personal_data=True, **answers))
    assert len(result.criteria) == count
    assert result.required is required
    assert (GDPR, "art. 35, § 1") in cited(result.reasons)
    assert (f"{count} critère" in result.reasons[0].text) or (f"{count} critères" in result.reasons[0].text)


CNIL_ITEMS = [
    ("cnil_health_care_establishment", 1),
    ("cnil_genetic_vulnerable", 2),
    ("cnil_hr_profiling", 3),
    ("cnil_employee_monitoring", 4),
    ("cnil_social_health_alerts", 5),
    ("cnil_professional_alerts", 6),
    ("cnil_health_data_warehouse", 7),
    ("cnil_profiling_contract_exclusion", 8),
    ("cnil_shared_contract_breaches", 9),
    ("cnil_profiling_external_sources", 10),
    ("cnil_biometric_vulnerable", 11),
    ("cnil_social_housing", 12),
    ("cnil_social_support", 13),
    ("cnil_large_scale_location", 14),
]


@pytest.mark.parametrize("field, point", CNIL_ITEMS)
def test_it_requires_a_dpia_for_each_cnil_list_item(field, point):
    result = assess_dpia(Answers(**{field: True}))
    assert result.required is True
    assert result.cnil_items == (field,)
    assert (CNIL_DPIA_LIST, f"point {point}") in cited(result.reasons)


ARTICLE_35_3 = [
    ({"profiling": True, "decision_role": DecisionRole.DECIDES_ALONE}, "art. 35, § 3, a)"),
    ({"sensitive_data": True, "large_scale": True}, "art. 35, § 3, b)"),
    ({"offence_data": True, "people_magnitude": PeopleMagnitude.GTE100K}, "art. 35, § 3, b)"),
    ({"personal_data": True, "systematic_monitoring": True, "large_scale": True}, "art. 35, § 3, c)"),
]


@pytest.mark.parametrize("answers, reference", ARTICLE_35_3)
def test_it_requires_a_dpia_for_the_cases_of_article_35_3(answers, reference):
    result = assess_dpia(Answers(**answers))
    assert result.required is True
    assert (GDPR, reference) in cited(result.reasons)


def test_it_requires_a_dpia_for_a_social_benefit_fraud_score():
    answers = Answers(domain=Domain.SOLIDARITY, personal_data=True, profiling=True, combines_datasets=True,
                      public_benefits_eligibility=True, prevents_right_or_service=True)
    result = assess_dpia(answers)
    assert result.required is True
    assert set(result.criteria) == {Criterion.EVALUATION_OR_SCORING, Criterion.COMBINED_DATASETS,
                                    Criterion.PREVENTS_RIGHT_OR_SERVICE}
    assert result.ruleset_version == RULESET_VERSION


ROLES = [
    (DecisionRole.DECIDES_ALONE, True, [(GDPR, "art. 22"), (DDHC, "art. 15")]),
    (DecisionRole.PREPARES, False, [(GDPR, "art. 22")]),
    (DecisionRole.NONE, False, [(GDPR, "art. 22")]),
]


@pytest.mark.parametrize("role, forbidden, citations", ROLES)
def test_it_forbids_only_a_system_that_decides_alone(role, forbidden, citations):
    result = assess_article_22(Answers(decision_role=role))
    assert result.forbidden is forbidden
    assert cited(result.reasons)[: len(citations)] == citations


def test_it_forbids_deciding_alone_whatever_else_is_answered():
    answers = Answers(decision_role=DecisionRole.DECIDES_ALONE, narrow_procedural_task=True,
                      domain=Domain.WASTE, technique=Technique.RULES)
    assert assess_article_22(answers).forbidden is True
