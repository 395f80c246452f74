from django.urls import reverse

from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued, start
from confiance.jobs.tests.tasks import count_to


def _job(cast, **kwargs):
    return start(count_to, kind="test.count", label="Compter les moutons", organisation=cast.org,
                 started_by=cast.steward, n=4, **kwargs)


def test_it_refreshes_itself_while_the_job_runs(client, cast):
    job = _job(cast)
    client.force_login(cast.steward)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "<progress" in page and "En attente" in page


def test_it_stops_refreshing_and_links_the_result_when_done(client, cast):
    job = _job(cast)
    run_queued()
    client.force_login(cast.steward)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert 'value="100"' in page and "4 sur 4" in page and 'href="/resultat/4/"' in page


def test_it_shows_a_failure_as_an_alert(client, cast):
    job = _job(cast, fail_at=2)
    run_queued()
    client.force_login(cast.admin)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'role="alert"' in page and "Arrêt demandé à 2." in page


def test_it_is_hidden_from_people_outside_the_organisation_and_from_readers_who_cannot_act(client, cast):
    job = _job(cast)
    client.force_login(cast.stranger)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    client.force_login(cast.dpo)  # a DPO reads the register but creates nothing: the job's action is "create"
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    client.force_login(cast.agent)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 200


def test_it_lists_the_jobs_a_person_may_follow(client, cast):
    _job(cast)
    client.force_login(cast.agent)
    assert "Compter les moutons" in client.get(reverse("jobs:list")).content.decode()
    client.force_login(cast.stranger)
    assert "Compter les moutons" not in client.get(reverse("jobs:list")).content.decode()


def test_it_requires_login(client, cast):
    job = _job(cast)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 302
    assert Job.objects.count() == 1
