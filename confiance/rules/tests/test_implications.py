"""Tests of confiance.rules.implications: the table, its sources, and the examples the issue names."""

import pytest

from confiance.rules.answers import Answers, yes_no_fields
from confiance.rules.citations import AI_ACT, CNIL_DPIA_LIST, EDPB_DPIA_GUIDELINES, GDPR
from confiance.rules.implications import IMPLICATIONS, derive


def implied(answers, contested=()):
    return {i.field for i in derive(answers, contested).implied}


def test_every_row_cites_a_known_text_and_concludes_a_yes_no_question():
    assert len(IMPLICATIONS) >= 100
    for row in IMPLICATIONS:
        assert row.citation.source in {GDPR, AI_ACT, EDPB_DPIA_GUIDELINES, CNIL_DPIA_LIST}, row.code
        assert row.citation.reference and row.text.endswith("."), row.code
        assert row.conclusion in yes_no_fields(), row.code
        assert row.conclusion not in {name for name, _ in row.premises}, row.code


EXAMPLES = [
    pytest.param({"remote_biometric_identification": True}, {"biometric_data", "sensitive_data", "personal_data"},
                 id="face-identification-is-sensitive-data"),
    pytest.param({"biometric_categorisation": True}, {"biometric_data", "sensitive_data"}, id="categorisation"),
    pytest.param({"recruitment": True}, {"personal_data", "evaluation_or_scoring", "prevents_right_or_service"},
                 id="recruitment"),
    pytest.param({"worker_management": True}, {"personal_data", "concerns_agents", "vulnerable_people"},
                 id="worker-management"),
    pytest.param({"public_benefits_eligibility": True}, {"prevents_right_or_service", "personal_data"},
                 id="benefits-criterion-9"),
    pytest.param({"social_scoring": True}, {"evaluation_or_scoring", "personal_data"}, id="social-scoring"),
    pytest.param({"profiling": True}, {"evaluation_or_scoring"}, id="profiling-criterion-1"),
    pytest.param({"creditworthiness": True}, {"prevents_right_or_service", "highly_personal_data"}, id="credit"),
    pytest.param({"education_admission": True}, {"prevents_right_or_service", "concerns_pupils",
                                                 "vulnerable_people"}, id="admission"),
    pytest.param({"exam_proctoring": True}, {"personal_data", "systematic_monitoring"}, id="proctoring"),
    pytest.param({"emotion_recognition": True, "concerns_agents": True}, {"systematic_monitoring"},
                 id="emotions-at-work"),
    pytest.param({"remote_biometric_identification": True, "publicly_accessible_space": True},
                 {"systematic_monitoring"}, id="identification-in-public"),
    pytest.param({"minors_data": True}, {"vulnerable_people"}, id="minors"),
    pytest.param({"concerns_pupils": True, "personal_data": True}, {"vulnerable_people"}, id="pupils"),
    pytest.param({"asylum_visa_examination": True}, {"acts_for_migration_authority", "vulnerable_people"},
                 id="asylum-gate"),
]


@pytest.mark.parametrize("answers, expected", EXAMPLES)
def test_it_reads_the_answers_together(answers, expected):
    assert expected <= implied(Answers(**answers))


def test_it_needs_every_premise():
    assert "systematic_monitoring" not in implied(Answers(remote_biometric_identification=True))


def test_a_contested_implication_stops_applying_but_another_may_still_hold():
    answers = Answers(worker_management=True)
    assert "vulnerable_people" not in implied(answers, {"vulnerable_from_concerns_agents"})
    both = Answers(worker_management=True, minors_data=True)
    assert "vulnerable_people" in implied(both, {"vulnerable_from_concerns_agents"})
    derivation = derive(answers, {"vulnerable_from_concerns_agents", "no_such_code"})
    assert derivation.contested == ("vulnerable_from_concerns_agents",)


def test_an_open_point_triggers_nothing_but_is_answered_by_a_known_premise():
    unknown_premise = Answers(unknown=frozenset({"recruitment"}))
    assert implied(unknown_premise) == set()
    answered = derive(Answers(recruitment=True, unknown=frozenset({"personal_data"})))
    assert answered.answers.personal_data is True and "personal_data" not in answered.answers.unknown


def test_it_says_which_answers_an_implied_one_comes_from():
    item = next(i for i in derive(Answers(recruitment=True)).implied if i.field == "personal_data")
    data = item.as_dict()
    assert data["premises"] == ["recruitment"]
    assert data["premise_questions"][0].startswith("Le système sert-il au recrutement")
    assert data["cited"] == f"{GDPR}, art. 4, point 1"
