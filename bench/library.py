"""Benchmark the library with 100,000 shared projects: search with facets against the bare full-text query, and harvesting.

Loads synthetic projects (vocabulary taken from the demo library, clearly not
real projects) into a scratch database, in bulk, then times side by side, query
by query: the bare ranked full-text query (match, rank, top 20, nothing else)
and `search()` with its total, page and every facet count (and, with vectors,
`search()` with embeddings, on the same query right after), for an anonymous
visitor (tier 1) and a member (tier 2). Then it writes a feed of 100,000
projects to files and times a hub harvesting it. The last line is
`ratio p95 N.NN`: search with facets ÷ bare query at p95, tier 2 (goal ≤ 1.5,
issue #14). Never run by the tests.

    .venv/bin/python bench/library.py [--projects 100000] [--runs 120] [--no-harvest]

DATABASE_URL selects PostgreSQL, as for the site; by default a temporary
SQLite file is used. For the lines "avec embeddings", every project gets a vector
(`--real` of them embedded by the model, the others derived from them with noise,
as bench/library_semantic.py explains), the shared vector index is written, and
queries are embedded by the real model; the RSS line is then that of a fresh
process after 1,000 searches with embeddings. `--no-embeddings` skips all that.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
os.environ.setdefault("LIBRARY_EMBEDDINGS", "False")
if "DATABASE_URL" not in os.environ:
    os.environ["CONFIANCE_VAR_DIR"] = tempfile.mkdtemp(prefix="confiance-bench-library-")

QUERIES = [
    ("cantine", {}), ("restauration scolaire", {"region": ["Bretagne"]}), ("dechets", {"technique": ["computer_vision"]}),
    ("depots sauvages", {}), ("fuites d'eau", {"domain": ["water"]}), ("velos", {}), ("ia generative", {"status": ["deployment"]}),
    ("images satellites", {"organisation_kind": ["epci"]}), ("accueil des usagers", {}), ("collecte", {"domain": ["waste"]}),
    ("prevision frequentation", {"size_band": ["lt50k"]}), ("chatbot", {}),
]
BROWSE = [{}, {"domain": ["waste"]}, {"region": ["Bretagne"], "status": ["deployment"]}]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(timings):
    return f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms"


def load(n):
    """Create `n` synthetic shared projects with bulk_create and index them in batches; return the seconds taken."""
    from django.db import transaction

    from confiance.demo.library_data import LIBRARY_PROJECTS
    from confiance.library import bulk
    from confiance.library.models import SharedProject
    from confiance.library.search import index_projects

    rng = random.Random(6)
    regions = ["Bretagne", "Occitanie", "Hauts-de-France", "Auvergne-Rhône-Alpes", "Pays de la Loire", "Normandie",
               "Grand Est", "Île-de-France", "Nouvelle-Aquitaine", "Bourgogne-Franche-Comté"]
    kinds, bands = ["commune", "epci", "departement", "region"], ["lt10k", "lt50k", "lt200k", "gte200k"]
    statuses = ["exploration", "experimentation", "deployment", "completed", "abandoned"]
    batch = []
    started = time.perf_counter()
    for i in range(n):
        base = LIBRARY_PROJECTS[i % len(LIBRARY_PROJECTS)]
        other = LIBRARY_PROJECTS[rng.randrange(len(LIBRARY_PROJECTS))]
        batch.append(SharedProject(
            origin_instance="bench", origin_id=str(i), name=f"{base['name']} — variante {i}",
            organisation_name=f"Collectivité synthétique {i % 5000}", organisation_kind=rng.choice(kinds),
            size_band=rng.choice(bands), region=rng.choice(regions), domain=base["domain"],
            technique=base["technique"], status=rng.choice(statuses),
            summary=f"{base['summary']} {other['summary'][:200]}", outcome=base["outcome"],
            lessons_worked=other["lessons_learned"], vendor=other["vendor"], contacts=f"equipe{i}@exemple.invalid",
        ))
        if len(batch) == 2000 or i == n - 1:
            with transaction.atomic():
                index_projects(bulk.create_with_history(batch, SharedProject, "Banc d'essai"))
            batch = []
    return time.perf_counter() - started


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def bare_query(query, tier):
    """The bare ranked full-text query: match, rank, top 20 ids; no count, no facet, no filter."""
    from django.db import connection

    from confiance.library.search import backend
    from confiance.rules.library_text import parse_query

    with connection.cursor() as cursor:
        cursor.execute(*backend().bare_sql(parse_query(query), tier, 20))
        return cursor.fetchall()


def bare_query_tuned(query, tier):
    """PostgreSQL: the bare query under the planner settings search() sets for its own statements (PLANNER).

    Printed beside the bare query so a reader sees how much of the ratio those settings explain.
    """
    from django.db import connection, transaction

    from confiance.library.search_postgres import PLANNER, PostgresBackend

    with transaction.atomic(), connection.cursor() as cursor:
        before = PostgresBackend()._set_locally(cursor, PLANNER)
        rows = bare_query(query, tier)
        PostgresBackend()._set_locally(cursor, before)
    return rows


def faceted_search(query, tier, filters, semantic=False):
    """search() as the library page calls it: page 1, total and every facet count."""
    from confiance.library.search import search

    result = search(query, tier, filters, semantic=semantic)
    return result.total, [v.count for f in result.facets for v in f.values]


TUNED = {}  # tier -> timings of bare_query_tuned in the last side-by-side run (PostgreSQL only)


def time_side_by_side(runs, tier, semantic=False):
    """Time the bare query, search() with facets and (with `semantic`) search() with embeddings, one after the
    other on each query, so a change of the machine's load weighs on all three; return the lists (ms)."""
    from django.db import connection

    bare, full, with_embeddings = [], [], []
    TUNED[tier] = []
    for run in range(runs):
        query, filters = QUERIES[run % len(QUERIES)]
        bare.append(_timed(bare_query, query, tier))
        if connection.vendor == "postgresql":
            TUNED[tier].append(_timed(bare_query_tuned, query, tier))
        full.append(_timed(faceted_search, query, tier, filters))
        if semantic:
            with_embeddings.append(_timed(faceted_search, query, tier, filters, semantic=True))
    return bare, full, with_embeddings


