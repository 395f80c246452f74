"""Completeness per standard: a record missing a field is incomplete for exactly the standards that require it."""

import json
from pathlib import Path

import pytest

from confiance.rules import dcat_vocabulary, publication_standards, transparency_standards
from confiance.rules.library_interconnectes import validate_row

ROOT = Path(__file__).resolve().parents[2]


def _schema(path):
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


INTERCONNECTES = _schema("library/schemas/interconnectes_IA-schema.json")
REQUIRED = {key: transparency_standards.required_fields(_schema(f"public/schemas/{spec[3]}"))
            for key, spec in transparency_standards.STANDARDS.items()}
REQUIRED["interconnectes"] = [f["name"] for f in INTERCONNECTES["fields"] if f.get("constraints", {}).get("required")]
REQUIRED["dcat"] = list(publication_standards.DCAT_REQUIRED)


def complete_record(**overrides):
    """A public record (as confiance.public.records.public_record builds it) that fills every standard but Dutch."""
    record = {
        "id": 7, "uuid": "0b5bde2c-8c3c-5a8e-9a35-5e0c6e0f0d11", "url": "https://ia.exemple.fr/public/m/systemes/7/",
        "json_url": "https://ia.exemple.fr/public/m/systemes/7.json",
        "request_url": "https://ia.exemple.fr/public/m/systemes/7/demander-les-regles/",
        "name": "Prévision de fréquentation des cantines", "public_summary": "Estime les repas à préparer.",
        "purpose": "Réduire le gaspillage alimentaire.", "citizen_benefit": "Moins de repas jetés.",
        "agent_support": "Aide les cuisiniers à commander.", "organisation": "Métropole Exemple",
        "organisation_kind": "epci", "organisation_siret": "11122233300014",
        "organisation_logo_url": "https://ia.exemple.fr/logo.png", "service": "Restauration scolaire",
        "domain": "education", "domain_label": "Éducation", "technique": "statistical_ml",
        "technique_label": "Statistiques / apprentissage automatique", "model_name": "Régression",
        "status": "deployed", "status_changed_on": "2026-01-05", "updated_on": "2026-03-01",
        "first_published_on": "2026-01-05", "people_affected": "citizens", "people_affected_label": "Les usagers",
        "people_magnitude_label": "", "decision_role": "prepares",
        "decision_role_label": "Il prépare une décision qu'un agent prend",
        "human_oversight": "Le chef de cuisine valide chaque commande.", "datasets_used": "Historique des repas.",
        "risk_class": "minimal", "risk_reasons": ["Aucun usage de l'annexe III (AI Act, art. 6)"],
        "legal_basis": "Restauration scolaire : compétence de la commune.", "legal_basis_url": "",
        "deliberation": "", "proportionality": "Le gaspillage coûte plus que l'outil.",
        "decision_process": "Le chef commande à partir de la prévision.", "people_impact": "Les élèves.",
        "risks": "Sous-estimation : une marge est gardée.", "use_type": "predictive",
        "monitoring": "Écart prévu/servi chaque semaine.", "objection_procedure": "Écrire au service.",
        "revision_on": "2027-01-05", "revision_from": "record", "revision_reason": "Revue annuelle",
        "connected_data_sources": "Logiciel de réservation.", "training_data": "Trois ans de repas servis.",
        "input_data": "Réservations du jour.", "data_collection": "Export quotidien du logiciel.",
        "data_origin": "internal_dataset", "data_origin_label": "Un jeu de données interne",
        "data_access": "api", "data_access_label": "Par une API", "implementation": "internal",
        "hosting_mode": "internal", "started_on": "2025-09-01", "decisions_per_year": 180,
        "contact_email": "cantines@exemple.fr", "contact_email_from": "record",
    }
    record.update(overrides)
    return record


def incomplete_standards(record):
    return {r.key for r in publication_standards.record_completeness(record, REQUIRED) if not r.complete}


def test_it_finds_a_complete_record_complete_everywhere_but_in_dutch():
    results = publication_standards.record_completeness(complete_record(), REQUIRED)
    assert [r.key for r in results] == list(publication_standards.ORDER)
    assert incomplete_standards(complete_record()) == {"algoritmeregister"}
    dutch = next(r for r in results if r.key == "algoritmeregister")
    assert [m.field for m in dutch.missing] == ["lang"] and dutch.missing[0].fill == ()  # no register field fills it
    assert all(r.percent == 100 for r in results if r.key != "algoritmeregister")


