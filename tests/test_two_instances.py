"""Scale-out on PostgreSQL: two gunicorn instances and two workers on one database (docs/deploy.md).

A change made through one instance's API is seen on the other instance's (cached) public
pages within the documented delay, and each task is run once by one of the two workers.
The PostgreSQL server is the one DATABASE_URL names (a fresh database is made on it);
without a PostgreSQL DATABASE_URL the test is skipped.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _postgres_server():
    """Return DATABASE_URL without its database name ("postgres://user@host:port"), or None when not PostgreSQL."""
    parts = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme not in ("postgres", "postgresql", "pgsql") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


DOCUMENTED_DELAY = 3.0  # docs/deploy.md, "Scale out": public pages follow a change within 3 seconds

SEED = """
from confiance.accounts.models import ApiToken
from tests.factories import make_organisation, make_person, make_system
org = make_organisation(name="Ville Deux", slug="ville-deux")
steward = make_person(org, ["admin"], username="admin-deux")
system = make_system(org, name="Tri du courrier", status="deployed", owner=steward)
print(system.pk, ApiToken.issue(steward, "test")[1])
"""
ENQUEUE = """
from confiance.accounts.models import Organisation
from confiance.jobs.runner import start
from confiance.jobs.tests.slow_tasks import tick
org = Organisation.objects.get(slug="ville-deux")
for i in range({n}):
    start(tick, kind="test.tick", label=f"Tâche {{i}}", organisation=org, n=2, seconds=0.05, trace={trace!r})
"""
RESULTS = """
import json
from django_tasks_db.models import DBTaskResult
from confiance.jobs.models import Job
print(json.dumps({"jobs": sorted(Job.objects.values_list("status", flat=True)),
                  "workers": [r.worker_ids for r in DBTaskResult.objects.all()]}))
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _shell(env, code):
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def _get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read().decode()


def _wait_until_up(port):
    for _ in range(240):
        try:
            if _get(f"http://127.0.0.1:{port}/sante/")[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"gunicorn on {port} did not answer")


@pytest.fixture
def database():
    psycopg = pytest.importorskip("psycopg")
    server = _postgres_server()
    if server is None:
        pytest.skip("DATABASE_URL does not name a PostgreSQL server (postgres://user@host:port/base)")
    name = f"confiance_i16_two_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL is not reachable at {urllib.parse.urlsplit(server).hostname}")
    admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_two_instances_and_two_workers_share_one_postgresql(tmp_path, database):
    processes = []

    def spawn(command, env):
        processes.append(subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

    base = {**os.environ, "DATABASE_URL": database, "DJANGO_SETTINGS_MODULE": "confiance.settings"}
    envs = [{**base, "CONFIANCE_VAR_DIR": str(tmp_path / name)} for name in ("a", "b")]  # nothing shared but PG
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=envs[0],
                   check=True)
    system_id, token = _shell(envs[0], SEED).split()
    ports = [_free_port(), _free_port()]
    try:
        for env, port in zip(envs, ports, strict=True):
            spawn([sys.executable, "-m", "gunicorn", "confiance.wsgi:application", "--bind", f"127.0.0.1:{port}",
                   "--workers", "2", "--log-level", "warning"], env)
            spawn([sys.executable, "manage.py", "runworker", "--queue-name", "*", "--no-reload",
                   "--no-startup-delay", "--interval", "0.2"], env)
        for port in ports:
            _wait_until_up(port)

        # B's public list is cached, then A's API renames the record.
        public_b = f"http://127.0.0.1:{ports[1]}/public/ville-deux/systemes/"
        for _ in range(3):
            assert "Tri du courrier" in _get(public_b)[1]
        record_a = f"http://127.0.0.1:{ports[0]}/api/systems/{system_id}"
        with urllib.request.urlopen(urllib.request.Request(record_a, headers={"Authorization": f"Bearer {token}"}),
                                    timeout=10) as response:
            etag = response.headers["ETag"]  # a PATCH names the version it read (If-Match)
        request = urllib.request.Request(
            record_a, method="PATCH", data=json.dumps({"name": "Tri du courrier entrant"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "If-Match": etag})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
        changed_at = time.monotonic()
        while "Tri du courrier entrant" not in _get(public_b)[1]:
            assert time.monotonic() - changed_at < DOCUMENTED_DELAY, "B still shows the old name"
            time.sleep(0.1)

        # Twenty jobs, two workers: each job runs once, by one worker.
        trace = tmp_path / "trace.txt"
        _shell(envs[0], ENQUEUE.format(n=20, trace=str(trace)))
        deadline = time.monotonic() + 120
        while True:
            results = json.loads(_shell(envs[1], RESULTS))
            if all(status in ("succeeded", "failed") for status in results["jobs"]) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert results["jobs"] == ["succeeded"] * 20
        assert all(len(worker_ids) == 1 for worker_ids in results["workers"])
        assert trace.read_text().splitlines() == ["start"] * 20
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