def time_with_embeddings(runs, tier):
    """The three lines side by side, with meaning-based matches on for the third (the line "avec embeddings").

    Returns (bare, full, with embeddings) timings in ms, or None when embeddings are off
    (LIBRARY_EMBEDDINGS=False or no model).
    """
    from django.conf import settings

    from confiance.library import embeddings

    settings.LIBRARY_EMBEDDINGS = True
    try:
        if not embeddings.available():
            return None
        time_side_by_side(len(QUERIES), tier, semantic=True)  # load the model, embed the queries once
        return time_side_by_side(runs, tier, semantic=True)
    finally:
        settings.LIBRARY_EMBEDDINGS = False


def give_vectors(real):
    """Give every project a vector and write the shared vector index; return a line for the report, or None."""
    from django.conf import settings

    from bench import library_semantic
    from confiance.library import embeddings, vector_index

    settings.LIBRARY_EMBEDDINGS = True
    try:
        if not embeddings.available():
            return None
        given, seconds = library_semantic.give_vectors(real)
        started = time.perf_counter()
        count = vector_index.build()
        return (f"Vecteurs : {min(real, given)} projets vectorisés par le modèle ({seconds:.1f} s), les "
                f"{max(0, given - real)} autres dérivés d'eux avec du bruit ; index int8 de {count} vecteurs écrit "
                f"en {time.perf_counter() - started:.1f} s ; requêtes vectorisées par le vrai modèle")
    finally:
        settings.LIBRARY_EMBEDDINGS = False


def time_browse(runs, tier):
    """search() without words (the library's home page): every visible project, by name, with facet counts."""
    return [_timed(faceted_search, "", tier, BROWSE[run % len(BROWSE)]) for run in range(runs)]


def rss_mb():
    """Resident memory of this process (the web worker's part: the same code serves a search), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def write_feed(directory, page_size):
    """Write this instance's feed (tier 1) as JSON files, one per page; return the number of pages."""
    from confiance.library.federation import feed_page

    first = feed_page(1, 1, page_size, "http://bench/flux.json")
    for number in range(1, first["pages"] + 1):
        page = first if number == 1 else feed_page(1, number, page_size, "http://bench/flux.json")
        page["instance"] = "http://bench-source"  # the copies are told apart from the originals
        (Path(directory) / f"page-{number}.json").write_text(json.dumps(page), encoding="utf-8")
    return first["pages"]


