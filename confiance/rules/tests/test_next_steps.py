"""Tests of confiance.rules.next_steps: what to do after the checks, who acts, and which form."""

from confiance.rules.answers import Answers
from confiance.rules.checks import run_all
from confiance.rules.next_steps import Progress, next_steps


def steps(answers, **progress):
    report = run_all(Answers.from_dict(answers)).as_dict()
    return {s.code: s for s in next_steps(report, Progress(questionnaire_started=True, **progress))}


def test_a_high_risk_system_with_personal_data_gets_dpia_fria_registration_and_supplier_steps():
    result = steps({"public_benefits_eligibility": True})
    assert list(result)[:3] == ["dpia", "fria", "eu_database"]
    assert result["dpia"].form == "dpia" and "DPO" in result["dpia"].who
    assert result["fria"].citation.reference == "art. 27"
    assert "fournisseur" in result["ask_supplier"].who
    assert "provider_duties" not in result


def test_a_provider_gets_its_own_duties_instead_of_asking_a_supplier():
    result = steps({"public_benefits_eligibility": True, "develops_own_system": True})
    assert "provider_duties" in result and "ask_supplier" not in result
    assert result["provider_duties"].citation.reference == "art. 16 à 22"


def test_steps_disappear_once_done_and_the_dpo_validates():
    result = steps({"public_benefits_eligibility": True}, dpia_recorded=True, fria_recorded=True,
                   eu_database_recorded=True, ethics_opinion_recorded=True)
    assert "dpia" not in result and "fria" not in result and "ethics_referral" not in result
    assert result["dpia_validation"].who == "le DPO"


def test_open_points_and_a_chatbot_notice_come_first_and_last():
    result = steps({"technique": "generative", "interacts_directly_with_people": True, "citizen_facing": True,
                    "personal_data": "unknown"})
    assert list(result)[0] == "open_points" and result["open_points"].form == "questionnaire"
    assert result["notice"].form == "notice"
    assert "dpia" not in result


def test_a_prohibited_practice_must_be_documented():
    result = steps({"social_scoring": True})
    assert result["prohibited"].citation.reference == "art. 5"
    assert "dpia" in result  # the DPIA documents the refusal
