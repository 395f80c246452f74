"""Carry the one-page questionnaire's stored answers into the guided one, losing nothing.

Every stored key is still a question of the guided questionnaire, so answers
stay as they were. The guided questionnaire opens the law-enforcement and
migration sections only behind a gate question, which the one-page form never
asked: a questionnaire that already answered "yes" to one of those sections'
questions gets its gate answered "yes", so the section and its answers stay
visible. Going back removes nothing either: the gates are ordinary answers.
"""

from django.db import migrations

GATES = {
    "acts_for_law_enforcement": (
        "law_enforcement_victim_risk", "law_enforcement_polygraph", "law_enforcement_evidence_reliability",
        "law_enforcement_offending_risk", "law_enforcement_profiling",
        "realtime_biometric_identification_law_enforcement",
    ),
    "acts_for_migration_authority": (
        "migration_polygraph", "migration_risk_assessment", "asylum_visa_examination",
        "migration_person_identification",
    ),
}


def open_gates(answers):
    """Return `answers` with each gate set to True when one of its questions is True; never remove a key."""
    updated = dict(answers)
    for gate, names in GATES.items():
        if any(answers.get(name) is True for name in names) and updated.get(gate) is not True:
            updated[gate] = True
    return updated


def forwards(apps, schema_editor):
    Questionnaire = apps.get_model("checks", "Questionnaire")
    for questionnaire in Questionnaire.objects.all():
        updated = open_gates(questionnaire.answers or {})
        if updated != questionnaire.answers:
            Questionnaire.objects.filter(pk=questionnaire.pk).update(answers=updated)


class Migration(migrations.Migration):
    dependencies = [("checks", "0002_guided_questionnaire_and_contests")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
