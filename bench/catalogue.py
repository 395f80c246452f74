"""Benchmark the catalogue: import of a 100,000-dataset DCAT-AP file against rdflib's bare parse, and pages.

Generates one DCAT-AP Turtle file of N datasets (each with a distribution, keywords, dates,
frequency, licence), then, in the same run:

1. times rdflib alone parsing that file (the floor: our import parses with rdflib too);
2. times the import (`harvesting.read_document` + `apply_records`: parse, extract, write every
   dataset and its history in one transaction);
3. accepts the datasets and times the catalogue list and a search at that size (p50/p95, through
   Django's in-process test client, as a steward of the organisation sees them).

The last line is the ratio import / bare parse as `ratio N.NN` (goal: at most 3). Never run by the
tests. DATABASE_URL selects PostgreSQL; by default a temporary SQLite file is used.

    .venv/bin/python bench/catalogue.py [--datasets 100000] [--runs 100]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "confiance.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["CONFIANCE_VAR_DIR"] = tempfile.mkdtemp(prefix="confiance-bench-catalogue-")

WORDS = ["collecte", "déchets", "eau", "capteurs", "crèches", "cantines", "population", "iris", "vélo", "bus",
         "stationnement", "arbres", "énergie", "budget", "subventions", "voirie", "écoles", "piscines"]
FREQS = ["DAILY", "WEEKLY", "MONTHLY", "ANNUAL", "IRREG"]


def generate(path, n):
    """Write a DCAT-AP catalogue of `n` datasets in Turtle, as a portal would publish it."""
    base = "https://data.bench.example"
    with path.open("w", encoding="utf-8") as out:
        out.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"
                  "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n")
        out.write(f"<{base}/catalogue> a dcat:Catalog ; dct:title \"Banc d'essai\"@fr ;\n"
                  f"  dct:description \"Catalogue généré.\"@fr ; dct:publisher <{base}/#org> .\n"
                  f"<{base}/#org> a foaf:Agent ; foaf:name \"Collectivité de banc d'essai\" .\n\n")
        for i in range(n):
            w1, w2 = WORDS[i % len(WORDS)], WORDS[(i // 7) % len(WORDS)]
            uri = f"{base}/dataset/{i}"
            out.write(
                f"<{base}/catalogue> dcat:dataset <{uri}> .\n"
                f"<{uri}> a dcat:Dataset ;\n"
                f"  dct:identifier \"jdd-{i}\" ;\n"
                f"  dct:title \"{w1.capitalize()} et {w2} — jeu {i}\"@fr ;\n"
                f"  dct:description \"Données sur {w1} et {w2}, série {i // 100}.\"@fr ;\n"
                f"  dcat:keyword \"{w1}\"@fr, \"{w2}\"@fr ;\n"
                f"  dct:issued \"2020-01-{1 + i % 28:02d}\"^^xsd:date ;\n"
                f"  dct:modified \"2025-{1 + i % 12:02d}-{1 + i % 28:02d}\"^^xsd:date ;\n"
                f"  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/"
                f"{FREQS[i % len(FREQS)]}> ;\n"
                f"  dct:publisher <{base}/#org> ;\n"
                f"  dcat:distribution <{uri}/csv> .\n"
                f"<{uri}/csv> a dcat:Distribution ;\n"
                f"  dcat:accessURL <{base}/files/{i}.csv> ;\n"
                f"  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;\n"
                f"  dct:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence/> .\n\n")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(client, url, runs):
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return durations


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from rdflib import Graph

    from confiance.accounts.models import Membership, Organisation, Person
    from confiance.catalogue import harvesting
    from confiance.catalogue.models import Dataset

    call_command("migrate", verbosity=0)
    folder = Path(tempfile.mkdtemp(prefix="confiance-bench-dcat-"))
    path = folder / "catalogue.ttl"
    start = time.perf_counter()
    generate(path, args.datasets)
    print(f"generated {args.datasets} datasets, {path.stat().st_size / 1e6:.1f} MB in "
          f"{time.perf_counter() - start:.1f} s")

    data = path.read_bytes()
    start = time.perf_counter()
    graph = Graph().parse(data=data.decode("utf-8"), format="turtle")
    parse_seconds = time.perf_counter() - start
    triples = len(graph)
    del graph
    print(f"rdflib parse alone: {parse_seconds:.2f} s ({triples} triples)")

    org = Organisation.objects.create(name="Collectivité de banc d'essai", slug="bench", kind="commune")
    start = time.perf_counter()
    records = harvesting.read_document(data, "text/turtle", "catalogue.ttl")
    counts = harvesting.apply_records(org, records, reason="Banc d'essai")
    import_seconds = time.perf_counter() - start
    assert counts.created == args.datasets, counts
    print(f"import (parse, extract, write with history): {import_seconds:.2f} s — {counts.summary()}")

    Dataset.objects.filter(organisation=org).update(review_status="accepted")
    person = Person.objects.create(username="bench-steward")
    Membership.objects.create(person=person, organisation=org, role="steward")
    client = Client()
    client.force_login(person)
    for label, url in (("list", "/catalogue/jeux/"), ("list page 500", "/catalogue/jeux/?page=500"),
                       ("search", "/catalogue/jeux/?q=capteurs+velo"), ("search one word", "/catalogue/jeux/?q=iris")):
        timed(client, url, 3)  # warm up
        durations = timed(client, url, args.runs)
        print(f"{label:<16} p50 {statistics.median(durations):7.1f} ms   p95 {percentile(durations, 95):7.1f} ms "
              f"({args.datasets} datasets)")
    print(f"ratio {import_seconds / parse_seconds:.2f}")


if __name__ == "__main__":
    main()
