"""Writes during a long restore on SQLite: in batches (now) against one transaction (before), side by side.

Makes a SQLite database (migrate), an organisation whose archive holds --systems records,
exports it, empties the database, then restores the archive twice — in batches of
IMPORT_BATCH_SIZE, and in one batch — each time while a writer saves a row every 50 ms
through its own connection with a --timeout busy timeout (a person saving a form).
Prints, for each: how long the restore took, the writes that landed during it, the
writes refused ("database is locked") and the longest wait of a write. Never run by the
test suite (tests/test_import_concurrency.py proves the same on a smaller archive).

    .venv/bin/python bench/import_concurrency.py [--systems 5000] [--batch 200] [--timeout 5]
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MAKE_ARCHIVE = textwrap.dedent("""
    import copy, json
    from confiance.portability.archive import export_organisation
    from tests.factories import make_organisation, make_person, make_system
    org = make_organisation(name="Métropole Banc", slug="metropole-banc")
    agent = make_person(org, ["agent"], username="agent-banc")
    make_system(org, name="Modèle", owner=agent)
    archive = export_organisation(org)
    model = next(o for o in archive["objects"] if o["model"] == "register.aisystem")
    top = max(o["pk"] for o in archive["objects"] if o["model"] == "register.aisystem")
    for i in range(SYSTEMS):
        clone = copy.deepcopy(model)
        clone["pk"], clone["fields"]["name"] = top + 1 + i, f"Système {i:05d}"
        archive["objects"].append(clone)
    json.dump(archive, open(PATH, "w", encoding="utf-8"))
""")


def run(cmd, env):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def restore_while_writing(env, database, archive_path, batch, timeout):
    env = {**env, "IMPORT_BATCH_SIZE": str(batch)}
    done, refused, waits, stop = [], [], [], threading.Event()

    def writer():
        own = sqlite3.connect(database, timeout=timeout, isolation_level=None)
        own.execute("CREATE TABLE IF NOT EXISTS bench_writes (at REAL)")
        while not stop.is_set():
            began = time.time()
            try:
                own.execute("BEGIN IMMEDIATE")
                own.execute("INSERT INTO bench_writes VALUES (?)", [began])
                own.execute("COMMIT")
                done.append(time.time())
            except sqlite3.OperationalError as exc:
                refused.append(str(exc))
                if own.in_transaction:
                    own.execute("ROLLBACK")
            waits.append(time.time() - began)
            time.sleep(0.05)
        own.close()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.3)
    started = time.time()
    result = subprocess.run([sys.executable, "manage.py", "import", str(archive_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    finished = time.time()
    stop.set()
    thread.join()
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    return {"seconds": finished - started, "during": sum(1 for t in done if started < t < finished),
            "refused": len(refused), "longest_wait": max(waits, default=0.0)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=5000, help="Records in the archive.")
    parser.add_argument("--batch", type=int, default=200, help="IMPORT_BATCH_SIZE of the batched restore.")
    parser.add_argument("--timeout", type=float, default=5.0, help="The writer's busy timeout, in seconds.")
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="confiance-bench-import-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE="confiance.settings", CONFIANCE_VAR_DIR=str(var), LIBRARY_EMBEDDINGS="False",
               LOG_LEVEL="ERROR")
    python, database, archive_path = sys.executable, var / "confiance.sqlite3", var / "archive.json"
    print("Préparation (migrate, archive)…", flush=True)
    run([python, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([python, "manage.py", "shell", "-c", MAKE_ARCHIVE.replace("SYSTEMS", str(args.systems))
         .replace("PATH", repr(str(archive_path)))], env)
    objects = len(json.loads(archive_path.read_text(encoding="utf-8"))["objects"])
    results = {}
    for label, batch in (("par lots", args.batch), ("en une transaction", 10 ** 9)):
        run([python, "manage.py", "flush", "--no-input"], env)
        results[label] = restore_while_writing(env, database, archive_path, batch, args.timeout)
    print(f"Restauration de {objects} objets sur SQLite (WAL), un rédacteur toutes les 50 ms, "
          f"délai d'attente {args.timeout:g} s")
    for label, r in results.items():
        print(f"{label:20}: {r['seconds']:.1f} s, écritures pendant la restauration {r['during']}, "
              f"refusées {r['refused']}, attente la plus longue {r['longest_wait']:.2f} s")
    batched, single = results["par lots"], results["en une transaction"]
    print(f"ratio durée par lots / une transaction : {batched['seconds'] / single['seconds']:.2f}")


if __name__ == "__main__":
    main()
