import pytest
from django_tasks_db.models import DBTaskResult

from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued, start
from confiance.jobs.tests.tasks import count_to


def test_it_queues_a_job_and_its_task_without_running_it(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, started_by=cast.admin, n=5)
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and job.done == 0
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"


def test_it_runs_the_task_on_the_database_worker_and_records_progress_and_result(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, started_by=cast.admin, n=5)
    assert run_queued() == 1
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.result_url) == (Job.Status.SUCCEEDED, 5, 5, "/resultat/5/")
    assert job.started_at and job.finished_at
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"
    assert run_queued() == 0


def test_it_stops_with_the_french_message_of_job_failed(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, n=5, fail_at=3)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "Arrêt demandé à 3."
    assert job.done == 2


def test_it_hides_an_unexpected_error_and_lets_the_task_framework_record_it(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, n=5, crash=True)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "erreur inattendue" in job.message and "boom" not in job.message
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"


@pytest.mark.parametrize(("status", "done", "total", "percent"), [
    ("running", 0, 0, None), ("running", 3, 4, 75), ("running", 9, 4, 100), ("succeeded", 0, 0, 100),
])
def test_it_computes_the_percentage(status, done, total, percent):
    assert Job(status=status, done=done, total=total).percent == percent
