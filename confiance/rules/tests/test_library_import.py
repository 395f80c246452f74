"""Reading the Interconnectés file as people write it: table tests and a property test."""

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.rules import library_interconnectes as fmt
from confiance.rules.library_import import canonical, key, organisation_kind, read_header, read_row
from confiance.rules.links import read_link
from confiance.rules.tabular import read_csv

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "library" / "schemas" / "interconnectes_IA-schema.json")
                    .read_text("utf-8"))
ENUMS = {f["name"]: f.get("constraints", {}).get("enum", []) for f in SCHEMA["fields"]}


@pytest.mark.parametrize("column,written,expected", [
    ("Audience", "Élu", "Elu"),
    ("Audience", "ELUS", "Elu"),
    ("Audience", "entreprise", "Entreprises"),
    ("Audience", "Bénéficiaires", "Bénéficiaire"),
    ("Statut_du_projet", "Terminé", "Terminée"),
    ("Statut_du_projet", "terminees", "Terminée"),
    ("Statut_du_projet", "Abandonnée", "Abandonné"),
    ("Statut_du_projet", "en Déploiement", "En déploiement"),
    ("Statut_du_projet", "POC", "En expérimentation"),
    ("Theme", "mobilites", "Mobilités"),
    ("Sous_Theme", "Gestion de l'eau", "Gestion de l’eau"),
    ("risque_categorie", "Haut risque", "risque élevé"),
    ("herbergement", "nsp", "NSP"),
    ("Statut_du_projet", "Peut-être", None),
    ("Audience", "Touristes", None),
])
def test_it_maps_values_as_people_write_them(column, written, expected):
    assert canonical(column, written, SCHEMA) == expected


@pytest.mark.parametrize("written,expected", [
    ("Métropole", ("EPCI", "epci")),
    ("Communauté d'agglomération(s)", ("EPCI", "epci")),
    ("Communauté d'agglomérations", ("EPCI", "epci")),
    ("Communauté de communes", ("EPCI", "epci")),
    ("Communauté urbaine", ("EPCI", "epci")),
    ("EPT", ("EPCI", "epci")),
    ("Conseil départemental", ("Département", "departement")),
    ("Conseil régional", ("Région", "region")),
    ("Syndicat", ("Syndicat mixte", "other")),
    ("Ville", ("Commune", "commune")),
    ("Régie", ("Opérateur", "regie")),
    ("Village", None),
])
def test_it_maps_the_names_authorities_give_their_kind(written, expected):
    assert organisation_kind(written) == expected


def test_it_folds_accents_case_gender_and_number_the_same_way():
    assert key("Terminé") == key("Terminée") == key("TERMINEES")
    assert key("Elu") == key("Élus")
    assert key("NSP") == "nsp"


@pytest.mark.parametrize("written,url,note", [
    ("https://www.lille.fr/air", "https://www.lille.fr/air", ""),
    ("www.lille.fr/air", "https://www.lille.fr/air", ""),
    ("lille.fr", "https://lille.fr", ""),
    ("accès interne uniquement", "", "accès interne uniquement"),
    ("ftp://serveur.fr/x", "", "ftp://serveur.fr/x"),
    ("javascript:alert(1)", "", "javascript:alert(1)"),
    ("", "", ""),
])
def test_it_reads_links_and_keeps_sentences_as_notes(written, url, note):
    assert (read_link(written).url, read_link(written).note) == (url, note)


def _row(values):
    header = read_header(list(values), SCHEMA)
    return read_row(2, values, header, SCHEMA)


BASE = {
    "Nom_collectivite": "Ville", "Nom_du_projet": "Projet", "SIRET": "21590350100017", "Type_de_collectivite": "Commune",
    "Date_de_demarrage": "01/2022", "Statut_du_projet": "En exploration", "Description_service": "Résumé.",
    "Theme": "Mobilités", "Audience": "Agent", "URL_Logo": "https://ville.fr/logo.png",
    "Date_de_derniere_mise_a_jour": "01/01/2024",
}


@pytest.mark.parametrize("column,written,stored", [
    ("Date_de_demarrage", "2022-03", "03/2022"),
    ("Date_de_demarrage", "3/2022", "03/2022"),
    ("Date_de_demarrage", "mars 2022", "03/2022"),
    ("Date_de_demarrage", "2022-03-15", "15/03/2022"),
    ("Date_de_demarrage", "2022", "2022"),
    ("SIRET", "215 903 501 00017", "21590350100017"),
    ("SIRET", "215.903.501.00017", "21590350100017"),
])
def test_it_normalises_dates_and_siret(column, written, stored):
    outcome = _row({**BASE, column: written})
    target = outcome.fields["start_date"] if column == "Date_de_demarrage" else outcome.fields["public_extra"][column]
    assert target == stored