def time_harvest(page_size):
    """Harvest the feed files as a hub would harvest them over HTTP; return (seconds, projects harvested)."""
    from urllib.parse import parse_qs, urlsplit

    from confiance.library.federation import harvest
    from confiance.library.models import HarvestSource, SharedProject

    directory = tempfile.mkdtemp(prefix="confiance-bench-feed-")
    write_feed(directory, page_size)

    def fetch(url, token=""):
        number = int(parse_qs(urlsplit(url).query)["page"][0])
        return json.loads((Path(directory) / f"page-{number}.json").read_text(encoding="utf-8"))

    source = HarvestSource.objects.create(name="bench", url="http://bench/flux.json")
    started = time.perf_counter()
    report = harvest(source, page_size=page_size, fetch=fetch)
    elapsed = time.perf_counter() - started
    assert report.ok, report.errors
    return elapsed, SharedProject.objects.filter(harvest_source=source).count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000, help="How many shared projects to load.")
    parser.add_argument("--runs", type=int, default=120, help="Searches timed per tier (cycling over the queries).")
    parser.add_argument("--page-size", type=int, default=1000, help="Feed page size for the harvest.")
    parser.add_argument("--no-harvest", action="store_true", help="Skip the harvest timing.")
    parser.add_argument("--no-embeddings", action="store_true", help="Skip the lines with embeddings and the worker RSS.")
    parser.add_argument("--real", type=int, default=300, help="Projects embedded by the model (the others derived).")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from confiance.rules.library_tiers import Tier

    call_command("migrate", verbosity=0)
    print(f"Base : {connection.vendor}, {args.projects} projets partagés")
    print(f"Chargement et indexation (en masse) : {load(args.projects):.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    vectors = None if args.no_embeddings else give_vectors(args.real)
    print(vectors or "Vecteurs : (embeddings off)")
    ratio = ratio_embeddings = None
    for tier in (Tier.PUBLIC, Tier.MEMBER):
        timings = time_with_embeddings(args.runs, tier) if vectors else None
        if timings is None:
            time_side_by_side(len(QUERIES), tier)  # warm the caches
            bare, full, with_embeddings = time_side_by_side(args.runs, tier)
        else:
            bare, full, with_embeddings = timings
        print(f"Palier {int(tier)}, requête plein texte seule (classée, 20 premiers) : {summary(bare)}")
        print(f"Palier {int(tier)}, recherche + facettes, sans embeddings : {summary(full)}")
        if not with_embeddings:
            print(f"Palier {int(tier)}, recherche + facettes, avec embeddings : (embeddings off)")
        else:
            print(f"Palier {int(tier)}, recherche + facettes, avec embeddings : {summary(with_embeddings)}")
            ratio_embeddings = percentile(with_embeddings, 95) / percentile(bare, 95)
        ratio = percentile(full, 95) / percentile(bare, 95)
        if TUNED.get(tier):
            print(f"Palier {int(tier)}, requête nue sous les réglages du planificateur de la recherche (PostgreSQL) : "
                  f"{summary(TUNED[tier])} ; recherche + facettes ÷ celle-ci : "
                  f"{percentile(full, 95) / percentile(TUNED[tier], 95):.2f}")
        print(f"Palier {int(tier)} : ratio p95 {ratio:.2f}" + (
            f", avec embeddings {percentile(with_embeddings, 95) / percentile(bare, 95):.2f}" if with_embeddings else ""))
    print(f"Parcours sans mots + facettes, palier 2 : {summary(time_browse(args.runs // 4 or 1, Tier.MEMBER))}")
    print(f"Mémoire du processus (RSS) après ces recherches : {rss_mb():.0f} Mo")
    if vectors:
        from bench import library_semantic

        library_semantic.worker_rss(1000)
    if not args.no_harvest:
        elapsed, copies = time_harvest(args.page_size)
        print(f"Moisson d'un flux de {copies} projets (pages de {args.page_size}) : {elapsed:.1f} s "
              f"({copies / elapsed:.0f} projets/s ; objectif ≤ 60 s pour 100 000)")
    if ratio_embeddings is not None:
        print(f"ratio p95 avec embeddings {ratio_embeddings:.2f} (÷ requête nue, palier 2 ; objectif ≤ 2)")
    print(f"ratio p95 {ratio:.2f}")


if __name__ == "__main__":
    main()
