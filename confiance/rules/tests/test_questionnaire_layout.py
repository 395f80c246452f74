"""Tests of confiance.rules.questionnaire: every question asked once, in plain French, gates that skip."""

from confiance.rules.answers import Answers
from confiance.rules.questionnaire import PLAIN, SECTIONS, check_layout, next_section, position, skipped_sections


def test_every_yes_no_question_is_asked_once_with_a_plain_wording():
    assert check_layout() == {"missing": [], "repeated": [], "not_yes_no": [], "no_plain_wording": [],
                              "choices_not_shown": []}
    assert all(text.endswith("?") for text in PLAIN.values())
    assert [s.slug for s in SECTIONS][:3] == ["usage", "donnees", "decisions"]


def test_a_commune_never_sees_migration_or_police_questions_nor_dpia_criteria_without_personal_data():
    commune = Answers()
    assert position("decisions", commune) == (3, 6)
    assert {s.slug for s, _ in skipped_sections(commune)} == {"repressif", "migrations", "aipd"}
    assert next_section("haut-risque", commune).slug == "transparence"


def test_a_gate_answered_yes_or_unknown_opens_its_section():
    assert next_section("haut-risque", Answers(acts_for_law_enforcement=True)).slug == "repressif"
    unsure = Answers(unknown=frozenset({"acts_for_migration_authority", "personal_data"}))
    assert position("migrations", unsure) == (6, 8)
    assert position("aipd", Answers(recruitment=True, personal_data=True))[0] is not None
