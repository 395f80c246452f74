"""The guided questionnaire: one section per page, saved at each step, gates, pre-fill and open points."""

import importlib

import pytest
from django.urls import reverse

from confiance.checks.inputs import answers_for
from confiance.checks.models import CheckResult, Questionnaire
from confiance.register.models import TransitionRefused
from confiance.review.transitions import transition

pytestmark = pytest.mark.django_db


def section_url(system, slug):
    return reverse("checks:section", args=[system.pk, slug])


def test_it_opens_at_the_first_section_with_progress_and_what_the_record_says(client, cast):
    cast.system.citizen_facing = True
    cast.system.save()
    client.force_login(cast.agent)
    response = client.get(reverse("checks:questionnaire", args=[cast.system.pk]))
    assert response.status_code == 302 and response.url == section_url(cast.system, "usage")
    html = client.get(response.url).content.decode()
    assert "Section 1 sur 6" in html
    assert "Je ne sais pas" in html and "Ce que dit le texte" in html
    assert "Pré-rempli d'après la fiche du système" in html
    assert "Déchets" in html  # the record's domain, shown, not asked
    assert 'value="yes" required' not in html  # answering is never forced


def test_it_saves_each_section_and_moves_to_the_next_one(client, cast):
    client.force_login(cast.agent)
    response = client.post(section_url(cast.system, "usage"), {"citizen_facing": "yes", "concerns_agents": "no",
                                                                "next": ""})
    assert response.status_code == 302 and response.url == section_url(cast.system, "donnees")
    stored = Questionnaire.objects.get(system=cast.system)
    assert stored.answers == {"citizen_facing": True, "concerns_agents": False}
    assert stored.from_record == ["concerns_agents"]  # the record said "usagers" only: left as it was
    assert stored.history.count() == 1
    back = client.post(section_url(cast.system, "donnees"), {"personal_data": "yes", "previous": ""})
    assert back.url == section_url(cast.system, "usage")
    assert Questionnaire.objects.get(system=cast.system).answers["personal_data"] is True


def test_it_skips_the_sections_whose_gate_is_no(client, cast):
    client.force_login(cast.agent)
    client.post(section_url(cast.system, "usage"), {"acts_for_migration_authority": "no",
                                                    "acts_for_law_enforcement": "no"})
    after_high_risk = client.post(section_url(cast.system, "haut-risque"), {})
    assert after_high_risk.url == section_url(cast.system, "transparence")
    after_transparency = client.post(section_url(cast.system, "transparence"), {})
    assert after_transparency.url.endswith("#prochaines-etapes-controles")  # no personal data: no DPIA section
    client.post(section_url(cast.system, "usage"), {"acts_for_migration_authority": "yes"})
    assert client.post(section_url(cast.system, "haut-risque"), {}).url == section_url(cast.system, "migrations")
    assert "Section 6 sur 7" in client.get(section_url(cast.system, "migrations")).content.decode()


def test_it_turns_je_ne_sais_pas_into_an_open_point_that_keeps_the_record_in_draft(client, cast):
    client.force_login(cast.agent)
    client.post(section_url(cast.system, "decisions"), {"recruitment": "yes", "profiling": "unknown"})
    result = CheckResult.objects.get(system=cast.system)
    assert [p["field"] for p in result.report["open_points"]] == ["profiling"]
    html = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "Points ouverts : 1 question en suspens" in html
    assert "au moins" in html
    with pytest.raises(TransitionRefused, match="je ne sais pas"):
        transition(cast.system, "submitted", cast.agent)
    cast.system.refresh_from_db()
    assert cast.system.status == "draft"
    client.post(section_url(cast.system, "decisions"), {"recruitment": "yes", "profiling": "no"})
    transition(cast.system, "submitted", cast.agent)
    cast.system.refresh_from_db()
    assert cast.system.status == "submitted"


def test_it_keeps_the_one_page_questionnaires_answers(cast):
    migration = importlib.import_module("confiance.checks.migrations.0003_questionnaire_gates")
    old = {"asylum_visa_examination": True, "profiling": True}
    assert migration.open_gates(old) == {**old, "acts_for_migration_authority": True}
    assert migration.open_gates({"recruitment": True}) == {"recruitment": True}
    Questionnaire.objects.create(system=cast.system, answers=old)
    answers = answers_for(cast.system)
    assert answers.asylum_visa_examination and answers.profiling


def test_it_shows_the_results_with_their_citations_on_the_record(client, cast):
    Questionnaire.objects.create(system=cast.system, answers={"public_benefits_eligibility": True, "profiling": True})
    client.force_login(cast.dpo)
    html = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "haut risque" in html
    assert "annexe III, point 5 a)" in html
    assert "art. 27" in html  # the FRIA is on the deployer's to-do list
    assert "à demander au fournisseur" in html
    assert "déduit de votre réponse à" in html
    assert "Répondre au questionnaire" not in html  # the DPO reads, does not edit


def test_it_forbids_the_questionnaire_to_readers(client, cast):
    client.force_login(cast.dpo)
    response = client.post(section_url(cast.system, "decisions"), {"profiling": "yes"})
    assert response.status_code == 403
    assert not Questionnaire.objects.filter(system=cast.system).exists()
    client.force_login(cast.agent)
    assert client.get(section_url(cast.system, "nope")).status_code == 404


def test_it_refuses_a_value_outside_oui_non_je_ne_sais_pas(client, cast):
    client.force_login(cast.agent)
    response = client.post(section_url(cast.system, "decisions"), {"profiling": "peut-être"})
    assert response.status_code == 200 and "profiling" in response.context["form"].errors
    assert not Questionnaire.objects.filter(system=cast.system).exists()
