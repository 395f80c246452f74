"""`confiance runworker`: a worker killed mid-task (kill -9) does not leave its job "running"."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

ENQUEUE = """
from confiance.jobs.runner import start
from confiance.jobs.tests.slow_tasks import tick
from tests.factories import make_organisation
print(start(tick, kind="test.tick", label="Compter", organisation=make_organisation(), n=12, seconds=0.5,
            trace={trace!r}).pk)
"""
STATUS = "from confiance.jobs.models import Job; j = Job.objects.get(); print(j.status, j.done)"


def _shell(env, code):
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def _worker(env):
    return subprocess.Popen([sys.executable, "manage.py", "runworker", "--queue-name", "*", "--no-reload",
                             "--no-startup-delay", "--interval", "0.2"], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for(env, predicate, seconds=90):
    for _ in range(int(seconds / 0.5)):
        status, done = _shell(env, STATUS).split()
        if predicate(status, int(done)):
            return status, int(done)
        time.sleep(0.5)
    raise AssertionError(f"the job stayed {status} at {done}")


def test_it_retries_the_job_of_a_killed_worker_in_another_worker(tmp_path):
    env = {**os.environ, "CONFIANCE_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "confiance.settings",
           "JOBS_WORKER_TIMEOUT": "3", "JOBS_KILLED_RETRIES": "1"}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    trace = tmp_path / "trace.txt"
    _shell(env, ENQUEUE.format(trace=str(trace)))
    first = _worker(env)
    try:
        _wait_for(env, lambda status, done: status == "running" and done >= 2)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # no chance to clean up: the task row stays RUNNING
        first.wait()
    assert _shell(env, STATUS).split()[0] == "running"
    second = _worker(env)
    try:
        status, done = _wait_for(env, lambda status, done: status in ("succeeded", "failed"))
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert (status, done) == ("succeeded", 12)
    assert trace.read_text().splitlines() == ["start", "start"]  # started again from the beginning, once
