"""A job a command runs in its own process (runner.run_here), and a job's file."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from confiance.jobs.control import recover_abandoned
from confiance.jobs.models import Job, WorkerBeat
from confiance.jobs.runner import JobCancelled, run_here, run_queued, start
from confiance.jobs.tests.slow_tasks import tick
from confiance.jobs.tests.tasks import count_to, write_file
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_it_runs_the_job_in_this_process_and_reports_each_write(cast):
    lines = []
    job = run_here(count_to, kind="test.count", label="Compter ici", organisation=cast.org,
                   on_write=lambda j: lines.append((j.done, j.total)), n=3)
    assert (job.status, job.done, job.result_url) == (Job.Status.SUCCEEDED, 3, "/resultat/3/")
    assert lines[0] == (0, 3) and lines[-1] == (3, 3)
    assert job.task_id.startswith("inline:") and not WorkerBeat.objects.exists()  # it stopped beating
    assert run_queued() == 0  # nothing was left for a worker


def test_it_records_the_french_message_of_a_failed_inline_job(cast):
    job = run_here(count_to, kind="test.count", label="Compter ici", organisation=cast.org, n=4, fail_at=2)
    assert job.status == Job.Status.FAILED and job.message == "Arrêt demandé à 2."


def test_it_marks_failed_an_inline_job_whose_command_died(cast):
    job = Job.objects.create(kind="test.count", label="Compter", organisation=cast.org, status=Job.Status.RUNNING,
                             task_id="inline:machine:123:abc")
    WorkerBeat.objects.create(worker_id="inline:machine:123:abc", host="machine", pid=123,
                              seen_at=timezone.now() - timedelta(hours=1))
    assert recover_abandoned() == (0, 1)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "commande" in job.message


def test_it_lets_a_cancel_through_code_that_catches_every_error():
    try:
        try:
            raise JobCancelled()
        except Exception:  # noqa: BLE001 - what an importer does with any error
            pytest.fail("a cancel must not be caught as an error")
    except JobCancelled:
        pass


def test_it_serves_the_job_file_to_who_may_do_its_action_only(client, cast):
    job = start(write_file, kind="test.file", label="Archive", organisation=cast.org, started_by=cast.admin,
                action="export", name="archive-été.json", text='{"é": 1}')
    client.force_login(cast.admin)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404  # not made yet
    run_queued()
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "Télécharger archive-été.json" in page
    response = client.get(reverse("jobs:download", args=[job.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == '{"é": 1}'.encode()
    assert "attachment" in response["Content-Disposition"]
    for person in (cast.stranger, cast.agent):  # another organisation's admin; an agent cannot export
        client.force_login(person)
        assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


def test_it_shows_a_job_of_the_whole_instance_to_superusers_only(client, cast):
    job = start(count_to, kind="test.count", label="Moisson du hub", organisation=None, n=2)
    client.force_login(cast.admin)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert "Moisson du hub" not in client.get(reverse("jobs:list")).content.decode()
    client.force_login(make_person(is_superuser=True, is_staff=True))
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "Toute l&#x27;instance" in page or "Toute l'instance" in page
    assert "Moisson du hub" in client.get(reverse("jobs:list")).content.decode()


def test_a_cancel_from_the_page_stops_a_job_a_command_runs(client, cast):
    cancelled = []

    def cancel_from_the_page(job):
        if job.done == 2 and not cancelled:
            client.force_login(cast.agent)
            cancelled.append(client.post(reverse("jobs:cancel", args=[job.pk])).status_code)

    job = run_here(tick, kind="test.tick", label="Compter ici", organisation=cast.org, started_by=cast.agent,
                   on_write=cancel_from_the_page, n=50)
    assert cancelled == [302]
    assert job.status == Job.Status.CANCELLED and job.done == 3  # stopped at the first report after the cancel
