"""Issue 15, finding 5: during a long restore on SQLite, another connection writes without
"database is locked".

The test database (migrated) is copied to a file; `confiance import` restores a large
archive into it in a subprocess, in batches of 40 objects, while this test writes
through its own connection with a 5-second busy timeout (the issue's), as a person
saving a form would. Every write must succeed, and writes must land *between* batches:
inside its transaction the writer counts the restored records, and sees some but not
all of them. The same restore in one transaction (as before) never lets a write in
between — the writer sees none or all — so the test fails without batches.
(bench/import_concurrency.py measures the waits and refusals side by side.)
"""

import copy
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from confiance.portability.archive import export_organisation
from tests.factories import make_system

ROOT = Path(__file__).resolve().parent.parent
SYSTEMS = 1500

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's one write lock is what this is about")]


def _large_archive(cast):
    """Return the organisation's archive with SYSTEMS records (copies of one, each with its own key and name)."""
    make_system(cast.org, name="Modèle", owner=cast.agent)
    archive = export_organisation(cast.org)
    model = next(o for o in archive["objects"] if o["model"] == "register.aisystem" and o["fields"]["name"] == "Modèle")
    top = max(o["pk"] for o in archive["objects"] if o["model"] == "register.aisystem")
    for i in range(SYSTEMS):
        clone = copy.deepcopy(model)
        clone["pk"], clone["fields"]["name"] = top + 1 + i, f"Système {i:04d}"
        archive["objects"].append(clone)
    return archive


def _restore_while_writing(tmp_path, archive, batch_size):
    """Restore `archive` into a file copy of the empty test database while a writer saves every 50 ms.
    Return (the restore's return code, its stderr, writes done during it, writes refused)."""
    var = tmp_path / f"var-{batch_size}"
    var.mkdir()
    database = var / "confiance.sqlite3"
    target = sqlite3.connect(database)
    connection.ensure_connection()
    connection.connection.backup(target)
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    path = tmp_path / "archive.json"
    path.write_text(json.dumps(archive), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(CONFIANCE_VAR_DIR=str(var), IMPORT_BATCH_SIZE=str(batch_size), DJANGO_SETTINGS_MODULE="confiance.settings",
               LOG_LEVEL="WARNING")
    restore = subprocess.Popen([sys.executable, "manage.py", "import", str(path)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done, refused, seen, stop = [], [], [], threading.Event()

    def writer():
        own = sqlite3.connect(database, timeout=5.0, isolation_level=None)  # a person saving a form
        own.execute("CREATE TABLE IF NOT EXISTS bench_writes (at REAL)")
        while not stop.is_set():
            try:
                own.execute("BEGIN IMMEDIATE")
                own.execute("INSERT INTO bench_writes VALUES (?)", [time.time()])
                seen.append(own.execute("SELECT COUNT(*) FROM register_aisystem").fetchone()[0])
                own.execute("COMMIT")
                done.append(time.time())
            except sqlite3.OperationalError as exc:
                refused.append(str(exc))
                if own.in_transaction:
                    own.execute("ROLLBACK")
            time.sleep(0.05)
        own.close()

    thread = threading.Thread(target=writer)
    thread.start()
    started = time.time()
    _, stderr = restore.communicate(timeout=600)
    finished = time.time()
    stop.set()
    thread.join()
    during = [t for t in done if started < t < finished]
    return restore.returncode, stderr, during, refused, seen


def test_a_writer_keeps_writing_during_a_long_restore_in_batches(cast, tmp_path):
    archive = _large_archive(cast)
    call_command("flush", interactive=False)
    code, stderr, during, refused, seen = _restore_while_writing(tmp_path, archive, batch_size=40)
    assert code == 0, stderr[-2000:]
    total = SYSTEMS + 2
    assert refused == [] and len(during) >= 3, (refused[:3], len(during))
    assert any(0 < count < total for count in seen), sorted(set(seen))  # writes landed between batches


def test_the_same_restore_in_one_transaction_lets_no_write_in_between(cast, tmp_path):
    """The control of the test above: without batches the writer never sees a partial restore."""
    archive = _large_archive(cast)
    call_command("flush", interactive=False)
    code, stderr, _, _, seen = _restore_while_writing(tmp_path, archive, batch_size=100_000)
    assert code == 0, stderr[-2000:]
    assert seen and set(seen) <= {0, SYSTEMS + 2}, sorted(set(seen))
