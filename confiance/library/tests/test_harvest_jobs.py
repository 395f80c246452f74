"""The hub's harvests on the runner: from the admin, the command line and the worker's schedule."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from confiance.jobs import schedule
from confiance.jobs.control import recover_abandoned
from confiance.jobs.models import Job, ScheduledRun, WorkerBeat
from confiance.jobs.runner import run_queued
from confiance.library import federation
from confiance.library.models import HarvestSource, SharedProject
from confiance.library.tasks import start_harvest
from tests.factories import make_person


@pytest.fixture
def feed(client, monkeypatch, settings):
    """Make the harvest read this instance's own feed through the test client (two projects, see `lib`)."""
    settings.SITE_URL = "http://source.example"
    calls = []

    def fetch(url, token=""):
        calls.append(url)
        return client.get(url.replace("http://testserver", "")).json()

    monkeypatch.setattr(federation, "fetch_json", fetch)
    return calls


def _source():
    return HarvestSource.objects.create(name="Autre instance", url="http://testserver/bibliotheque/flux.json")


def test_it_harvests_from_the_admin_as_a_job_of_the_whole_instance(client, lib, feed):
    source = _source()
    root = make_person(is_superuser=True, is_staff=True, username="racine")
    client.force_login(root)
    response = client.post(reverse("admin:library_harvestsource_changelist"),
                           {"action": "harvest_now", "_selected_action": [source.pk]})
    job = Job.objects.get(kind="library.harvest")
    assert response.status_code == 302 and response["Location"] == f"/taches/{job.pk}/"
    assert job.organisation is None and job.started_by == root and job.status == Job.Status.QUEUED
    assert run_queued() == 2  # the harvest, then the embedding task it queued for the new projects
    assert Job.objects.get(kind="library.embed").organisation is None
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and (job.done, job.total) == (2, 2)
    assert "2 ajouté(s)" in job.message
    assert SharedProject.objects.filter(harvest_source=source).count() == 2
    client.force_login(lib.source_admin)  # an organisation's admin does not follow the hub's harvests
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


def test_a_cancel_stops_between_pages_keeping_the_pages_written(lib, feed):
    source = _source()
    job = start_harvest(source, page_size=1)
    real = federation.fetch_json

    def fetch_then_cancel(url, token=""):
        data = real(url, token)
        Job.objects.filter(pk=job.pk).update(cancel_requested_at=timezone.now())  # cancelled during page 1
        return data

    federation.fetch_json = fetch_then_cancel
    try:
        run_queued()
    finally:
        federation.fetch_json = real
    job.refresh_from_db()
    source.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and len(feed) == 1
    assert SharedProject.objects.filter(harvest_source=source).count() == 1  # page 1 is kept, page 2 never read
    assert not source.last_ok and "annulée après 1 projet(s)" in source.last_report


def test_a_failing_source_fails_the_job_in_french_and_keeps_what_it_had(lib, monkeypatch):
    def broken(url, token=""):
        raise OSError("connexion refusée")

    monkeypatch.setattr(federation, "fetch_json", broken)
    job = start_harvest(_source())
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "ÉCHEC : connexion refusée (les projets déjà moissonnés sont conservés)" in job.message


def test_it_survives_a_worker_killed_during_the_harvest(lib, feed, settings):
    settings.JOBS_KILLED_RETRIES = 1
    job = start_harvest(_source())
    long_ago = timezone.now() - timedelta(minutes=5)
    WorkerBeat.objects.create(worker_id="machine:1:mort", host="machine", pid=1, seen_at=long_ago)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING", started_at=long_ago,
                                                       worker_ids=["machine:1:mort"])
    Job.objects.filter(pk=job.pk).update(status="running", done=1, total=2)
    assert recover_abandoned() == (1, 0)
    assert run_queued() == 2  # the harvest again, then the embedding task it queued
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and SharedProject.objects.filter(harvest_source__isnull=False).count() == 2


def test_the_command_runs_each_harvest_as_a_job_with_a_progress_line(lib, feed, capsys):
    call_command("library", "harvest", "--source", "http://testserver/bibliotheque/flux.json", "--page-size", "1")
    out, err = capsys.readouterr()
    job = Job.objects.get(kind="library.harvest")
    assert job.status == Job.Status.SUCCEEDED and job.task_id.startswith("inline:")
    assert "Page 1 sur 2" in err and "] 100 % 2/2" in err
    assert "2 ajouté(s)" in out


def test_the_worker_schedule_runs_library_harvests(lib, feed, settings):
    settings.JOBS_SCHEDULE = "library harvest=0 3 * * *"
    assert [e.command for e in schedule.parse_setting()] == ["library harvest"]
    _source()
    run = schedule.queue_now("library harvest")
    run_queued(limit=1)
    run.refresh_from_db()
    assert run.status == ScheduledRun.Status.SUCCEEDED, run.output
    assert Job.objects.get(kind="library.harvest").status == Job.Status.SUCCEEDED
