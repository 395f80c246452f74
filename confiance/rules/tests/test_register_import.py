"""Reading existing registers: columns of each layout, values, techniques, rejections."""

import pytest

from confiance.rules.register_import import read_header, read_row, technique_from

LABELS = {"domain": {"water": "Eau", "mobility": "Mobilité", "other": "Autre"},
          "technique": {"rules": "Règles explicites", "statistical_ml": "Statistiques / apprentissage automatique",
                        "generative": "IA générative / grand modèle de langage", "computer_vision": "Vision par ordinateur"},
          "decision_role": {"none": "Aucun", "prepares": "Il prépare une décision qu'un agent prend",
                            "decides_alone": "Il décide seul"},
          "people_affected": {"citizens": "Les usagers", "agents": "Les agents", "both": "Les usagers et les agents"}}


@pytest.mark.parametrize("columns,layout", [
    (["Nom de l'algorithme", "Finalité de l'algorithme", "Type d'algorithme", "Portée de la décision"], "etalab"),
    (["NOM_ALGORITHME", "finalite", "type_algorithme"], "etalab"),
    (["name", "description_short", "goal", "algorithm_type", "methods_and_models"], "eurocities"),
    (["Naam", "Korte omschrijving", "Doel en impact", "Technische werking"], "dutch"),
    (["id", "name", "public_summary", "purpose", "domain", "technique", "status_label"], "confiance"),
    (["Colonne A", "Colonne B"], ""),
])
def test_it_recognises_each_layout_by_its_column_names(columns, layout):
    assert read_header(columns).layout == layout


def test_it_lists_unknown_columns_and_sends_their_values_to_the_note():
    header = read_header(["name", "description_short", "goal", "algorithm_type", "Budget (€)"])
    assert header.unknown == ["Budget (€)"] and "« Budget (€) »" in header.notes[0].message
    outcome = read_row(2, {"name": "A", "description_short": "R", "goal": "B", "algorithm_type": "rule-based",
                           "Budget (€)": "12 000"}, header, LABELS)
    assert outcome.fields["import_note"] == "Budget (€) : 12 000" and outcome.fields["technique"] == "rules"


@pytest.mark.parametrize("text,technique", [
    ("Un grand modèle de langage (LLM) rédige un brouillon", "generative"),
    ("Computer vision model on dashcam images", "computer_vision"),
    ("Random forest entraîné sur l'historique", "statistical_ml"),
    ("Beslisregels op basis van de verordening", "rules"),
    ("Barème de points", "rules"),
    ("Tableur partagé", None),
])
def test_it_tells_the_technique_from_a_description(text, technique):
    assert technique_from(text) == technique


@pytest.mark.parametrize("values,field,message", [
    ({"name": "", "description_short": "R", "algorithm_type": "rule-based"}, "name", "nom du système manquant"),
    ({"name": "A", "algorithm_type": "rule-based"}, "public_summary", "ni résumé ni finalité"),
    ({"name": "A", "description_short": "R"}, "technique", "technique introuvable"),
])
def test_it_rejects_rows_the_register_cannot_hold(values, field, message):
    header = read_header(["name", "description_short", "algorithm_type"])
    outcome = read_row(4, values, header, LABELS)
    assert outcome.rejected and outcome.errors[0].field == field and message in outcome.errors[0].message


def test_it_refuses_a_system_that_decides_alone():
    header = read_header(["nom_algorithme", "contexte", "type_algorithme", "niveau_automatisation"])
    outcome = read_row(2, {"nom_algorithme": "A", "contexte": "R", "type_algorithme": "Système de règles",
                           "niveau_automatisation": "Décision entièrement automatisée"}, header, LABELS)
    assert [e.field for e in outcome.errors] == ["decision_role"] and "RGPD art. 22" in outcome.errors[0].message


def test_it_fills_a_missing_purpose_or_summary_from_the_other_with_a_warning():
    header = read_header(["name", "description_short", "goal", "algorithm_type"])
    outcome = read_row(2, {"name": "A", "description_short": "", "goal": "But", "algorithm_type": "rule-based"},
                       header, LABELS)
    assert outcome.fields["public_summary"] == "But" and outcome.warnings[0].field == "public_summary"
    assert outcome.fields["domain"] == "other"
