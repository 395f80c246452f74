"""Search quality on the demo library: French queries written from real needs.

Each query lists projects (by a distinctive part of their name) that must be
among its first 10 results for an anonymous visitor. Queries drop accents, use
plurals and synonyms, as people type them.
"""

import pytest

from confiance.library.demo import load_library_demo
from confiance.library.models import SharedProject
from confiance.library.search import search
from confiance.rules.library_tiers import Tier

CANTEENS = ["cantines pour réduire le gaspillage alimentaire (Lyon)", "(Toulouse)", "(Nantes)"]
WILD_DUMPS = ["Repérer les dépôts sauvages sur images", "Prioriser l'enlèvement des dépôts sauvages",
              "Vidéoprotection assistée par IA contre les dépôts sauvages", "Caméras mobiles avec IA contre les dépôts"]
GENERATIVE = ["Agent conversationnel à base d'IA générative", "IA générative pour traiter les demandes",
              "Mission et observatoire de l'IA générative", "Test d'une IA générative par 1 000 agents"]

QUERIES = [
    ("cantine", CANTEENS),
    ("cantines scolaires", CANTEENS),
    ("restauration scolaire", CANTEENS),
    ("restaurants scolaires", CANTEENS),
    ("gaspillage alimentaire", CANTEENS),
    ("prevoir le nombre de repas", ["(Nantes)"]),
    ("dechets", ["Mesurer la fréquentation des déchetteries", "Détection des erreurs de tri",
                 "Point de collecte de déchets verts"]),
    ("depots sauvages", WILD_DUMPS),
    ("décharges sauvages", WILD_DUMPS[:2]),
    ("dépôts d'ordures", WILD_DUMPS[:2]),
    ("dechetterie", ["Mesurer la fréquentation des déchetteries"]),
    ("erreurs de tri", ["Détection des erreurs de tri"]),
    ("recyclage", ["Détection des erreurs de tri"]),
    ("dechets verts", ["Point de collecte de déchets verts"]),
    ("conteneurs semi enterres", ["Collecte des conteneurs semi-enterrés"]),
    ("fuites d'eau", ["Cibler la recherche de fuites"]),
    ("eau potable", ["Planifier la maintenance du réseau d'eau potable", "Cibler la recherche de fuites"]),
    ("anomalies reseau d'eau", ["Détection d'anomalies sur le réseau d'eau"]),
    ("economies d'eau", ["Econom IA"]),
    ("velos", ["comptage vélo"]),
    ("comptage cycliste", ["comptage vélo"]),
    ("accidents de la route", ["accidents de la route"]),
    ("securite routiere", ["accidents de la route"]),
    ("vehicules autonomes", ["véhicules autonomes"]),
    ("navette autonome", ["véhicules autonomes"]),
    ("qualite de l'air", ["pics de pollution de l'air"]),
    ("pollution", ["pics de pollution de l'air"]),
    ("panneaux photovoltaiques", ["panneaux solaires"]),
    ("renovation energetique des batiments", ["Prioréno"]),
    ("etat des batiments", ["l'état du bâti"]),
    ("images satellites", ["Repérer l'occupation irrégulière des sols", "Suivre l'évolution du territoire",
                           "Repérer les dépôts sauvages sur images"]),
    ("occupation du sol", ["CoSIA", "Repérer l'occupation irrégulière des sols"]),
    ("ou planter des arbres", ["IA.rbre"]),
    ("ilots de chaleur vegetalisation", ["IA.rbre"]),
    ("videosurveillance", ["suivi de la vidéosurveillance", "Vidéoprotection assistée"]),
    ("videoprotection", ["Vidéoprotection assistée", "suivi de la vidéosurveillance"]),
    ("cameras", ["Caméras mobiles", "Détection des erreurs de tri"]),
    ("chatbot", ["Agent conversationnel à base d'IA générative"]),
    ("assistant vocal", ["Optimus"]),
    ("standard telephonique", ["Optimus"]),
    ("accueil des usagers", ["Guichet unique multicanal"]),
    ("ChatGPT", ["Livret d'accueil multilingue"]),
    ("IA generative", GENERATIVE),
    ("offres d'emploi", ["Mon parcours formation métiers"]),
    ("non recours aux droits", ["Data & Quartiers"]),
    ("convention citoyenne", ["Convention citoyenne"]),
    ("tarification solidaire", ["tarification solidaire"]),
    ("transparence des algorithmes", ["tarification solidaire"]),
]


@pytest.fixture
def demo_library(db):
    load_library_demo()
    return {p.name: p.pk for p in SharedProject.objects.all()}


def test_it_has_at_least_40_queries():
    assert len(QUERIES) >= 40


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_it_returns_the_expected_projects_in_the_first_10(demo_library, query, expected):
    top = search(query, Tier.PUBLIC).ids[:10]
    names = [name for name, pk in demo_library.items() if pk in top]
    for part in expected:
        matching = [name for name in demo_library if part in name]
        assert matching, f"no demo project named like {part!r}"
        assert any(name in names for name in matching), f"{query!r}: {part!r} not in the first 10: {names}"
