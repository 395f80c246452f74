"""Import AI systems from the spreadsheets authorities keep: one fixture per format, as people write them."""

from pathlib import Path

import pytest

from confiance.register.importer import import_systems
from confiance.register.models import AISystem
from tests.factories import make_service

FIXTURES = Path(__file__).parent / "fixtures"
ETALAB = FIXTURES / "etalab_inventaire.csv"  # French titles, ";", Windows-1252, a quoted text with a line break
EUROCITIES = FIXTURES / "eurocities_template.csv"  # the standard's keys, ",", UTF-8 with BOM
DUTCH = FIXTURES / "algoritmeregister.ods"  # Dutch titles, ODS
CONFIANCE = FIXTURES / "confiance_export.csv"  # our own public export, edited, with an extra column


def load(path, org, person=None, **kwargs):
    return import_systems(path.read_bytes(), path.name, org, person, **kwargs)


@pytest.fixture
def org(cast):
    make_service(cast.org, name="Voirie")  # the cast has "Pôle Numérique" and "Pôle Eau"
    return cast.org


def test_it_imports_the_etalab_inventory_and_rejects_the_automated_decision(cast, org):
    report = load(ETALAB, org, cast.steward)
    assert report.source == ("CSV, encodage Windows-1252, séparateur point-virgule ; Inventaire des traitements "
                             "algorithmiques (Etalab)")
    assert report.created == ["Calcul du quotient familial", "Affectation des places en crèche",
                              "Tri des demandes d'urbanisme"]
    assert report.rejected == [(5, "Sanction automatique des impayés")] and report.exit_code == 1
    assert [(e.line, e.field) for e in report.errors] == [(5, "decision_role")]
    quotient = AISystem.objects.get(name="Calcul du quotient familial")
    assert quotient.public_summary.startswith("Le quotient familial fixe le tarif de la cantine, du périscolaire")
    assert '"automatiquement"' in quotient.public_summary and "\nIl est revu chaque année." in quotient.public_summary
    assert (quotient.technique, quotient.decision_role, quotient.people_affected) == ("rules", "prepares", "citizens")
    assert quotient.service.name == "Pôle Numérique" and quotient.status == "draft"
    assert "Fondements juridiques : Délibération du 12 mars 2019" in quotient.import_note
    assert "Commentaires : Revoir le barème en 2025" in quotient.import_note
    urbanisme = AISystem.objects.get(name="Tri des demandes d'urbanisme")
    assert urbanisme.technique == "rules" and urbanisme.service is None
    assert urbanisme.import_note.startswith("Service : Pôle Urbanisme")
    assert {(w.line, w.field) for w in report.warnings} >= {(6, "Opérations effectuées par l'algorithme"), (6, "service")}


def test_it_imports_the_eurocities_template(cast, org):
    report = load(EUROCITIES, org, cast.admin)
    assert (report.created, report.exit_code) == (["Pothole detection", "Parking fines check"], 0)
    assert "Norme de transparence algorithmique (Eurocities)" in report.source and "avec BOM" in report.source
    potholes = AISystem.objects.get(name="Pothole detection")
    assert (potholes.technique, potholes.domain, potholes.service.name) == ("computer_vision", "mobility", "Voirie")
    assert potholes.public_summary == 'Cameras on refuse trucks spot potholes, so crews fix them "before" they grow.'
    assert potholes.human_oversight == "A road inspector confirms each detection"
    assert "budget_eur : 45000" in potholes.import_note and "status : operational" in potholes.import_note
    assert "« budget_eur »" in report.warnings[0].message
    fines = AISystem.objects.get(name="Parking fines check")
    assert (fines.technique, fines.domain) == ("rules", "finance")


