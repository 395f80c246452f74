"""Cancelling a job, and what happens to the tasks of a worker that died."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from confiance.jobs.control import cancel, recover_abandoned
from confiance.jobs.models import Job, WorkerBeat
from confiance.jobs.runner import run_queued, start
from confiance.jobs.tests.slow_tasks import tick

pytestmark = pytest.mark.django_db


def _start(cast, n=3):
    return start(tick, kind="test.tick", label="Compter", organisation=cast.org, started_by=cast.agent, n=n)


def test_it_cancels_a_queued_job_so_it_never_runs(cast):
    job = _start(cast)
    assert cancel(job)
    job.refresh_from_db()
    assert job.status == "cancelled" and job.finished_at
    assert run_queued() == 0  # the task is no longer ready
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"
    assert not cancel(job)  # already over


def test_it_stops_a_running_job_at_its_next_report(cast):
    job = _start(cast, n=5)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")  # a worker holds it
    Job.objects.filter(pk=job.pk).update(status="running")
    assert cancel(job)
    job.refresh_from_db()
    assert job.status == "running" and job.cancel_requested_at
    DBTaskResult.objects.filter(id=job.task_id).update(status="READY")  # let this process play the worker
    run_queued()
    job.refresh_from_db()
    assert job.status == "cancelled" and job.done < 5


def test_it_cancels_from_the_page_for_who_may_follow_the_job(client, cast):
    job = _start(cast)
    client.force_login(cast.stranger)
    assert client.post(f"/taches/{job.pk}/annuler/").status_code == 404
    client.force_login(cast.agent)
    assert "Annuler la tâche" in client.get(f"/taches/{job.pk}/").content.decode()
    assert client.get(f"/taches/{job.pk}/annuler/").status_code == 405
    assert client.post(f"/taches/{job.pk}/annuler/").status_code == 302
    job.refresh_from_db()
    assert job.status == "cancelled"


def test_it_cancels_from_the_command_line(cast, capsys):
    job = _start(cast)
    call_command("canceljob", str(job.pk))
    job.refresh_from_db()
    assert job.status == "cancelled" and "annulée" in capsys.readouterr().out


def _held_by_dead_worker(job, tries=1):
    long_ago = timezone.now() - timedelta(minutes=5)
    WorkerBeat.objects.create(worker_id="machine:1:mort", host="machine", pid=1, seen_at=long_ago)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING", started_at=long_ago,
                                                       worker_ids=["machine:1:mort"] * tries)
    Job.objects.filter(pk=job.pk).update(status="running")


def test_it_puts_a_task_of_a_dead_worker_back_in_the_queue_once(cast, settings):
    settings.JOBS_KILLED_RETRIES = 1
    job = _start(cast)
    _held_by_dead_worker(job)
    assert recover_abandoned() == (1, 0)
    job.refresh_from_db()
    assert job.status == "queued" and "reprise" in job.message
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.status == "succeeded"


def test_it_marks_failed_a_task_that_already_died_with_its_worker(cast, settings):
    settings.JOBS_KILLED_RETRIES = 1
    job = _start(cast)
    _held_by_dead_worker(job, tries=2)
    assert recover_abandoned() == (0, 1)
    job.refresh_from_db()
    assert job.status == "failed" and "relancez-la" in job.message
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"
    assert not WorkerBeat.objects.exists()


def test_it_leaves_alone_a_task_whose_worker_is_alive_or_unknown(cast):
    alive = _start(cast)
    WorkerBeat.objects.create(worker_id="machine:2:vivant", host="machine", pid=2, seen_at=timezone.now())
    DBTaskResult.objects.filter(id=alive.task_id).update(status="RUNNING", worker_ids=["machine:2:vivant"])
    unknown = _start(cast)
    DBTaskResult.objects.filter(id=unknown.task_id).update(status="RUNNING", worker_ids=["db_worker-sans-pouls"])
    assert recover_abandoned() == (0, 0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"RUNNING"}
