"""`/sante/`: database, migrations and the task queue's lag, for load balancers and monitoring."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from confiance.core import health
from confiance.jobs.runner import start
from confiance.jobs.tests.tasks import count_to
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_it_answers_ok_with_an_empty_queue(client):
    response = client.get("/sante/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["migrations"] == {"ok": True, "pending": 0}
    assert body["tasks"]["ready"] == 0 and body["tasks"]["lag_seconds"] == 0
    assert "no-cache" in response["Cache-Control"]


def test_it_reports_the_queue_lag_and_degrades_past_the_limit(client, settings):
    settings.HEALTH_TASK_LAG_SECONDS = 60
    start(count_to, kind="test.count", label="Compter", organisation=make_organisation(), n=3)
    assert client.get("/sante/").json()["tasks"]["ready"] == 1
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    body = client.get("/sante/").json()
    assert body["status"] == "degraded" and body["tasks"]["lag_seconds"] >= 600
    assert client.get("/sante/").status_code == 200  # a late worker does not take the site out of rotation


def test_it_answers_503_when_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_known_applied", False)
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: [("a", False)])
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["status"] == "error" and response.json()["migrations"]["pending"] == 1


def test_it_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def unreachable():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health, "_database", unreachable)
    response = client.get("/sante/")
    assert response.status_code == 503 and response.json()["database"]["ok"] is False


def test_it_refuses_anything_but_get(client):
    assert client.post("/sante/").status_code == 405


LOG_SCRIPT = ("import django, logging; django.setup(); "
              "logging.getLogger('confiance.jobs').warning('Tâche %s échouée', 7)")


def _run_with(log_format, tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "confiance.settings", "LOG_FORMAT": log_format,
           "CONFIANCE_VAR_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", LOG_SCRIPT], env=env, capture_output=True, text=True,
                          cwd=settings_module_root())


def settings_module_root():
    from django.conf import settings

    return settings.BASE_DIR


def test_it_logs_one_json_object_per_line_when_asked(tmp_path):
    result = _run_with("json", tmp_path)
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING" and line["logger"] == "confiance.jobs" and line["message"] == "Tâche 7 échouée"
    assert "time" in line
    assert _run_with("text", tmp_path).stderr.strip() == "Tâche 7 échouée"


def test_it_refuses_an_unknown_log_format(tmp_path):
    result = _run_with("yaml", tmp_path)
    assert result.returncode != 0 and "LOG_FORMAT must be text or json" in result.stderr
