"""`confiance backup` / `confiance restore`: a round trip into an empty instance, on SQLite and PostgreSQL.

Each instance is a real one: its own CONFIANCE_VAR_DIR (SQLite file, uploaded files) or its
own PostgreSQL database, driven through the real commands in subprocesses.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PG = "postgres://postgres@127.0.0.1:54329"

SEED = """
from django.core.files.base import ContentFile
from confiance.review.models import Document
from confiance.review.tests.helpers import make_committee, make_referral, make_opinion
from tests.factories import make_organisation, make_person, make_system
org = make_organisation(name="Ville Sauvegardée", slug="ville-sauvegardee")
agent = make_person(org, ["agent"], username="agent-sauve")
system = make_system(org, name="Tri des courriers", owner=agent)
system.vendor = "Régie"
system.save()
referral = make_referral(system, make_committee(org, "internal", [agent]))
make_opinion(referral, "with_conditions")
document = Document(referral=referral, title="Étude d'impact")
document.file.save("etude.pdf", ContentFile(b"%PDF-1.4 une vraie piece du dossier"), save=True)
"""

FINGERPRINT = """
import hashlib, json
from pathlib import Path
from django.apps import apps
from django.conf import settings
counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
media = Path(settings.MEDIA_ROOT)
files = {str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in sorted(media.rglob("*")) if p.is_file()}
from confiance.register.models import AISystem
systems = [(s.name, s.vendor, s.history.count()) for s in AISystem.objects.order_by("name")]
print(json.dumps({"counts": counts, "files": files, "systems": systems}))
"""


def _manage(env, *args, check=True):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr[-2000:]
    return result


def _instance(tmp_path, name, database_url=None):
    env = {**os.environ, "CONFIANCE_VAR_DIR": str(tmp_path / name), "DJANGO_SETTINGS_MODULE": "confiance.settings"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _fingerprint(env):
    return json.loads(_manage(env, "shell", "--no-imports", "-c", FINGERPRINT).stdout.strip().splitlines()[-1])


def _round_trip(tmp_path, source, target):
    _manage(source, "migrate", "--no-input", "-v", "0")
    _manage(source, "shell", "--no-imports", "-c", SEED)
    before = _fingerprint(source)
    assert before["counts"]["review.Document"] == 1 and len(before["files"]) == 1

    backup_file = tmp_path / "sauvegarde.tar.gz"
    out = _manage(source, "backup", "--output", str(backup_file)).stdout
    assert "Sauvegarde écrite" in out and backup_file.stat().st_size > 0

    refused = _manage(source, "restore", str(backup_file), check=False)  # the source is not empty
    assert refused.returncode != 0 and "contient déjà des données" in refused.stderr
    assert _fingerprint(source) == before

    _manage(target, "restore", str(backup_file))  # a new instance: no tables, no files
    after = _fingerprint(target)
    assert after == before
    assert ("Tri des courriers", "Régie", 2) in [tuple(s) for s in after["systems"]]
    _manage(target, "migrate", "--check")  # every migration is recorded as applied


def test_it_restores_a_sqlite_instance_into_an_empty_one(tmp_path):
    _round_trip(tmp_path, _instance(tmp_path, "a"), _instance(tmp_path, "b"))


def test_it_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_backup = tmp_path / "notes.tar.gz"
    not_backup.write_text("bonjour")
    result = _manage(_instance(tmp_path, "c"), "restore", str(not_backup), check=False)
    assert result.returncode != 0 and "n'est pas une sauvegarde de Confiance" in result.stderr


@pytest.fixture
def pg_databases():
    psycopg = pytest.importorskip("psycopg")
    names = [f"confiance_i16_backup_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    try:
        admin = psycopg.connect(f"{PG}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:54329")
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield [f"{PG}/{name}" for name in names]
    for name in names:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_it_restores_a_postgresql_instance_into_an_empty_database(tmp_path, pg_databases):
    source_url, target_url = pg_databases
    _round_trip(tmp_path, _instance(tmp_path, "a", source_url), _instance(tmp_path, "b", target_url))
