import pytest

from confiance.checks.models import CheckResult, Questionnaire
from confiance.rules import ai_act

pytestmark = pytest.mark.django_db


def test_it_computes_the_checks_when_a_record_is_saved(cast):
    result = CheckResult.objects.get(system=cast.system)
    assert result.risk_class == "minimal"
    assert result.versions["ai_act"] == ai_act.RULESET_VERSION
    assert result.report["computed_at"]


def test_it_recomputes_when_an_answer_changes_and_keeps_the_old_result(cast):
    Questionnaire.objects.create(system=cast.system, answers={"recruitment": True})
    result = CheckResult.objects.get(system=cast.system)
    assert result.risk_class == "high"
    assert any("annexe III, point 4 a)" in r["cited"] for r in result.report["ai_act"]["reasons"])
    assert result.history.filter(risk_class="minimal").exists()


def test_it_reads_the_record_facts_and_flags_automated_decisions(cast):
    cast.system.personal_data = True
    cast.system.minors_data = True
    cast.system.save()
    result = CheckResult.objects.get(system=cast.system)
    assert result.ethics_referral_needed
    outcomes = dict(cast.system.law_outcomes.values_list("number", "outcome"))
    assert outcomes[10] == "to_do"  # personal data without a bias audit
    assert outcomes[3] in {"met", "to_do"}


def test_law_1_is_to_do_until_a_citizen_benefit_is_stated(cast):
    assert dict(cast.system.law_outcomes.values_list("number", "outcome"))[1] == "to_do"
    cast.system.citizen_benefit = "Des rues plus propres."
    cast.system.save()
    assert dict(cast.system.law_outcomes.values_list("number", "outcome"))[1] == "met"


def test_the_record_yes_wins_and_its_no_only_fills_what_the_questionnaire_leaves_open(cast):
    cast.system.personal_data = True
    cast.system.save()
    Questionnaire.objects.create(system=cast.system, answers={"personal_data": "unknown", "citizen_facing": "unknown"})
    report = CheckResult.objects.get(system=cast.system).report
    assert report["personal_data"] is True
    assert [p["field"] for p in report["open_points"]] == ["citizen_facing"]  # the record's "no" does not settle it
