"""Import and export in Les Interconnectés' CSV format, validated against their Table Schema."""

import csv
import io
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from confiance.library.interconnectes import columns, export_csv, import_csv
from confiance.library.models import SharedProject
from confiance.rules.library_tiers import Tier

SAMPLE = Path(__file__).parent / "fixtures" / "interconnectes_sample.csv"


def test_it_loads_valid_rows_and_reports_bad_rows_with_line_and_field(db):
    report = import_csv(SAMPLE.read_text("utf-8"))
    assert report.created == 2
    assert sorted(SharedProject.objects.values_list("organisation_name", flat=True)) == ["Nantes Métropole", "Ville de Lille"]
    errors = {(line, field) for line, field, _ in report.errors}
    assert errors == {(3, "Date_de_demarrage"), (4, "SIRET"), (4, "Type_de_collectivite")}


def test_it_sorts_public_restricted_and_resource_fields_into_tiers_1_2_3(db):
    import_csv(SAMPLE.read_text("utf-8"))
    project = SharedProject.objects.get(organisation_name="Nantes Métropole")
    public = project.fields_for_tier(Tier.PUBLIC)
    assert public["summary"].startswith("Envoyer aux foyers")
    assert public["status"] == "experimentation" and public["domain"] == "water"
    assert public["theme"] == "Transition écologique et énergétique" and public["sub_themes"] == "Gestion de l’eau"
    assert public["risk_class"] == "minimal"
    assert "contacts" not in public and "member_extra" not in public
    member = project.fields_for_tier(Tier.MEMBER)
    assert member["contacts"] == "eau.contact@nantesmetropole.example"
    assert member["cost"] == "moins de 50k€" and member["member_extra"]["type_algorithme"] == "Machine Learning"
    assert "resources_url" not in member
    assert project.fields_for_tier(Tier.EXPERT)["resources_url"] == "https://code.example/nantes/economia"


def test_it_updates_instead_of_duplicating_on_a_second_import(db):
    import_csv(SAMPLE.read_text("utf-8"))
    report = import_csv(SAMPLE.read_text("utf-8").replace("moins de 50k€", "de 50k€ à 100k€"))
    assert (report.created, report.updated) == (0, 2)
    assert SharedProject.objects.get(organisation_name="Nantes Métropole").cost == "de 50k€ à 100k€"


def test_it_reports_a_missing_required_column(db):
    text = SAMPLE.read_text("utf-8").replace("Nom_du_projet", "Nom", 1)
    report = import_csv(text)
    assert (1, "Nom_du_projet") in {(line, field) for line, field, _ in report.errors}
    assert report.created == 0


def test_it_exports_the_same_format_back_and_reimports_identically(db):
    import_csv(SAMPLE.read_text("utf-8"))
    original = {p.name: p.all_fields() for p in SharedProject.objects.all()}
    exported = export_csv(SharedProject.objects.order_by("pk"), Tier.EXPERT)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert list(rows[0]) == columns()
    source = {r["Nom_du_projet"]: r for r in csv.DictReader(SAMPLE.open(encoding="utf-8"))}
    for row in rows:
        assert {k: v for k, v in row.items() if v} == {k: v for k, v in source[row["Nom_du_projet"]].items() if v}
    SharedProject.objects.all().delete()
    assert import_csv(exported).created == 2
    for project in SharedProject.objects.all():
        assert project.all_fields() | {"origin_updated_at": None} == original[project.name] | {"origin_updated_at": None}


def test_it_leaves_restricted_columns_empty_in_a_public_export(db):
    import_csv(SAMPLE.read_text("utf-8"))
    rows = list(csv.DictReader(io.StringIO(export_csv(SharedProject.objects.all(), Tier.PUBLIC))))
    for row in rows:
        assert row["projet_contact"] == row["budget"] == row["url_ressources"] == row["nom_algorithme"] == ""
        assert row["Nom_du_projet"] and row["Description_service"]


def test_it_runs_import_and_export_from_the_command_line(db, tmp_path, capsys):
    call_command("library", "import-interconnectes", str(SAMPLE))
    out, err = capsys.readouterr()
    assert out.startswith("2 projet(s) ajouté(s)") and "ligne 4, champ SIRET" in err
    target = tmp_path / "export.csv"
    call_command("library", "export-interconnectes", "--tier", "2", "--output", str(target))
    assert "eau.contact@nantesmetropole.example" in target.read_text("utf-8")


def test_it_serves_the_export_as_a_csv_download(client, db):
    import_csv(SAMPLE.read_text("utf-8"))
    response = client.get(reverse("library:export"))
    assert response["Content-Type"].startswith("text/csv")
    assert "Ville de Lille" in response.content.decode()
