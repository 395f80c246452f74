"""Property tests over arbitrary answers: the rules never raise, never lower risk when a risk is added."""

import dataclasses
import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.rules.ai_act import RiskClass, classify
from confiance.rules.answers import Answers, question_fields, risk_raising_fields
from confiance.rules.checks import run_all
from confiance.rules.ethics import needs_ethics_referral
from confiance.rules.gdpr import assess_dpia

HINTS = typing.get_type_hints(Answers)


def _strategy_for(kind):
    if kind is bool:
        return st.booleans()
    return st.sampled_from(list(kind))


answers_strategy = st.builds(Answers, **{f.name: _strategy_for(HINTS[f.name]) for f in question_fields()})
RAISING = risk_raising_fields()


@settings(max_examples=300)
@given(answers_strategy, st.sampled_from(RAISING))
def test_it_never_lowers_the_class_when_a_risk_is_added(answers, name):
    before = classify(dataclasses.replace(answers, **{name: False}))
    after = classify(dataclasses.replace(answers, **{name: True}))
    assert after.risk_class.rank >= before.risk_class.rank


@settings(max_examples=200)
@given(answers_strategy, st.sampled_from(RAISING))
def test_it_never_drops_a_dpia_or_referral_when_a_risk_is_added(answers, name):
    before = dataclasses.replace(answers, **{name: False})
    after = dataclasses.replace(answers, **{name: True})
    assert assess_dpia(after).required >= assess_dpia(before).required
    assert needs_ethics_referral(after).required >= needs_ethics_referral(before).required


@settings(max_examples=300)
@given(answers_strategy)
def test_it_gives_a_cited_reason_for_every_non_minimal_class(answers):
    result = classify(answers)
    if result.risk_class is not RiskClass.MINIMAL:
        assert result.reasons
        assert all(r.citation.reference and r.citation.source for r in result.reasons)
    assert result.obligations


@settings(max_examples=200)
@given(answers_strategy, st.one_of(st.none(), st.floats(0, 1e6)), st.one_of(st.none(), st.floats(0, 1e6)))
def test_it_never_raises_and_always_serialises(answers, estimate, threshold):
    import json

    from confiance.rules.charter import RecordState

    report = run_all(answers, RecordState(carbon_estimate_kg=estimate), carbon_threshold_kg=threshold)
    json.dumps(report.as_dict())
    assert Answers.from_dict(answers.as_dict()) == answers
