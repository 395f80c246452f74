"""Import and export in Les Interconnectés' format, from the files people really publish."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.text import slugify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confiance.library.interconnectes import columns, export_csv, import_file
from confiance.library.models import SharedProject
from confiance.rules.library_interconnectes import row_to_fields
from confiance.rules.library_tiers import Tier
from confiance.rules.tests.test_library_import import SCHEMA, valid_rows

FIXTURES = Path(__file__).parent / "fixtures"
PUBLIC = FIXTURES / "interconnectes_public.csv"  # public columns only, ";", UTF-8 with BOM, CRLF
COMPLETE = FIXTURES / "interconnectes_complet_cp1252.csv"  # every column, ",", Windows-1252
WORKBOOK = FIXTURES / "interconnectes_classeur.xlsx"  # a title row, variant headers, real date cells


def load(path, **kwargs):
    return import_file(path.read_bytes(), path.name, **kwargs)


def changes(report):
    return {(c.line, c.field, c.before, c.after) for c in report.changes}


def warned(report):
    return {(w.line, w.field) for w in report.warnings}


def test_it_loads_the_public_file_and_rejects_only_the_row_missing_a_required_public_value(db):
    report = load(PUBLIC)
    assert report.source == "CSV, encodage UTF-8 (avec BOM), séparateur point-virgule"
    assert len(report.created) == 5 and report.rejected == [(8, "Optimus, assistant vocal du standard — Ville de Plaisir")]
    assert {(e.line, e.field) for e in report.errors} == {(8, "Description_service")}
    assert report.exit_code == 1
    assert report.headline().startswith("Import partiel : 1 ligne(s) rejetée(s) ; 5 projet(s) ajouté(s)")
    assert SharedProject.objects.count() == 5


def test_it_reports_every_normalisation_with_line_field_and_values(db):
    report = load(PUBLIC)
    assert {
        (2, "SIRET", "244 400 404 00129", "24440040400129"),
        (2, "Type_de_collectivite", "Métropole", "EPCI"),
        (2, "Date_de_demarrage", "1/2024", "01/2024"),
        (2, "Sous_Theme", "Gestion de l'eau", "Gestion de l’eau"),
        (2, "URL_Service", "metropole.nantes.fr/econom-ia", "https://metropole.nantes.fr/econom-ia"),
        (2, "Latitude", "47,2184", "47.2184"),
        (4, "Type_de_collectivite", "Communauté d'agglomération(s)", "EPCI"),
        (4, "Statut_du_projet", "Terminé", "Terminée"),
        (4, "Audience", "Agent, Élu", "Agent; Elu"),
        (5, "Type_de_collectivite", "EPT", "EPCI"),
        (5, "Statut_du_projet", "en déploiement", "En déploiement"),
        (5, "Audience", "Grand Public; Bénéficiaires", "Grand public; Bénéficiaire"),
        (5, "Date_de_derniere_mise_a_jour", "2024-01-10", "10/01/2024"),
        (6, "Type_de_collectivite", "Conseil départemental", "Département"),
        (6, "Date_de_demarrage", "janvier 2021", "01/2021"),
        (6, "Statut_du_projet", "Abandonnée", "Abandonné"),
        (6, "Audience", "Habitants", "Grand public"),
        (7, "Type_de_collectivite", "Syndicat", "Syndicat mixte"),
    } <= changes(report)
    assert warned(report) == {(4, "URL_Service"), (7, "Theme"), (7, "Sous_Theme"), (7, "Audience")}
    lines = list(report.lines())
    assert "normalisé, ligne 4, champ Statut_du_projet : « Terminé » → « Terminée »" in lines


def test_it_stores_canonical_values_and_keeps_what_it_cannot_map(db):
    load(PUBLIC)
    nantes = SharedProject.objects.get(organisation_name="Nantes Métropole")
    assert nantes.organisation_kind == "epci" and nantes.status == "experimentation" and nantes.domain == "water"
    assert nantes.summary.startswith('Envoyer aux foyers des conseils personnalisés, à partir de leur relevé "Eau" mensuel.\n')
    assert nantes.info_url == "https://metropole.nantes.fr/econom-ia"
    courrier = SharedProject.objects.get(name="Tri du courrier entrant")
    assert courrier.audience == "Agent; Elu" and courrier.status == "completed"
    assert courrier.info_url == "" and courrier.public_extra["URL_Service"] == "accès interne uniquement"
    fuites = SharedProject.objects.get(name="Prévoir les fuites du réseau")
    assert fuites.theme == "Autre" and fuites.domain == "water" and fuites.audience == "Autre"
    assert fuites.public_extra["Theme"] == "Sécurité" and fuites.public_extra["Audience"] == "Touristes"
    assert fuites.organisation_kind == "other"


def test_it_reads_windows_1252_with_every_column_and_sorts_fields_into_tiers(db):
    report = load(COMPLETE)
    assert report.source == "CSV, encodage Windows-1252, séparateur virgule"
    assert (len(report.created), report.rejected, report.exit_code) == (4, [], 0)
    assert warned(report) == {(4, "SIRET"), (4, "Type_de_collectivite")}
    project = SharedProject.objects.get(organisation_name="Nantes Métropole")
    public = project.fields_for_tier(Tier.PUBLIC)
    assert public["theme"] == "Transition écologique et énergétique" and public["sub_themes"] == "Gestion de l’eau"
    assert public["risk_class"] == "minimal" and "contacts" not in public and "member_extra" not in public
    member = project.fields_for_tier(Tier.MEMBER)
    assert member["contacts"] == "eau.contact@nantesmetropole.example"
    assert member["cost"] == "moins de 50k€" and member["member_extra"]["type_algorithme"] == "Machine Learning"
    assert "resources_url" not in member
    assert project.fields_for_tier(Tier.EXPERT)["resources_url"] == "https://code.example/nantes/economia"
    lille = SharedProject.objects.get(organisation_name="Ville de Lille")
    assert lille.name == 'Anticiper les pics de pollution de l\'air, dit "Air+"'
    assert 'capteurs "Atmo".\nLes écoles' in lille.summary


def test_it_reads_a_workbook_with_a_title_row_variant_headers_and_date_cells(db):
    report = load(WORKBOOK)
    assert (len(report.created), report.exit_code, report.source) == (2, 0, "XLSX")
    lyon = SharedProject.objects.get(organisation_name="Métropole de Lyon")
    assert lyon.start_date == "01/03/2023" and lyon.public_extra["SIRET"] == "20004697700019"
    assert lyon.public_extra["Date_de_derniere_mise_a_jour"] == "02/09/2024"
    assert lyon.member_extra == {"Commentaire interne": "relancer le prestataire"}
    assert "Commentaire interne" in report.warnings[0].message
    assert (5, "Statut_du_projet", "Déployé", "En déploiement") in changes(report)


def test_it_keeps_restricted_fields_when_a_public_file_updates_a_project(db):
    load(COMPLETE)
    text = PUBLIC.read_bytes().decode("utf-8-sig").replace("Nantes Métropole;Econom'IA : sensibiliser les foyers aux "
                                                           "économies d'eau;", "Nantes Métropole;Econom'IA : "
                                                           "sensibiliser les foyers aux économies d'eau;", 1)
    report = import_file(text.encode("utf-8"), "public.csv")
    assert "Econom'IA : sensibiliser les foyers aux économies d'eau — Nantes Métropole" in report.updated
    nantes = SharedProject.objects.get(organisation_name="Nantes Métropole")
    assert nantes.contacts == "eau.contact@nantesmetropole.example" and nantes.cost == "moins de 50k€"
    assert nantes.resources_url == "https://code.example/nantes/economia"
    assert nantes.summary.startswith("Envoyer aux foyers des conseils personnalisés, à partir")


@pytest.mark.parametrize("path", [PUBLIC, COMPLETE, WORKBOOK], ids=lambda p: p.name)
def test_it_changes_nothing_when_the_same_file_is_imported_twice(db, path):
    load(path)
    versions = SharedProject.history.count()
    before = {p.pk: (p.all_fields(), p.updated_at) for p in SharedProject.objects.all()}
    report = load(path)
    assert report.created == report.updated == [] and len(report.unchanged) == len(before)
    assert SharedProject.history.count() == versions
    assert {p.pk: (p.all_fields(), p.updated_at) for p in SharedProject.objects.all()} == before


@pytest.mark.parametrize("path", [PUBLIC, COMPLETE, WORKBOOK], ids=lambda p: p.name)
def test_it_exports_then_reimports_the_same_projects(db, path):
    load(path)
    original = {(p.organisation_name, p.name): p.all_fields() for p in SharedProject.objects.all()}
    for fields in original.values():  # columns outside their schema are kept on the project, not exported
        fields["member_extra"] = {k: v for k, v in fields["member_extra"].items() if k in columns()}
    exported = export_csv(SharedProject.objects.order_by("pk"), Tier.EXPERT)
    assert list(csv.DictReader(io.StringIO(exported)))[0].keys() == set(columns())
    SharedProject.objects.all().delete()
    report = import_file(exported.encode("utf-8"), "export.csv")
    assert len(report.created) == len(original) and report.rejected == []
    assert {(p.organisation_name, p.name): p.all_fields() for p in SharedProject.objects.all()} == original
    assert import_file(exported.encode("utf-8"), "export.csv").unchanged == report.created


def test_it_writes_nothing_in_a_dry_run(db):
    report = load(PUBLIC, dry_run=True)
    assert SharedProject.objects.count() == 0
    assert len(report.created) == 5 and report.exit_code == 1
    assert report.headline().startswith("Simulation, rien n'a été écrit. Import partiel")
    assert "à ajouter : Tri du courrier entrant — Grand Paris Sud" in list(report.lines())


def test_it_writes_all_rows_or_none(db, monkeypatch):
    saved = []
    original_save = SharedProject.save

    def failing_save(self, *args, **kwargs):
        if saved:
            raise RuntimeError("disque plein")
        saved.append(self)
        original_save(self, *args, **kwargs)

    monkeypatch.setattr(SharedProject, "save", failing_save)
    with pytest.raises(RuntimeError):
        load(COMPLETE)
    assert saved and SharedProject.objects.count() == 0


def test_it_refuses_a_cell_over_128_kib_with_a_french_message_and_writes_nothing(db):
    text = PUBLIC.read_bytes().decode("utf-8-sig").replace("Prévoir où le réseau", '"' + "x" * 140_000, 1)
    report = import_file(text.encode("utf-8"), "public.csv")
    assert report.exit_code == 2 and SharedProject.objects.count() == 0
    assert report.headline().startswith("Fichier illisible, rien n'a été importé : Ligne 7 : une cellule dépasse 128 Kio")


def test_it_leaves_restricted_columns_empty_in_a_public_export(db):
    load(COMPLETE)
    rows = list(csv.DictReader(io.StringIO(export_csv(SharedProject.objects.all(), Tier.PUBLIC))))
    for row in rows:
        assert row["projet_contact"] == row["budget"] == row["url_ressources"] == row["nom_algorithme"] == ""
        assert row["Nom_du_projet"] and row["Description_service"]


def test_it_runs_import_and_export_from_the_command_line_with_exit_codes(db, tmp_path, capsys):
    call_command("library", "import-interconnectes", str(COMPLETE))
    out = capsys.readouterr().out
    assert out.startswith("Import complet : 4 projet(s) ajouté(s), 0 mis à jour, 0 inchangé(s)")
    with pytest.raises(SystemExit) as exit_:
        call_command("library", "import-interconnectes", "--dry-run", str(PUBLIC))
    assert exit_.value.code == 1 and SharedProject.objects.count() == 4
    assert capsys.readouterr().out.startswith("Simulation, rien n'a été écrit. Import partiel : 1 ligne(s) rejetée(s)")
    with pytest.raises(SystemExit) as exit_:
        call_command("library", "import-interconnectes", str(tmp_path / "absent.csv"))
    assert exit_.value.code == 2 and capsys.readouterr().out.startswith("Fichier illisible")
    target = tmp_path / "export.csv"
    call_command("library", "export-interconnectes", "--tier", "2", "--output", str(target))
    assert "eau.contact@nantesmetropole.example" in target.read_text("utf-8")


def test_it_exits_2_from_a_real_process_when_the_file_is_not_readable(tmp_path):
    bad = tmp_path / "binaire.csv"
    bad.write_bytes(b"Nom_du_projet\x00\x81\x8d\x8f\x90\x9d")
    completed = subprocess.run([sys.executable, "manage.py", "library", "import-interconnectes", str(bad)],
                               capture_output=True, text=True, cwd=Path(__file__).resolve().parents[3],
                               env={"CONFIANCE_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout.splitlines()[0].startswith("Fichier illisible, rien n'a été importé : Encodage non reconnu")


def test_it_serves_the_export_as_a_csv_download(client, db):
    load(COMPLETE)
    response = client.get(reverse("library:export"))
    assert response["Content-Type"].startswith("text/csv")
    assert "Ville de Lille" in response.content.decode()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(valid_rows(), min_size=1, max_size=4,
                     unique_by=lambda r: slugify(f"{r['Nom_collectivite']}-{r['Nom_du_projet']}")[:200]),
       delimiter=st.sampled_from([",", ";"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_any_csv_the_csv_module_writes_loads_back_to_the_same_stored_projects(db, rows, delimiter, encoding):
    SharedProject.objects.all().delete()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    report = import_file(out.getvalue().encode(encoding), "fichier.csv")
    assert (len(report.created), report.exit_code, report.changes) == (len(rows), 0, [])
    for row in rows:
        project = SharedProject.objects.get(organisation_name=row["Nom_collectivite"], name=row["Nom_du_projet"])
        expected = row_to_fields(row, SCHEMA)
        assert {name: getattr(project, name) for name in expected} == expected
