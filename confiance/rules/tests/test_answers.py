"""Tests for confiance.rules.answers: validation and the generated JSON Schema."""


import jsonschema
import pytest

from confiance.rules.answers import (
    Answers,
    Domain,
    PeopleMagnitude,
    answers_json_schema,
    question_fields,
    risk_raising_fields,
)
from confiance.rules.human_primacy import DecisionRole


def test_it_builds_answers_from_a_dict_with_enums():
    answers = Answers.from_dict({"domain": "health", "decision_role": "prepares", "people_magnitude": "lt1k",
                                 "personal_data": True})
    assert answers.domain is Domain.HEALTH
    assert answers.decision_role is DecisionRole.PREPARES
    assert answers.people_magnitude is PeopleMagnitude.LT1K
    assert answers.personal_data is True
    assert answers.social_scoring is False


def test_it_round_trips_through_as_dict():
    answers = Answers(domain=Domain.WATER, recruitment=True)
    assert Answers.from_dict(answers.as_dict()) == answers


BAD = [
    pytest.param({"nope": True}, "Champ inconnu : « nope »", id="unknown-key"),
    pytest.param({"personal_data": 1}, "« personal_data » attend un booléen", id="int-for-bool"),
    pytest.param({"personal_data": "true"}, "« personal_data » attend un booléen", id="str-for-bool"),
    pytest.param({"decision_role": "maybe"}, "« decision_role » n'accepte que", id="bad-enum"),
    pytest.param({"domain": None}, "« domain » n'accepte que", id="null-enum"),
]


@pytest.mark.parametrize("data, message", BAD)
def test_it_rejects_bad_answers_naming_the_field(data, message):
    with pytest.raises(ValueError, match=message):
        Answers.from_dict(data)


def test_it_reports_every_faulty_field_at_once():
    with pytest.raises(ValueError) as error:
        Answers.from_dict({"a": 1, "profiling": "x"})
    assert "« a »" in str(error.value) and "« profiling »" in str(error.value)


def test_it_gives_every_question_french_text_and_a_group():
    for f in question_fields():
        assert f.metadata["question"].endswith("?"), f.name
        assert f.metadata["group"] in {"register", "ai_act", "gdpr", "ethics"}, f.name


def test_it_generates_a_valid_draft_2020_12_schema():
    schema = answers_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {f.name for f in question_fields()}
    assert schema["properties"]["decision_role"]["enum"] == ["none", "prepares", "decides_alone"]
    assert schema["properties"]["domain"]["description"].startswith("Dans quel domaine")
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(Answers(recruitment=True).as_dict())
    assert not validator.is_valid({"recruitment": "yes"})
    assert not validator.is_valid({"unknown": True})
    assert validator.is_valid({"profiling": "unknown"})
    assert not validator.is_valid({"domain": "unknown"})


def test_it_marks_derogations_as_not_raising_risk():
    raising = set(risk_raising_fields())
    assert "social_scoring" in raising and "profiling" in raising
    assert not {"narrow_procedural_task", "emotion_recognition_medical_or_safety",
                "generated_text_human_reviewed"} & raising


def test_it_reads_unknown_as_an_open_point_and_writes_it_back():
    answers = Answers.from_dict({"profiling": "unknown", "recruitment": True})
    assert answers.profiling is False
    assert answers.unknown == frozenset({"profiling"})
    assert answers.as_dict()["profiling"] == "unknown"
    assert Answers.from_dict(answers.as_dict()) == answers


def test_it_accepts_unknown_only_for_yes_no_questions():
    with pytest.raises(ValueError, match="« domain » n'accepte que"):
        Answers.from_dict({"domain": "unknown"})
    with pytest.raises(ValueError, match="oui / non"):
        Answers(unknown=frozenset({"domain"}))
