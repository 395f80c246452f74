"""Benchmark the public list and system pages against a static file of the same bytes.

Loads 10,000 public systems into a scratch database, starts two gunicorn servers
on loopback with the same number of sync workers: one serving the site, one a
tiny WSGI app that returns the very bytes of each page from memory. A second
process then loads each URL with concurrent connections for a fixed time, and
the script prints requests per second of both and their ratio. Never run by the
test suite.

    .venv/bin/python bench/public.py [--systems 10000] [--seconds 5] [--workers 2] [--clients 8]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = tempfile.mkdtemp(prefix="confiance-bench-public-")
os.environ.update(DJANGO_SETTINGS_MODULE="confiance.settings", CONFIANCE_VAR_DIR=VAR, CONN_MAX_AGE="60")
os.environ.pop("DATABASE_URL", None)

LOADER = textwrap.dedent("""
    import http.client, sys, threading, time
    port, path, seconds, clients = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    counts, errors = [0] * clients, [0] * clients
    def work(i):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    counts[i] += 1
                else:
                    errors[i] += 1
            except OSError:
                errors[i] += 1
            finally:
                conn.close()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(sum(counts) / (time.perf_counter() - start), sum(errors))
""")

STATIC_APP = textwrap.dedent("""
    import json, os
    PAGES = {k: bytes.fromhex(v) for k, v in json.load(open(os.environ["BENCH_PAGES"])).items()}
    def application(environ, start_response):
        body = PAGES.get(environ["PATH_INFO"] + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else ""))
        if body is None:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b""]
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]
""")


def load(n_systems):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from confiance.accounts.models import Organisation, Service
    from confiance.public.signals import publish_version
    from confiance.register.models import AISystem
    from confiance.register.search import fold

    call_command("migrate", verbosity=0)
    domains = ["waste", "water", "mobility", "education", "solidarity", "early_childhood", "culture"]
    words = ["prévision", "détection", "fuites", "cantines", "crèches", "déchets", "trafic", "énergie"]
    with transaction.atomic():
        org = Organisation.objects.create(name="Métropole du banc d'essai", slug="banc", kind="epci")
        services = [Service.objects.create(organisation=org, name=f"Direction {i}") for i in range(10)]
        systems = []
        for i in range(n_systems):
            name = f"{words[i % len(words)].capitalize()} {i} {words[(i // 7) % len(words)]}"
            summary = f"Le système {i} aide les agents pour les {words[(i // 3) % len(words)]}."
            systems.append(AISystem(
                name=name, public_summary=summary, purpose="Banc d'essai.", domain=domains[i % len(domains)],
                technique="statistical_ml", organisation=org, service=services[i % 10],
                status="deployed" if i % 3 else "experimenting", search_text=fold(f"{name} {summary} Banc d'essai."),
            ))
        AISystem.objects.bulk_create(systems, batch_size=2000)  # no signals: this measures the pages
        target = AISystem.objects.filter(organisation=org).order_by("pk")[n_systems // 2]
        target.save()  # one record through the normal path: checks, and its first public version
        publish_version(target)
    return org.slug, target.pk


def start(args, env=None):
    process = subprocess.Popen(args, cwd=ROOT, env=env or os.environ, stdout=subprocess.DEVNULL,
                               stderr=open(Path(VAR) / "gunicorn.log", "ab"))
    return process


def wait_for(port, path):
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"Le serveur du port {port} ne répond pas (voir {VAR}/gunicorn.log).")


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rate(port, path, seconds, clients):
    out = subprocess.run([sys.executable, "-c", LOADER, str(port), path, str(seconds), str(clients)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=10_000, help="Nombre de systèmes publics (10 000).")
    parser.add_argument("--seconds", type=float, default=5, help="Durée de chaque mesure, en secondes (5).")
    parser.add_argument("--workers", type=int, default=2, help="Processus gunicorn de chaque serveur (2).")
    parser.add_argument("--clients", type=int, default=8, help="Connexions simultanées du chargeur (8).")
    options = parser.parse_args()
    slug, pk = load(options.systems)
    paths = {"liste": f"/public/{slug}/systemes/", "recherche": f"/public/{slug}/systemes/?q=creches",
             "fiche": f"/public/{slug}/systemes/{pk}/"}
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    site_port, static_port = free_port(), free_port()
    site = start([gunicorn, "-w", str(options.workers), "-b", f"127.0.0.1:{site_port}", "confiance.wsgi"])
    static = None
    try:
        pages = {p: wait_for(site_port, p).hex() for p in paths.values()}
        pages_file = Path(VAR) / "pages.json"
        pages_file.write_text(json.dumps(pages))
        (Path(VAR) / "bench_static.py").write_text(STATIC_APP)
        static = start([gunicorn, "-w", str(options.workers), "-b", f"127.0.0.1:{static_port}", "--chdir", VAR,
                        "bench_static:application"], env={**os.environ, "BENCH_PAGES": str(pages_file)})
        wait_for(static_port, paths["liste"])
        print(f"{options.systems} systèmes publics, gunicorn {options.workers} workers, {options.clients} clients, "
              f"{options.seconds:g} s par mesure")
        print(f"{'page':<10} {'octets':>7} {'dynamique req/s':>16} {'statique req/s':>15} {'rapport':>8}")
        for name, path in paths.items():
            dynamic, errors_d = rate(site_port, path, options.seconds, options.clients)
            fixed, errors_s = rate(static_port, path, options.seconds, options.clients)
            flag = f"  ({errors_d + errors_s} erreurs)" if errors_d or errors_s else ""
            print(f"{name:<10} {len(pages[path]) // 2:>7} {dynamic:>16.0f} {fixed:>15.0f} {dynamic / fixed:>8.2f}{flag}")
    finally:
        for process in (site, static):
            if process is not None:
                process.terminate()
                process.wait()


if __name__ == "__main__":
    main()
