from datetime import date

import pytest

from confiance.rules.french import at, definite, long_date


@pytest.mark.parametrize(("name", "expected"), [
    ("Ville de Montpellier", "à la Ville de Montpellier"),
    ("Montpellier Méditerranée Métropole", "à Montpellier Méditerranée Métropole"),
    ("Nantes Métropole", "à Nantes Métropole"),
    ("Régie des eaux de Montpellier Méditerranée Métropole", "à la Régie des eaux de Montpellier Méditerranée "
                                                             "Métropole"),
    ("Centre communal d'action sociale (CCAS) de Montpellier", "au Centre communal d'action sociale (CCAS) de "
                                                               "Montpellier"),
    ("Services funéraires (groupe Montpellier)", "aux Services funéraires (groupe Montpellier)"),
    ("Établissement public foncier", "à l'Établissement public foncier"),
    ("Département de l'Hérault", "au Département de l'Hérault"),
    ("TaM — société publique locale", "à TaM — société publique locale"),
])
def test_it_puts_the_right_article_after_a(name, expected):
    assert at(name) == expected


def test_it_gives_the_definite_article_alone():
    assert definite("Ville de Nantes") == "la Ville de Nantes"
    assert definite("Groupe Altémed") == "le Groupe Altémed"


def test_it_writes_dates_in_french():
    assert long_date(date(2026, 11, 30)) == "30 novembre 2026"
    assert long_date("2026-08-01") == "1er août 2026"
    assert long_date(None) == "" and long_date("") == ""


def test_it_contracts_de_with_the_article():
    from confiance.rules.french import of

    assert of("Ville de Montpellier") == "de la Ville de Montpellier"
    assert of("Centre communal d'action sociale") == "du Centre communal d'action sociale"
    assert of("Nantes Métropole") == "de Nantes Métropole"
    assert of("Angers Loire Métropole") == "d'Angers Loire Métropole"
