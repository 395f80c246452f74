"""Benchmark the library with 100,000 shared projects: search with facets, and harvesting them from a feed.

Loads synthetic projects (vocabulary taken from the demo library, clearly not
real projects) into a scratch database, then prints p50/p95 of `search()` with
its facet counts, for an anonymous visitor and a member, and the time a hub
takes to harvest every project from this instance's feed. Never run by the tests.

    .venv/bin/python bench/library.py [--projects 100000] [--runs 100] [--no-harvest]

DATABASE_URL selects PostgreSQL, as for the site; by default a temporary
SQLite file is used. Embeddings are off (LIBRARY_EMBEDDINGS=False): embedding
100,000 passages on one CPU core takes about an hour; see docs/library.md.
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
os.environ["LIBRARY_EMBEDDINGS"] = "False"
if "DATABASE_URL" not in os.environ:
    os.environ["CONFIANCE_VAR_DIR"] = tempfile.mkdtemp(prefix="confiance-bench-library-")

QUERIES = [
    ("cantine", {}), ("restauration scolaire", {"region": ["Bretagne"]}), ("dechets", {"technique": ["computer_vision"]}),
    ("depots sauvages", {}), ("fuites d'eau", {"domain": ["water"]}), ("velos", {}), ("ia generative", {"status": ["deployment"]}),
    ("images satellites", {"organisation_kind": ["epci"]}), ("accueil des usagers", {}), ("", {"domain": ["waste"]}),
    ("prevision frequentation", {"size_band": ["lt50k"]}), ("chatbot", {}),
]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load(n):
    from django.db import transaction

    from confiance.demo.library_data import LIBRARY_PROJECTS
    from confiance.library.models import SharedProject
    from confiance.library.search import index_project

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
                for project in SharedProject.objects.bulk_create(batch):
                    index_project(project)
            batch = []
    return time.perf_counter() - started


def time_search(runs, tier):
    from confiance.library.search import search

    timings = []
    for run in range(runs):
        query, filters = QUERIES[run % len(QUERIES)]
        started = time.perf_counter()
        result = search(query, tier, filters)
        _ = [v.count for f in result.facets for v in f.values]
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def time_harvest(page_size):
    from confiance.library.federation import feed_page, harvest
    from confiance.library.models import HarvestSource, SharedProject

    def fetch(url, token=""):
        from urllib.parse import parse_qs, urlsplit

        params = parse_qs(urlsplit(url).query)
        page = feed_page(1, int(params["page"][0]), int(params["page_size"][0]), "http://bench/flux.json")
        page["instance"] = "http://bench-source"  # the copies are told apart from the originals
        return json.loads(json.dumps(page))  # as if it came over the wire

    source = HarvestSource.objects.create(name="bench", url="http://bench/flux.json")
    started = time.perf_counter()
    report = harvest(source, page_size=page_size, fetch=fetch)
    elapsed = time.perf_counter() - started
    assert report.ok, report.errors
    copies = SharedProject.objects.filter(harvest_source=source).count()
    return elapsed, copies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000, help="How many shared projects to load.")
    parser.add_argument("--runs", type=int, default=100, help="Searches timed per tier.")
    parser.add_argument("--page-size", type=int, default=1000, help="Feed page size for the harvest.")
    parser.add_argument("--no-harvest", action="store_true", help="Skip the harvest timing.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from confiance.rules.library_tiers import Tier

    call_command("migrate", verbosity=0)
    print(f"Base : {connection.vendor}, {args.projects} projets partagés")
    print(f"Chargement et indexation : {load(args.projects):.1f} s")
    for tier in (Tier.PUBLIC, Tier.MEMBER):
        time_search(5, tier)  # warm the caches
        timings = time_search(args.runs, tier)
        print(f"Recherche + facettes, palier {int(tier)} ({args.runs} requêtes) : "
              f"p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms")
    if not args.no_harvest:
        elapsed, copies = time_harvest(args.page_size)
        print(f"Moisson du flux ({copies} projets, pages de {args.page_size}) : {elapsed:.1f} s "
              f"({copies / elapsed:.0f} projets/s)")


if __name__ == "__main__":
    main()
