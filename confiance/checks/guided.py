"""The guided questionnaire's Django side: what each section shows, and saving one section.

The layout (sections, gates, plain wording) is plain Python in
confiance/rules/questionnaire.py; this module reads a record's stored answers
and what the record already says, and saves one section at a time.
"""

from django.db import transaction

from confiance.checks.inputs import answers_for, contested_for, prefill_for, stored_answers
from confiance.checks.models import ContestedImplication, Questionnaire
from confiance.rules import implications
from confiance.rules.answers import UNKNOWN, question_fields
from confiance.rules.questionnaire import BY_SLUG, PLAIN, open_sections, position

QUESTIONS = {f.name: f.metadata["question"] for f in question_fields()}

YES, NO = "yes", "no"
TO_CHOICE = {True: YES, False: NO, UNKNOWN: UNKNOWN}
FROM_CHOICE = {YES: True, NO: False, UNKNOWN: UNKNOWN}


def derived_answers(system):
    """Return the record's answers after the implication table, as the gates read them."""
    return implications.derive(answers_for(system), contested_for(system)).answers


def section_state(system, slug):
    """Return what the page of section `slug` needs: initial choices, their origin, progress, neighbours."""
    section = BY_SLUG[slug]
    stored = stored_answers(system)
    questionnaire = getattr(system, "questionnaire", None)
    from_record = set(questionnaire.from_record) if questionnaire is not None else set()
    prefill = prefill_for(system)
    derivation = implications.derive(answers_for(system), contested_for(system))
    initial, origins, implied = {}, {}, {}
    for name in section.fields:
        if name in stored:
            initial[name] = TO_CHOICE[stored[name]]
            if name in from_record:
                origins[name] = prefill.get(name, (None, "la fiche du système"))[1]
        elif name in prefill:
            initial[name] = TO_CHOICE[prefill[name][0]]
            origins[name] = prefill[name][1]
    for item in derivation.implied:
        if item.field in section.fields and stored.get(item.field) is not True:
            premises = [PLAIN.get(n) or QUESTIONS[n] for n, _ in item.implication.premises]
            implied.setdefault(item.field, []).append({"premises": premises, "cited": str(item.implication.citation),
                                                       "text": item.implication.text})
    number, total = position(slug, derivation.answers)
    return {"section": section, "initial": initial, "origins": origins, "implied": implied,
            "number": number, "total": total, "answers": derivation.answers}


@transaction.atomic
def save_section(system, slug, choices, person):
    """Store the answers of one section (`choices`: question -> "yes" / "no" / "unknown" / "").

    An empty choice removes the stored answer. A choice equal to what the record
    said, for a question not answered before, is remembered as taken from the
    record. Return the Questionnaire.
    """
    section = BY_SLUG[slug]
    questionnaire = Questionnaire.objects.select_for_update().filter(system=system).first() \
        or Questionnaire(system=system)
    answers = dict(questionnaire.answers)
    from_record = set(questionnaire.from_record)
    prefill = prefill_for(system)
    for name in section.fields:
        choice = choices.get(name, "")
        if choice not in FROM_CHOICE:
            answers.pop(name, None)
            from_record.discard(name)
            continue
        value = FROM_CHOICE[choice]
        if name in prefill and prefill[name][0] == value and (name not in answers or name in from_record):
            from_record.add(name)
        else:
            from_record.discard(name)
        answers[name] = value
    questionnaire.answers = answers
    questionnaire.from_record = sorted(from_record)
    questionnaire._history_user = person
    questionnaire._change_reason = f"Questionnaire : section « {section.title} »"[:100]
    questionnaire.save()
    return questionnaire


def first_section(system):
    return open_sections(derived_answers(system))[0]


@transaction.atomic
def contest(system, code, justification, person):
    """Record `person`'s written objection to implication `code` on `system`; it then stops applying."""
    contested = ContestedImplication(system=system, code=code, justification=justification, contested_by=person)
    contested._history_user = person
    contested.save()
    return contested


@transaction.atomic
def withdraw(contested, person):
    """Withdraw a contest: the implication applies again; the history keeps both acts."""
    contested._history_user = person
    contested.delete()
