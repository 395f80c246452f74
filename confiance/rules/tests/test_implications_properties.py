"""Property tests of the implication table and of open points over arbitrary answers.

- adding an answer never removes an implied one (monotonicity);
- applying the table twice changes nothing (a fixed point is reached);
- an implication that applies never lowers the class, the DPIA or the referral
  (contesting one never raises them);
- an open point gives a result "at least" what the known answers say, never
  above what it could become.
"""

import dataclasses
import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.rules.answers import Answers, question_fields, risk_raising_fields, yes_no_fields
from confiance.rules.checks import resolve_open_points, run_all
from confiance.rules.implications import IMPLICATIONS, derive

HINTS = typing.get_type_hints(Answers)
RAISING = risk_raising_fields()
CODES = [i.code for i in IMPLICATIONS]


def _strategy_for(kind):
    if kind is bool:
        return st.booleans()
    return st.sampled_from(list(kind))


@st.composite
def sparse_answers(draw):
    chosen = draw(st.lists(st.sampled_from(RAISING), max_size=6, unique=True))
    enums = {f.name: draw(_strategy_for(HINTS[f.name])) for f in question_fields() if HINTS[f.name] is not bool}
    unknown = draw(st.lists(st.sampled_from(yes_no_fields()), max_size=3, unique=True))
    unknown = frozenset(unknown) - set(chosen)
    return Answers(**{name: True for name in chosen}, **enums, unknown=unknown)


def _implied_fields(derivation):
    return {name for name in yes_no_fields() if getattr(derivation.answers, name)}


def _level(report):
    return (report.ai_act.risk_class.rank, report.dpia.required, report.ethics.required)


def _not_lower(after, before):
    return all(a >= b for a, b in zip(_level(after), _level(before), strict=True))


@settings(max_examples=300, deadline=None)
@given(sparse_answers(), st.sampled_from(RAISING))
def test_it_never_removes_an_implied_answer_when_an_answer_is_added(answers, name):
    before = derive(answers)
    after = derive(dataclasses.replace(answers, **{name: True}, unknown=answers.unknown - {name}))
    assert _implied_fields(before) <= _implied_fields(after)


@settings(max_examples=300, deadline=None)
@given(sparse_answers(), st.lists(st.sampled_from(CODES), max_size=4))
def test_it_reaches_a_fixed_point(answers, contested):
    once = derive(answers, contested)
    twice = derive(once.answers, contested)
    assert twice.answers == once.answers
    assert all(i.implication.holds(once.answers) for i in once.implied)


@settings(max_examples=200, deadline=None)
@given(sparse_answers(), st.sampled_from(CODES))
def test_it_never_lowers_class_dpia_or_referral_when_an_implication_applies(answers, code):
    without = run_all(answers, contested={code})
    with_it = run_all(answers)
    assert _not_lower(with_it, without)


@settings(max_examples=200, deadline=None)
@given(sparse_answers())
def test_it_gives_at_least_the_known_result_and_at_most_the_worst(answers):
    report = run_all(answers)
    known = run_all(dataclasses.replace(answers, unknown=frozenset()))
    least = resolve_open_points(report.derivation.answers, False)
    assert least.unknown == frozenset()
    if report.at_most is None:
        assert not report.open_points
        return
    from confiance.rules.ai_act import RiskClass

    worst = RiskClass(report.at_most["risk_class"])
    assert report.ai_act.risk_class.rank <= worst.rank
    assert known.ai_act.risk_class.rank <= worst.rank
    assert report.dpia.required <= report.at_most["dpia_required"]
    assert report.ethics.required <= report.at_most["ethics_referral_required"]


full_answers = st.builds(Answers, **{f.name: _strategy_for(HINTS[f.name]) for f in question_fields()})


@settings(max_examples=200, deadline=None)
@given(full_answers, st.sampled_from(CODES))
def test_it_never_lowers_anything_on_arbitrary_answers_either(answers, code):
    assert _not_lower(run_all(answers), run_all(answers, contested={code}))
    once = derive(answers)
    assert derive(once.answers).answers == once.answers