def test_it_imports_the_dutch_publication_standard_from_ods(cast, org):
    report = load(DUTCH, org, cast.admin)
    assert (len(report.created), report.exit_code, report.source) == (
        2, 0, "ODS ; Norme de publication du registre néerlandais")
    drukte = AISystem.objects.get(name="Voorspelling drukte afvalbrengpunt")
    assert (drukte.technique, drukte.domain, drukte.vendor) == ("statistical_ml", "mobility", "Leverancier BV")
    assert drukte.public_summary == "Voorspelt hoe druk het afvalbrengpunt wordt,\nper uur."
    assert "Publicatiecategorie : Overige algoritmes" in drukte.import_note
    assert AISystem.objects.get(name="Toekenning bijzondere bijstand").technique == "rules"


def test_it_imports_confiance_s_own_export_edited_in_a_spreadsheet(cast, org):
    report = load(CONFIANCE, org, cast.admin)
    assert (len(report.created), report.exit_code) == (2, 0)
    water = AISystem.objects.get(name="Relevé des compteurs d'eau")
    assert (water.domain, water.technique, water.service.name, water.personal_data) == (
        "water", "statistical_ml", "Pôle Eau", True)
    assert water.status == "draft" and "status : deployed" in water.import_note
    assert "risk_class" not in water.import_note  # Confiance recomputes it
    courrier = AISystem.objects.get(name="Assistant de rédaction des courriers")
    assert (courrier.domain, courrier.technique, courrier.people_affected, courrier.hosting_country) == (
        "administration", "generative", "both", "EU")
    assert courrier.is_open_source and courrier.licence == "Apache-2.0"
    assert "Remarques du référent : À présenter au comité de juin" in courrier.import_note
    assert (2, "personal_data", "True", "oui") in {(c.line, c.field, c.before, c.after) for c in report.changes}


def test_it_runs_the_checks_and_records_where_each_record_came_from(cast, org):
    load(EUROCITIES, org, cast.admin)
    potholes = AISystem.objects.get(name="Pothole detection")
    assert potholes.check_result.risk_class
    first = potholes.history.earliest()
    assert first.history_change_reason == "Importé de eurocities_template.csv (eurocities), ligne 2"
    assert first.history_user == cast.admin


@pytest.mark.parametrize("path", [ETALAB, EUROCITIES, DUTCH, CONFIANCE], ids=lambda p: p.name)
def test_it_changes_nothing_when_the_same_file_is_imported_twice(cast, org, path):
    first = load(path, org, cast.admin)
    versions = AISystem.history.count()
    again = load(path, org, cast.admin)
    assert again.created == [] and again.unchanged == first.created
    assert AISystem.history.count() == versions


def test_it_writes_nothing_in_a_dry_run(cast, org):
    before = AISystem.objects.count()
    report = load(ETALAB, org, cast.admin, dry_run=True)
    assert len(report.created) == 3 and AISystem.objects.count() == before
    assert report.headline().startswith("Simulation, rien n'a été écrit. Import partiel : 1 ligne(s) rejetée(s) ; "
                                        "3 système(s) seraient ajouté(s)")


def test_it_writes_all_rows_or_none(cast, org, monkeypatch):
    before, calls = AISystem.objects.count(), []
    original = AISystem.save

    def failing_save(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("base indisponible")
        original(self, *args, **kwargs)

    monkeypatch.setattr(AISystem, "save", failing_save)
    with pytest.raises(RuntimeError):
        load(EUROCITIES, org, cast.admin)
    assert AISystem.objects.count() == before


def test_it_says_why_an_unreadable_file_is_not_loaded(cast, org):
    report = import_systems(b"PK\x03\x04 pas un classeur", "inventaire.xlsx", org, cast.admin)
    assert report.exit_code == 2 and report.headline().startswith("Fichier illisible, rien n'a été importé : "
                                                                  "Classeur XLSX illisible")


def test_it_rejects_rows_without_name_description_or_technique(cast, org):
    text = ("name;description_short;goal;algorithm_type\n"
            ";Sans nom;But;rule-based\nSans description;;;rule-based\nSans technique;Résumé;But;\n")
    report = import_systems(text.encode(), "eurocities.csv", org, cast.admin)
    assert {(e.line, e.field) for e in report.errors} == {(2, "name"), (3, "public_summary"), (4, "technique")}
    assert report.created == [] and report.exit_code == 1
