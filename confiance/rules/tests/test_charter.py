"""Tests for confiance.rules.charter: the 10 laws checked on a record and on the organisation."""

import pytest

from confiance.rules.answers import Answers, Domain, Technique
from confiance.rules.charter import (
    MONTPELLIER_CHARTER,
    CheckKind,
    OrgFacts,
    Outcome,
    RecordState,
    evaluate_organisation,
    evaluate_record,
    meets_every_principle,
    organisation_principle_numbers,
    organisation_readings,
    with_organisation,
)
from confiance.rules.citations import GDPR, MONTPELLIER_LAWS
from confiance.rules.human_primacy import DecisionRole

DONE = RecordState(citizen_benefit="Moins d'attente au guichet.", dpia_recorded=True, carbon_estimate_kg=12.0,
                   ethics_opinion_recorded=True, notice_published=True, bias_audit_recorded=True)


def outcome_of(number, answers, state):
    outcomes = {o.number: o for o in evaluate_record(MONTPELLIER_CHARTER, answers, state)}
    return outcomes[number]


def test_it_binds_each_law_to_its_check():
    bound = {p.number: p.checks for p in MONTPELLIER_CHARTER.principles}
    assert bound == {
        1: (CheckKind.CITIZEN_UTILITY,), 2: (CheckKind.AGENTS_KEEP_DECISION,), 3: (CheckKind.DATA_PROTECTION,),
        4: (CheckKind.SOBRIETY,), 5: (CheckKind.ETHICS_REVIEW,), 6: (CheckKind.TRANSPARENCY_TO_USERS,),
        7: (CheckKind.AGENTS_TRAINING,), 8: (CheckKind.CITIZENS_TRAINING,), 9: (CheckKind.WOMEN_IN_AI_TEAMS,),
        10: (CheckKind.BIAS_VIGILANCE,),
    }
    assert all(p.citation == p.citation.__class__(MONTPELLIER_LAWS, f"loi {p.number}", p.citation.url)
               for p in MONTPELLIER_CHARTER.principles)


SENSITIVE = Answers(domain=Domain.SOLIDARITY, personal_data=True, citizen_facing=True, profiling=True,
                    combines_datasets=True)

RECORD_CASES = [
    pytest.param(1, Answers(), RecordState(), Outcome.TO_DO, "loi 1", id="law1-no-benefit"),
    pytest.param(1, Answers(), RecordState(citizen_benefit="  "), Outcome.TO_DO, "loi 1", id="law1-blank-benefit"),
    pytest.param(1, Answers(), DONE, Outcome.MET, "loi 1", id="law1-benefit-stated"),
    pytest.param(2, Answers(decision_role=DecisionRole.DECIDES_ALONE), DONE, Outcome.VIOLATED, "art. 22",
                 id="law2-decides-alone"),
    pytest.param(2, Answers(decision_role=DecisionRole.PREPARES), RecordState(), Outcome.MET, "loi 2",
                 id="law2-prepares"),
    pytest.param(3, SENSITIVE, RecordState(), Outcome.TO_DO, "loi 3", id="law3-dpia-missing"),
    pytest.param(3, SENSITIVE, DONE, Outcome.MET, "loi 3", id="law3-dpia-recorded"),
    pytest.param(3, Answers(personal_data=True), RecordState(), Outcome.MET, "loi 3", id="law3-no-dpia-needed"),
    pytest.param(3, Answers(), RecordState(), Outcome.NOT_APPLICABLE, "loi 3", id="law3-no-personal-data"),
    pytest.param(4, Answers(), RecordState(), Outcome.TO_DO, "loi 4", id="law4-no-carbon-estimate"),
    pytest.param(4, Answers(), RecordState(carbon_estimate_kg=0.0), Outcome.MET, "loi 4", id="law4-zero-estimate"),
    pytest.param(5, SENSITIVE, RecordState(), Outcome.TO_DO, "loi 5", id="law5-opinion-missing"),
    pytest.param(5, SENSITIVE, DONE, Outcome.MET, "loi 5", id="law5-opinion-recorded"),
    pytest.param(5, Answers(domain=Domain.WASTE), RecordState(), Outcome.NOT_APPLICABLE, "loi 5",
                 id="law5-not-sensitive"),
    pytest.param(6, Answers(citizen_facing=True), RecordState(), Outcome.TO_DO, "loi 6", id="law6-notice-missing"),
    pytest.param(6, Answers(citizen_facing=True), DONE, Outcome.MET, "loi 6", id="law6-notice-published"),
    pytest.param(6, Answers(), RecordState(), Outcome.NOT_APPLICABLE, "loi 6", id="law6-internal-tool"),
    pytest.param(7, Answers(), DONE, Outcome.NOT_APPLICABLE, "loi 7", id="law7-organisation-level"),
    pytest.param(10, Answers(personal_data=True), RecordState(), Outcome.TO_DO, "loi 10", id="law10-audit-missing"),
    pytest.param(10, Answers(personal_data=True), DONE, Outcome.MET, "loi 10", id="law10-audit-recorded"),
    pytest.param(10, Answers(technique=Technique.OPTIMISATION), RecordState(), Outcome.NOT_APPLICABLE, "loi 10",
                 id="law10-no-personal-data"),
]


@pytest.mark.parametrize("number, answers, state, outcome, reference", RECORD_CASES)
def test_it_evaluates_each_law_on_a_record(number, answers, state, outcome, reference):
    result = outcome_of(number, answers, state)
    assert result.outcome is outcome
    assert reference in [r.citation.reference for r in result.reasons]


