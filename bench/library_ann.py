"""Measure whether the vector index needs an approximate structure: recall and time against the exhaustive scan.

    .venv/bin/python bench/library_ann.py   (on a database loaded by bench/library_semantic.py --reuse,
                                              CONFIANCE_VAR_DIR or DATABASE_URL pointing at it)

The reference is what `vector_index.nearest` returns today: every int8 row scored, the 64
best rescored exactly with their float32 vectors, the 8 best kept. Each candidate structure
gives its own 64 candidates, rescored the same way; recall@8 is the share of the reference's
8 it finds. Measured: an IVF (k-means centroids, rows grouped by list, the nearest lists
probed; scikit-learn, already installed) and, when it can be imported, usearch's HNSW over
int8 opened with `view=True` (not a dependency: install it in a scratch folder on PYTHONPATH).
Queries are embedded by the real model. Decision 0018 records the outcome. Never run by the tests.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
os.environ["LIBRARY_EMBEDDINGS"] = "True"


def rss_mb():
    return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024


def main():
    import django

    django.setup()
    import numpy as np
    from threadpoolctl import threadpool_limits

    from bench import library, library_semantic
    from confiance.library import embeddings, vector_index
    from confiance.library.models import SharedProject

    threadpool_limits(1)
    if not embeddings.available() or vector_index.current() is None:
        sys.exit("Il faut le modèle et un index des vecteurs (bench/library_semantic.py --reuse).")
    index = vector_index.current()
    rows = np.asarray(index.vectors)
    approx = rows.astype(np.float32) * index.scales[:, None]
    exact = np.empty_like(approx)
    position = {int(pk): i for i, pk in enumerate(index.ids)}
    for pk, vector in SharedProject.objects.filter(pk__in=index.ids.tolist()).values_list("pk", "embedding").iterator(
            chunk_size=5000):
        exact[position[pk]] = np.frombuffer(bytes(vector), dtype=np.float32)
    texts = [q for q, _ in library.QUERIES] + library_semantic.WORDS
    queries = np.stack([embeddings.embed_query(text) for text in texts])

    def best(candidates, query):
        return set(candidates[np.argsort(-(exact[candidates] @ query), kind="stable")[:8]].tolist())

    def timed(function):
        started = time.perf_counter()
        result = function()
        return result, (time.perf_counter() - started) * 1000

    truth = [best(np.argpartition(-(approx @ q), 63)[:64], q) for q in queries]
    scan = [timed(lambda q=q: np.argpartition(-index.scores(q), 63)[:64])[1] for q in queries for _ in range(3)]
    print(f"{len(index)} vecteurs, {len(queries)} requêtes")
    print(f"Parcours complet int8 (la référence) : p50 {statistics.median(scan):.1f} ms, "
          f"p95 {library.percentile(scan, 95):.1f} ms")

    from sklearn.cluster import MiniBatchKMeans

    lists = max(16, int(len(index) ** 0.5))
    started = time.perf_counter()
    kmeans = MiniBatchKMeans(n_clusters=lists, random_state=0, batch_size=4096, n_init=1, max_iter=50).fit(approx)
    order = np.argsort(kmeans.labels_, kind="stable")
    bounds = np.searchsorted(kmeans.labels_[order], np.arange(lists + 1))
    grouped, scales, centroids = rows[order], index.scales[order], kmeans.cluster_centers_.astype(np.float32)
    print(f"IVF, {lists} listes : k-means et regroupement {time.perf_counter() - started:.1f} s")
    for probes in (4, 8, 16, 32):
        recall, times = [], []
        for query, reference in zip(queries, truth, strict=True):
            def search(query=query, probes=probes):
                nearest = np.argpartition(-(centroids @ query), probes - 1)[:probes]
                where = np.concatenate([np.arange(bounds[i], bounds[i + 1]) for i in nearest])
                scores = (grouped[where].astype(np.float32) @ query) * scales[where]
                return order[where[np.argpartition(-scores, min(63, len(scores) - 1))[:64]]]
            found, ms = timed(search)
            times.append(ms)
            recall.append(len(best(found, query) & reference) / len(reference))
        print(f"  {probes} listes sondées : rappel@8 {np.mean(recall):.3f} (min {min(recall):.2f}), "
              f"p50 {statistics.median(times):.2f} ms")

    try:
        from usearch.index import Index
    except ImportError:
        print("usearch : non installé, non mesuré")
        return
    started = time.perf_counter()
    graph = Index(ndim=vector_index.DIM, metric="ip", dtype="i8")
    graph.add(np.arange(len(index)), approx, threads=1)
    print(f"usearch HNSW int8 : construit en {time.perf_counter() - started:.1f} s")
    path = Path(tempfile.mkdtemp(prefix="confiance-bench-ann-")) / "index.usearch"
    graph.save(str(path))
    del graph
    before = rss_mb()
    view = Index.restore(str(path), view=True)
    for expansion in (64, 128):
        view.expansion_search = expansion
        recall, times = [], []
        for query, reference in zip(queries, truth, strict=True):
            matches, ms = timed(lambda query=query: view.search(query, 64, threads=1))
            times.append(ms)
            recall.append(len(best(matches.keys.astype(np.int64), query) & reference) / len(reference))
        print(f"  expansion {expansion} : rappel@8 {np.mean(recall):.3f} (min {min(recall):.2f}), "
              f"p50 {statistics.median(times):.2f} ms")
    print(f"  RSS : +{rss_mb() - before:.0f} Mo après ouverture (view=True) et {2 * len(queries)} recherches ; "
          f"fichier de {path.stat().st_size / 1e6:.0f} Mo")


if __name__ == "__main__":
    main()
