"""Load the site as a busy office and the public would, then prove that no acknowledged write was lost.

Sets up a PostgreSQL database (the demo, plus API tokens), starts gunicorn with
DEBUG off, and runs locust headless: READERS anonymous clients browse the public
site and the library while WRITERS clients edit a handful of records through the
API, each change with `If-Match` (on 412 they read the record again and retry).
At the end it prints requests per second, the 95th percentile, the error count
(412 answers are the concurrency control working, counted apart), and checks in
the database that every write answered 200 is in its record and in its history,
at the version its ETag named, and that the history shows no change nobody made.
Never run by the test suite.

    .venv/bin/python bench/load.py [--readers 200] [--writers 20] [--seconds 300] [--workers 4]
        [--database-url postgres://postgres@127.0.0.1:54329/confiance_bench_load]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8015"))
FIELDS = ["vendor", "product", "model_name", "hosting_provider", "licence"]

SETUP = textwrap.dedent("""
    import json
    from confiance.accounts.models import ApiToken, Person
    from confiance.accounts.permissions import Action, can
    from confiance.public.models import PublicVersion
    from confiance.register.models import AISystem
    steward = Person.objects.get(username="referent")
    systems = [s for s in AISystem.objects.order_by("pk") if can(steward, Action.EDIT, s.organisation_id, s)][:5]
    tokens = [ApiToken.issue(steward, f"bench {i}")[1] for i in range(WRITERS)]
    public = sorted({(v.system.organisation.slug, v.system_id) for v in PublicVersion.objects.select_related("system__organisation")})
    print(json.dumps({"systems": [s.pk for s in systems], "tokens": tokens, "public": public}))
""")

VERIFY = textwrap.dedent("""
    import json
    from confiance.register.models import AISystem
    acks = json.load(open(ACKS))
    problems, by_field = [], {}
    for ack in acks:
        row = AISystem.history.filter(id=ack["system"], history_id=ack["version"]).first()
        if row is None or getattr(row, ack["field"]) != ack["value"]:
            problems.append(f"write {ack} is not in the history at its version")
        by_field.setdefault((ack["system"], ack["field"]), []).append(ack)
    for (system_id, field), writes in by_field.items():
        current = getattr(AISystem.objects.get(pk=system_id), field)
        last = max(writes, key=lambda w: w["version"])
        if current != last["value"]:
            problems.append(f"system {system_id} {field}: record holds {current!r}, last acknowledged {last['value']!r}")
        acknowledged = {w["version"] for w in writes}
        rows = list(AISystem.history.filter(id=system_id).order_by("history_id"))
        for before, after in zip(rows, rows[1:]):
            if getattr(before, field) != getattr(after, field) and after.history_id not in acknowledged:
                problems.append(f"system {system_id} {field}: version {after.history_id} changed it, "
                                "and no acknowledged write did (a revert nobody made)")
    print(json.dumps({"acknowledged": len(acks), "problems": problems[:20], "problem_count": len(problems)}))
""")


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=200, help="Anonymous public clients.")
    parser.add_argument("--writers", type=int, default=20, help="API clients editing records with If-Match.")
    parser.add_argument("--seconds", type=int, default=300, help="How long the load lasts.")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (gthread, 4 threads each).")
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:54329/confiance_bench_load"))
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="confiance-bench-load-")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="confiance.settings", CONFIANCE_VAR_DIR=var, DATABASE_URL=args.database_url,
               DEBUG="False", SECURE_COOKIES="False", HSTS_SECONDS="0", LIBRARY_EMBEDDINGS="False",
               ALLOWED_HOSTS="127.0.0.1,localhost", CONN_MAX_AGE="60", LOG_LEVEL="ERROR",
               LOGIN_FAILURE_LIMIT="1000")
    python = sys.executable
    _recreate_database(args.database_url)
    print("Préparation de la base (migrate, loaddemo)…", flush=True)
    run([python, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([python, "manage.py", "loaddemo"], env)
    setup = json.loads(run([python, "manage.py", "shell", "-c", SETUP.replace("WRITERS", str(args.writers))],
                           env).stdout.strip().splitlines()[-1])

    server = subprocess.Popen(
        [python, "-m", "gunicorn", "confiance.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(args.workers),
         "-k", "gthread", "--threads", "4", "--log-level", "error", "--timeout", "60"],
        cwd=ROOT, env=env, stderr=open(Path(var) / "gunicorn.log", "w"))
    try:
        _wait_for(f"http://127.0.0.1:{PORT}/public/")
        acks_path = Path(var) / "acks.json"
        config = {"host": f"http://127.0.0.1:{PORT}", "readers": args.readers, "writers": args.writers,
                  "seconds": args.seconds, "acks": str(acks_path), **setup}
        config_path = Path(var) / "config.json"
        config_path.write_text(json.dumps(config))
        # locust patches the standard library with gevent: it runs in its own process.
        result = subprocess.run([python, str(Path(__file__).with_name("load_users.py")), str(config_path)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        sys.stderr.write(result.stderr[-3000:] if result.returncode else "")
        summary = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=30)
    verdict = _verify(python, env, acks_path)
    print()
    print(f"Charge : {args.readers} lecteurs publics + {args.writers} rédacteurs API, {args.seconds} s, "
          f"gunicorn {args.workers}×4 fils, PostgreSQL")
    print(f"requêtes            : {summary['requests']}")
    print(f"requêtes par seconde: {summary['rps']:.1f}")
    print(f"p95                 : {summary['p95_ms']} ms (p50 {summary['p50_ms']} ms)")
    print(f"erreurs             : {summary['errors']} (hors 412)")
    print(f"412 (conflits gérés): {summary['conflicts']}, PATCH restés sans réponse : {summary['unanswered_patches']}")
    if summary["errors"]:
        print(f"détail des erreurs  : {summary.get('errors_detail')} (journal de gunicorn : {var}/gunicorn.log)")
    print(f"écritures acquittées: {verdict['acknowledged']}, toutes présentes dans la fiche et son historique : "
          f"{'OUI' if verdict['problem_count'] == 0 else 'NON'}")
    for problem in verdict["problems"]:
        print("  -", problem)
    ok = summary["errors"] == 0 and verdict["problem_count"] == 0 and verdict["acknowledged"] > 0
    sys.exit(0 if ok else 1)


def _verify(python, env, acks_path):
    script = VERIFY.replace("ACKS", repr(str(acks_path)))
    out = run([python, "manage.py", "shell", "-c", script], env).stdout
    return json.loads(out.strip().splitlines()[-1])


def _recreate_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _wait_for(url, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"le serveur ne répond pas : {url}")


if __name__ == "__main__":
    random.seed(15)
    main()
