"""`confiance serve` (the end of `make run`): gunicorn answers, the worker runs tasks, both stop together."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

ENQUEUE = """
from confiance.jobs.runner import start
from confiance.jobs.tests.tasks import count_to
from tests.factories import make_organisation
print(start(count_to, kind="demo.count", label="Compter", organisation=make_organisation(), n=3).pk)
"""
STATUS = "from confiance.jobs.models import Job; print(Job.objects.get().status)"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.headers, response.read()


def test_it_serves_with_gunicorn_and_runs_tasks_with_its_worker(tmp_path):
    env = {**os.environ, "CONFIANCE_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "confiance.settings"}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    server = subprocess.Popen([*manage, "serve", "--port", str(port), "--workers", "1"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = server.stdout.readline()
        assert first.startswith(f"Confiance est servi sur http://127.0.0.1:{port}/")
        for _ in range(120):
            try:
                status, headers, body = _get(f"http://127.0.0.1:{port}/sante/")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200 and json.loads(body)["status"] == "ok"
        assert headers["Server"].startswith("gunicorn")
        status, headers, _ = _get(f"http://127.0.0.1:{port}/static/css/base.css")  # WhiteNoise
        assert status == 200 and headers["Content-Type"].startswith("text/css")

        subprocess.run([*manage, "shell", "--no-imports", "-c", ENQUEUE], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        for _ in range(120):
            done = subprocess.run([*manage, "shell", "--no-imports", "-c", STATUS], cwd=ROOT, env=env,
                                  capture_output=True, text=True).stdout.strip().splitlines()[-1]
            if done == "succeeded":
                break
            time.sleep(0.5)
        assert done == "succeeded"
        queued = subprocess.run([*manage, "queuecommand", "sendreminders", "--wait", "60"], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        assert queued.returncode == 0 and "Terminée" in queued.stdout, queued.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    children = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True, text=True).stdout.split()
    assert children == []  # gunicorn and the worker stopped with it