def test_it_rejects_a_row_only_for_a_missing_required_public_value():
    assert _row({**BASE, "Theme": "", "herbergement": "", "budget": "beaucoup"}).errors[0].field == "Theme"
    outcome = _row({**BASE, "herbergement": "", "budget": "beaucoup", "Sous_Theme": "Inconnu"})
    assert not outcome.rejected and outcome.fields["cost"] == "beaucoup"
    assert {w.field for w in outcome.warnings} == {"herbergement", "budget", "Sous_Theme"}


def test_it_takes_a_file_without_restricted_columns():
    outcome = _row(dict(BASE))
    assert not outcome.rejected and not outcome.warnings and outcome.fields["contacts"] == ""


# ------------------------------------------------------------------ property

_TEXT = st.text(alphabet=st.sampled_from(list("abcdeéèàçÉ ZXY12,;:'\"\n-.()€’«»")), min_size=1, max_size=60).map(
    str.strip).filter(bool)
_PUBLIC_CHOICES = {
    "Type_de_collectivite": ENUMS["Type_de_collectivite"], "Statut_du_projet": list(fmt.MATURITY),
    "Theme": list(fmt.THEMES), "herbergement": ENUMS["herbergement"], "budget": ENUMS["budget"],
    "mise_en_oeuvre": ENUMS["mise_en_oeuvre"], "type_algorithme": ENUMS["type_algorithme"],
    "risque_categorie": ENUMS["risque_categorie"],
}


@st.composite
def valid_rows(draw):
    row = {name: draw(_TEXT) for name in ("Nom_collectivite", "Nom_du_projet", "Description_service")}
    row["nom_algorithme"] = draw(_TEXT)
    for name in ("Partenaires", "status_abandon", "financement"):
        row[name] = draw(st.one_of(st.just(""), _TEXT))
    for name, choices in _PUBLIC_CHOICES.items():
        row[name] = draw(st.sampled_from(choices))
    row["Audience"] = "; ".join(draw(st.lists(st.sampled_from(ENUMS["Audience"]), min_size=1, max_size=3, unique=True)))
    row["Sous_Theme"] = "; ".join(draw(st.lists(st.sampled_from(ENUMS["Sous_Theme"]), max_size=2, unique=True)))
    row["SIRET"] = draw(st.from_regex(r"\A[0-9]{14}\Z"))
    day, month, year = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(1990, 2030))
    row["Date_de_demarrage"] = draw(st.sampled_from([f"{month:02d}/{year}", f"{day:02d}/{month:02d}/{year}"]))
    row["Date_de_derniere_mise_a_jour"] = f"{day:02d}/{month:02d}/{year}"
    row["Latitude"] = f"{draw(st.floats(-90, 90)):.4f}"
    row["URL_Logo"] = "https://exemple.fr/" + draw(st.from_regex(r"\A[a-z0-9]{1,12}\Z")) + ".png"
    row["URL_Service"] = draw(st.sampled_from(["", "https://exemple.fr/projet", "http://exemple.org/a?b=c"]))
    row["projet_contact"] = draw(st.sampled_from(["ia@exemple.fr", "Service IA <ia@exemple.fr>"]))
    return row


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(valid_rows(), min_size=1, max_size=5), delimiter=st.sampled_from([",", ";", "\t"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig"]), lineterminator=st.sampled_from(["\r\n", "\n"]))
def test_any_csv_the_csv_module_writes_from_valid_rows_loads_back_to_the_same_projects(
        rows, delimiter, quoting, encoding, lineterminator):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, quoting=quoting,
                            lineterminator=lineterminator)
    writer.writeheader()
    writer.writerows(rows)
    table = read_csv(out.getvalue().encode(encoding))
    header = read_header(table.columns, SCHEMA)
    assert len(table.rows) == len(rows)
    for (line, read), written in zip(table.rows, rows, strict=True):
        outcome = read_row(line, read, header, SCHEMA)
        assert not outcome.rejected and outcome.changes == [] and outcome.warnings == []
        assert outcome.fields == fmt.row_to_fields(written, SCHEMA)
