"""Harvests on the background runner: paged CKAN, new/changed/withdrawn, logs, schedules, and every bad input."""

from datetime import timedelta

import pytest
from django.utils import timezone

from confiance.catalogue import tasks
from confiance.catalogue.models import Dataset, Harvest, HarvestLog
from confiance.catalogue.tests.conftest import FIXTURES
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued, start


def make_harvest(cast, url, **overrides):
    fields = {"organisation": cast.org, "name": "Portail CKAN", "url": url, "platform": "ckan"}
    fields.update(overrides)
    return Harvest.objects.create(**fields)


def harvest_now(harvest):
    job = tasks.start_harvest(harvest)
    run_queued()
    job.refresh_from_db()
    return job


def test_it_follows_ckan_pages_and_brings_new_datasets_in_for_review(cast, ckan):
    harvest = make_harvest(cast, ckan.base)  # the portal's root: CKAN's /catalog.ttl is found
    job = harvest_now(harvest)
    assert job.status == Job.Status.SUCCEEDED, job.message
    assert job.done == job.total == 3
    datasets = Dataset.objects.filter(harvest=harvest)
    assert datasets.count() == 3
    assert set(datasets.values_list("review_status", flat=True)) == {"pending"}
    log = HarvestLog.objects.get(harvest=harvest)
    assert (log.status, log.created, log.updated, log.unchanged, log.withdrawn) == ("succeeded", 3, 0, 0, 0)
    assert Dataset.history.filter(harvest_id=harvest.pk, history_type="+").count() == 3


def test_it_applies_changes_and_withdrawals_on_the_next_run(cast, ckan):
    harvest = make_harvest(cast, ckan.base + "/catalog.ttl")
    harvest_now(harvest)
    page1 = (FIXTURES / "ckan/catalog-page1.ttl").read_bytes().replace(
        b"Jours et secteurs de collecte", b"Jours, horaires et secteurs de collecte")
    ckan.serve("/catalog.ttl", page1)
    ckan.serve("/catalog.ttl?page=2", b"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
        <{BASE}> a dcat:Catalog .""")  # the third dataset is no longer published
    job = harvest_now(harvest)
    assert job.status == Job.Status.SUCCEEDED, job.message
    log = HarvestLog.objects.filter(harvest=harvest).first()
    assert (log.created, log.updated, log.unchanged, log.withdrawn) == (0, 1, 1, 1)
    changed = Dataset.objects.get(identifier="1a2b3c4d-0001-4e5f-8a9b-000000000001")
    assert changed.description.startswith("Jours, horaires et secteurs")
    assert changed.history.count() == 2
    gone = Dataset.objects.get(identifier="1a2b3c4d-0003-4e5f-8a9b-000000000003")
    assert gone.withdrawn and gone.history.first().history_change_reason.endswith("retiré à la source")


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: p.serve("/c.ttl", b"<html><body>Maintenance</body></html>", "text/html"), "pas du RDF lisible"),
    (lambda p: p.serve("/c.ttl", "@prefix dct: <http://purl.org/dc/terms/> . <x> dct:title \"é\" .".encode("latin-1")),
     "UTF-8"),
    (lambda p: p.serve("/c.ttl", b"@prefix dct: <http://purl.org/dc/terms/> . <http://a> dct:title \"x\" ."),
     "aucun jeu de données"),
    (lambda p: p.serve("/c.ttl", b"oops", status=500), "code HTTP 500"),
    (lambda p: (p.redirect("/c.ttl", p.base + "/d.ttl"), p.redirect("/d.ttl", p.base + "/c.ttl")), "boucle"),
    (lambda p: p.serve("/c.ttl", b"x" * (2 * 1024 * 1024)), "taille maximale"),
    (lambda p: p.slow("/c.ttl", 3), "n'a pas répondu"),
])
def test_it_fails_in_french_and_writes_nothing(cast, portal, settings, setup, message):
    settings.CATALOGUE_MAX_DOWNLOAD_MB, settings.CATALOGUE_FETCH_TIMEOUT = 1, 1
    harvest = make_harvest(cast, portal.base + "/c.ttl", platform="dcat")
    before = Dataset.objects.create(organisation=cast.org, title="Déjà là", description="d", harvest=harvest,
                                    uri="http://ailleurs/1", review_status="accepted")
    setup(portal)
    job = harvest_now(harvest)
    assert job.status == Job.Status.FAILED
    assert message in job.message and "Rien n'a été modifié" in job.message
    log = HarvestLog.objects.get(harvest=harvest)
    assert log.status == "failed" and message in log.message
    before.refresh_from_db()
    assert list(Dataset.objects.all()) == [before] and not before.withdrawn


def test_it_refuses_private_addresses_unless_the_setting_allows_them(cast, portal, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    portal.serve_fixture("/catalog.ttl", "ckan/catalog-page2.ttl")
    job = harvest_now(make_harvest(cast, portal.base + "/catalog.ttl"))
    assert job.status == Job.Status.FAILED and "réseau privé ou local" in job.message
    assert not Dataset.objects.exists()


@pytest.mark.parametrize("url", ["ftp://portail.example/catalog.ttl", "file:///etc/passwd"])
def test_it_accepts_only_http_and_https(cast, portal, url):
    job = start(tasks.import_url, kind="catalogue.import", label="x", organisation=cast.org,
                organisation_id=cast.org.pk, url=url)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "http:// ou https://" in job.message


def test_it_schedules_the_next_run_once_on_the_runner(cast, ckan):
    harvest = make_harvest(cast, ckan.base, every_days=7)
    first = tasks.schedule(harvest)
    assert tasks.schedule(Harvest.objects.get(pk=harvest.pk)) is None  # already queued: not twice
    harvest.refresh_from_db()
    assert first.pk == harvest.scheduled_job_id
    assert timedelta(days=6) < harvest.next_run_at - timezone.now() <= timedelta(days=7)
    assert run_queued() == 0  # deferred: the worker leaves it until its time
    assert tasks.start_due(now=harvest.next_run_at + timedelta(minutes=1)) == []  # a run is already queued


def test_it_starts_overdue_harvests_with_no_queued_run(cast, ckan):
    harvest = make_harvest(cast, ckan.base, every_days=1)
    Harvest.objects.filter(pk=harvest.pk).update(next_run_at=timezone.now() - timedelta(hours=1))
    jobs = tasks.start_due()
    assert len(jobs) == 1
    run_queued()
    harvest.refresh_from_db()
    assert Dataset.objects.filter(harvest=harvest).count() == 3
    assert harvest.next_run_at > timezone.now() and harvest.scheduled_job_id  # and the next one is queued
