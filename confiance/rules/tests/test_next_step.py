from datetime import date

import pytest

from confiance.rules.lifecycle import Actor, Status
from confiance.rules.next_step import ReviewFacts, is_overdue, next_step, status_line

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(("facts", "actor", "action"), [
    (ReviewFacts("draft"), Actor.OWNER, "soumettre"),
    (ReviewFacts("submitted"), Actor.INTERNAL_COMMITTEE, "instruction"),
    (ReviewFacts("under_review", internal_referral_open=True), Actor.INTERNAL_COMMITTEE, "avis du comité interne"),
    (ReviewFacts("under_review", internal_opinion_recorded=True, internal_opinion_favourable=True,
                 ethics_referral_needed=True), Actor.INTERNAL_COMMITTEE, "saisir le comité éthique"),
    (ReviewFacts("under_review", internal_opinion_recorded=True, internal_opinion_favourable=True,
                 ethics_referral_needed=True, ethics_referral_open=True), Actor.ETHICS_COMMITTEE,
     "avis du comité éthique"),
    (ReviewFacts("under_review", internal_opinion_recorded=True, internal_opinion_favourable=True,
                 ethics_referral_needed=True, ethics_opinion_recorded=True), Actor.INTERNAL_COMMITTEE, "décision"),
    (ReviewFacts("under_review", internal_opinion_recorded=True), Actor.INTERNAL_COMMITTEE, "refuser"),
    (ReviewFacts("approved_for_experimentation"), Actor.OWNER, "décrire l'expérimentation"),
    (ReviewFacts("experimenting"), Actor.OWNER, "évaluation"),
    (ReviewFacts("experimenting", evaluation_recorded=True), Actor.INTERNAL_COMMITTEE, "déploiement"),
    (ReviewFacts("deployed", open_conditions=2), Actor.OWNER, "2 conditions"),
    (ReviewFacts("deployed", yearly_review_due_on=TODAY), Actor.INTERNAL_COMMITTEE, "revue annuelle"),
    (ReviewFacts("suspended"), Actor.INTERNAL_COMMITTEE, "réexaminer"),
    (ReviewFacts("rejected"), Actor.OWNER, "retravailler"),
])
def test_it_names_who_must_act_and_what(facts, actor, action):
    step = next_step(facts)
    assert step.actor is actor
    assert action in step.action.lower()
    assert step.reason.citation  # every step says where it comes from


def test_it_expects_nobody_on_a_retired_or_quiet_deployed_record():
    assert next_step(ReviewFacts("retired")).actor is None
    assert next_step(ReviewFacts("deployed")).actor is None


def test_it_carries_the_deadline_and_says_when_it_is_passed():
    step = next_step(ReviewFacts("under_review", internal_referral_open=True, internal_deadline=date(2026, 11, 1)))
    assert step.due_on == date(2026, 11, 1)
    assert is_overdue(step, TODAY)
    assert not is_overdue(step, date(2026, 10, 1))


def test_it_marks_the_current_status_on_the_main_path():
    line = status_line("under_review")
    assert [s.state for s in line] == ["done", "done", "current", "to_come", "to_come", "to_come"]
    assert line[0].label == "Brouillon"


def test_it_adds_an_off_path_status_and_marks_only_the_steps_reached():
    line = status_line("retired", reached={"draft", "submitted"})
    assert line[-1].status is Status.RETIRED and line[-1].state == "current"
    assert [s.state for s in line[:3]] == ["done", "done", "skipped"]
