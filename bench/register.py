"""Benchmark the register's list, search and detail pages with 10,000 records.

Loads 10,000 systems over 50 organisations into a scratch database, then times
the pages through Django's in-process test client and prints p50/p95 for each,
for comparison between versions. Never run by the test suite.

    .venv/bin/python bench/register.py [--systems 10000] [--organisations 50] [--runs 200]

DATABASE_URL selects PostgreSQL, as for the site; by default a temporary
SQLite file is used.
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
    os.environ["CONFIANCE_VAR_DIR"] = tempfile.mkdtemp(prefix="confiance-bench-")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load(n_systems, n_orgs):
    from django.db import transaction

    from confiance.accounts.models import Membership, Organisation, Person, Service
    from confiance.register.models import AISystem
    from confiance.register.search import fold

    domains = ["waste", "water", "mobility", "education", "solidarity", "early_childhood", "culture"]
    words = ["prévision", "détection", "fuites", "cantines", "crèches", "déchets", "trafic", "énergie"]
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Collectivité {i}", slug=f"bench-{i}", kind="commune") for i in range(n_orgs)
        )
        services = Service.objects.bulk_create(Service(organisation=o, name="Pôle Numérique") for o in orgs)
        person = Person.objects.create(username="bench-dpo")
        Membership.objects.create(person=person, organisation=orgs[0], role="dpo")
        Person.objects.create(username="bench-operator", is_superuser=True)
        systems = []
        for i in range(n_systems):
            org_index = i % n_orgs
            name = f"{words[i % len(words)].capitalize()} {i} {words[(i // 7) % len(words)]}"
            summary = f"Système {i} pour {words[(i // 3) % len(words)]}."
            systems.append(AISystem(
                name=name, public_summary=summary, purpose="Banc d'essai.", domain=domains[i % len(domains)],
                technique="statistical_ml", organisation=orgs[org_index], service=services[org_index],
                search_text=fold(f"{name} {summary} Banc d'essai."),
            ))
        # bulk_create skips save() and the signals: the benchmark measures the pages, not the loading.
        AISystem.objects.bulk_create(systems, batch_size=2000)
    return person, orgs[0]


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
    parser.add_argument("--systems", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from confiance.register.models import AISystem

    setup_test_environment()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    person, org = load(args.systems, args.organisations)
    print(f"loaded {args.systems} systems over {args.organisations} organisations "
          f"in {time.perf_counter() - start:.1f} s ({django.db.connection.vendor})")
    from confiance.accounts.models import Person

    detail = AISystem.objects.filter(organisation=org).first()
    pages = {
        "list": "/registre/systemes/",
        "list page 3": "/registre/systemes/?page=3",
        "search": "/registre/systemes/?q=fuites+cantines",
        "filter": "/registre/systemes/?domain=water&technique=statistical_ml",
        "detail": f"/registre/systemes/{detail.pk}/",
        # Completeness per standard (issue #17) is computed on request for every visible record.
        "dashboard": "/registre/",
        "incomplete": "/registre/systemes/?incomplete_for=etalab",
    }
    # A DPO sees their organisation's share; the operator (superuser) sees all of them.
    viewers = {"dpo": person, "operator": Person.objects.get(username="bench-operator")}
    print(f"{'viewer':<10}{'page':<14}{'p50 ms':>10}{'p95 ms':>10}")
    for viewer, who in viewers.items():
        client = Client()
        client.force_login(who)
        for label, url in pages.items():
            client.get(url)  # warm caches
            durations = timed(client, url, args.runs)
            print(f"{viewer:<10}{label:<14}{statistics.median(durations):>10.1f}{percentile(durations, 95):>10.1f}")


if __name__ == "__main__":
    main()