@pytest.mark.parametrize("emptied,standards", [
    ({"contact_email": "", "contact_email_from": ""},
     {"eurocities", "algoritmeregister", "etalab", "interconnectes", "dcat"}),
    ({"legal_basis": ""}, {"eurocities", "etalab"}),
    ({"proportionality": ""}, {"eurocities"}),
    ({"use_type": ""}, {"eurocities"}),
    ({"monitoring": ""}, {"eurocities"}),
    ({"revision_on": None, "revision_from": ""}, {"eurocities"}),
    ({"connected_data_sources": ""}, {"eurocities"}),
    ({"training_data": ""}, {"eurocities"}),
    ({"input_data": "", "datasets_used": ""}, {"eurocities", "etalab"}),
    ({"data_collection": "", "data_access": "", "data_access_label": ""}, {"etalab", "interconnectes"}),
    ({"data_origin": "", "data_origin_label": ""}, {"interconnectes"}),
    ({"data_origin": "", "data_origin_label": "", "connected_data_sources": ""},
     {"eurocities", "etalab", "interconnectes"}),
    ({"implementation": ""}, {"interconnectes"}),
    ({"hosting_mode": ""}, {"interconnectes"}),
    ({"started_on": None}, {"interconnectes"}),
    ({"decisions_per_year": None}, {"etalab"}),
    ({"service": ""}, {"eurocities", "etalab"}),
    ({"organisation_siret": ""}, {"interconnectes"}),
    ({"organisation_logo_url": ""}, {"interconnectes"}),
    ({"first_published_on": None}, {"eurocities", "dcat"}),
    ({"risk_class": ""}, {"eurocities"}),
])
def test_it_reports_a_missing_field_for_exactly_the_standards_that_require_it(emptied, standards):
    assert incomplete_standards(complete_record(**emptied)) - {"algoritmeregister"} == standards - {
        "algoritmeregister"}
    dutch_missing = {m.field for r in publication_standards.record_completeness(complete_record(**emptied), REQUIRED)
                     if r.key == "algoritmeregister" for m in r.missing}
    assert ("contact_email" in dutch_missing) == ("algoritmeregister" in standards)


@pytest.mark.parametrize("emptied,field,how", [
    ({"decision_process": ""}, "decision_making_process", transparency_standards.FROM_DECISION_ROLE),
    ({"people_impact": ""}, "impact", transparency_standards.FROM_PEOPLE),
    ({"risks": ""}, "risks", transparency_standards.FROM_CHECK_REASONS),
    ({"objection_procedure": ""}, "objection_procedure", transparency_standards.FROM_REQUEST_FORM),
    ({"input_data": ""}, "source_data", transparency_standards.FROM_DATASETS),
    ({"contact_email": "orga@exemple.fr", "contact_email_from": "organisation"}, "contact_email",
     transparency_standards.FROM_ORGANISATION_CONTACT),
    ({"contact_email": "ecoles@exemple.fr", "contact_email_from": "service"}, "contact_email",
     transparency_standards.FROM_SERVICE_CONTACT),
    ({"revision_from": "yearly_review"}, "revision_date", transparency_standards.FROM_YEARLY_REVIEW),
])
def test_it_derives_what_the_record_already_says_and_says_so(emptied, field, how):
    mapped = transparency_standards.to_eurocities(complete_record(**emptied))
    assert {"field": field, "from": how} in mapped.derived
    assert field in mapped.registration and field not in {m["field"] for m in mapped.missing}


def test_it_never_derives_the_fields_a_person_must_write():
    mapped = transparency_standards.to_eurocities(complete_record(proportionality="", monitoring="", use_type=""))
    assert {"proportionality", "monitoring", "type"} <= {m["field"] for m in mapped.missing}
    assert not {"proportionality", "monitoring", "type"} & set(mapped.registration)


def test_it_derives_no_training_data_only_for_a_system_that_does_not_learn():
    learning = transparency_standards.to_eurocities(complete_record(training_data=""))
    rules = transparency_standards.to_eurocities(complete_record(training_data="", technique="rules"))
    assert "training_data" in {m["field"] for m in learning.missing}
    assert rules.registration["training_data"].startswith("Aucune")


def test_it_maps_a_complete_record_to_a_valid_interconnectes_row():
    mapped = publication_standards.to_interconnectes(complete_record())
    assert not mapped.missing
    assert validate_row(mapped.registration, INTERCONNECTES) == []
    assert mapped.registration["Date_de_demarrage"] == "01/09/2025"
    broken = dict(mapped.registration, SIRET="123")
    assert [e.field for e in validate_row(broken, INTERCONNECTES)] == ["SIRET"]


def test_it_maps_a_record_to_dcat_with_eu_vocabulary_iris():
    props = publication_standards.to_dcat(complete_record()).registration
    assert props["theme"] == "http://publications.europa.eu/resource/authority/data-theme/EDUC"
    assert props["language"] == dcat_vocabulary.LANGUAGE + "FRA"
    assert dcat_vocabulary.format_iri("csv").endswith("/file-type/CSV")
    assert dcat_vocabulary.media_type_iri("jsonld") == "https://www.iana.org/assignments/media-types/application/ld+json"
    assert dcat_vocabulary.licence_iri("Licence Ouverte 2.0").endswith("/licence/ETALAB_2_0")
    assert dcat_vocabulary.licence_iri("licence maison") is None


def test_it_counts_the_percentage_of_required_fields_filled():
    result = publication_standards.record_completeness(
        complete_record(proportionality="", monitoring=""), REQUIRED)[0]
    assert result.key == "eurocities" and result.required == 29
    assert len(result.missing) == 2 and result.percent == 27 * 100 // 29 and not result.complete