def test_it_cites_gdpr_when_law_2_is_violated():
    result = outcome_of(2, Answers(decision_role=DecisionRole.DECIDES_ALONE), DONE)
    assert (GDPR, "art. 22") in [(r.citation.source, r.citation.reference) for r in result.reasons]


def test_it_refers_above_the_carbon_threshold():
    state = RecordState(carbon_estimate_kg=900.0)
    outcomes = evaluate_record(MONTPELLIER_CHARTER, Answers(domain=Domain.WASTE), state, carbon_threshold_kg=500)
    assert outcomes[4].outcome is Outcome.TO_DO


def test_it_asks_to_weigh_a_footprint_above_the_threshold_against_the_benefit():
    above = RecordState(carbon_estimate_kg=900.0)
    weighed = RecordState(carbon_estimate_kg=900.0, carbon_benefit_kg=4000.0)
    below = RecordState(carbon_estimate_kg=90.0)
    law_4 = [evaluate_record(MONTPELLIER_CHARTER, Answers(), s, carbon_threshold_kg=500)[3] for s in (above, weighed, below)]
    assert [o.outcome for o in law_4] == [Outcome.TO_DO, Outcome.MET, Outcome.MET]
    assert "bénéfice" in law_4[0].reasons[0].text and "4000" in law_4[1].reasons[0].text


def test_it_returns_one_outcome_per_principle_in_order():
    outcomes = evaluate_record(MONTPELLIER_CHARTER, Answers(), RecordState())
    assert [o.number for o in outcomes] == list(range(1, 11))


ORG_CASES = [
    pytest.param(OrgFacts(), {7: Outcome.NOT_APPLICABLE, 8: Outcome.TO_DO, 9: Outcome.NOT_APPLICABLE},
                 id="nothing-known"),
    pytest.param(OrgFacts(agents_trained=0, total_agents=300), {7: Outcome.TO_DO}, id="no-agent-trained"),
    pytest.param(OrgFacts(agents_trained=120, total_agents=300, citizen_training_events_this_year=3),
                 {7: Outcome.MET, 8: Outcome.MET}, id="agents-and-citizens-trained"),
    pytest.param(OrgFacts(women_in_ai_teams=2, people_in_ai_teams=10), {9: Outcome.TO_DO}, id="women-below-parity"),
    pytest.param(OrgFacts(women_in_ai_teams=5, people_in_ai_teams=10), {9: Outcome.MET}, id="women-at-parity"),
    pytest.param(OrgFacts(women_in_ai_teams=3, people_in_ai_teams=10, women_share_target=0.3), {9: Outcome.MET},
                 id="women-at-own-target"),
]


@pytest.mark.parametrize("facts, expected", ORG_CASES)
def test_it_evaluates_the_organisation_level_laws(facts, expected):
    result = evaluate_organisation(MONTPELLIER_CHARTER, facts)
    by_number = {o.number: o for o in result.outcomes}
    assert sorted(by_number) == [7, 8, 9]
    for number, outcome in expected.items():
        assert by_number[number].outcome is outcome
        assert by_number[number].reasons[0].citation.reference == f"loi {number}"


def test_it_computes_the_organisation_indicators():
    facts = OrgFacts(agents_trained=30, total_agents=120, citizen_training_events_this_year=2,
                     women_in_ai_teams=4, people_in_ai_teams=10)
    indicators = evaluate_organisation(MONTPELLIER_CHARTER, facts).indicators
    assert indicators == {"agents_trained_share": 0.25, "citizen_training_events_this_year": 2,
                          "women_share_in_ai_teams": 0.4}


@pytest.mark.parametrize("facts, law_8, all_met", [
    (OrgFacts(agents_trained=5, total_agents=100, citizen_training_events_this_year=1, women_in_ai_teams=2,
              people_in_ai_teams=4), "met", True),
    (OrgFacts(agents_trained=5, total_agents=100, citizen_training_events_this_year=0, women_in_ai_teams=2,
              people_in_ai_teams=4), "to_do", False),
])
def test_it_reads_laws_7_to_9_of_a_record_on_its_organisation(facts, law_8, all_met):
    record = [{"number": p.number, "title": p.title, "outcome": "not_applicable" if p.number in (7, 8, 9) else "met",
               "outcome_label": "", "reasons": []} for p in MONTPELLIER_CHARTER.principles]
    merged = with_organisation(record, MONTPELLIER_CHARTER, evaluate_organisation(MONTPELLIER_CHARTER, facts))
    assert [o["number"] for o in merged] == list(range(1, 11))
    assert merged[7]["outcome"] == law_8 and merged[6]["outcome"] == "met" and merged[8]["outcome"] == "met"
    assert merged[7]["reasons"][0]["text"].startswith("À l'échelle de la collectivité")
    assert record[7]["outcome"] == "not_applicable"  # the stored outcomes are left as they are
    assert meets_every_principle(merged) is all_met
    assert organisation_principle_numbers(MONTPELLIER_CHARTER) == {7, 8, 9}


def test_it_does_not_count_a_merely_not_applicable_principle_as_met():
    assert not meets_every_principle([{"number": 1, "outcome": "met"}, {"number": 5, "outcome": "not_applicable"}])
    assert not meets_every_principle([])


def test_it_gives_the_reading_of_only_the_organisation_level_principles():
    facts = OrgFacts(agents_trained=0, total_agents=80, citizen_training_events_this_year=1)
    readings = organisation_readings(MONTPELLIER_CHARTER, evaluate_organisation(MONTPELLIER_CHARTER, facts))
    assert {n: r["outcome"] for n, r in readings.items()} == {7: "to_do", 8: "met", 9: "not_applicable"}
    assert all(r["reasons"][0]["text"].startswith("À l'échelle de la collectivité") for r in readings.values())
