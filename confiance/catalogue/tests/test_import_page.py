"""Importing from the screen: a file or a URL, queued on the runner, followed on the job's page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from confiance.catalogue.models import Dataset
from confiance.catalogue.tests.conftest import FIXTURES
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued


def test_it_queues_an_uploaded_file_and_shows_its_progress(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.steward)
    upload = SimpleUploadedFile("catalogue.rdf", (FIXTURES / "udata-catalog.rdf").read_bytes(), "application/rdf+xml")
    response = client.post(reverse("catalogue:import"), {"organisation": cast.org.pk, "file": upload})
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert not Dataset.objects.exists()
    run_queued()
    page = client.get(response["Location"]).content.decode()
    assert "Terminée" in page and "2 nouveau(x)" in page and 'value="100"' in page
    assert Dataset.objects.filter(review_status="pending").count() == 2
    assert not list((tmp_path / "catalogue-imports").iterdir())  # the uploaded copy is gone


def test_it_refuses_a_form_with_neither_or_a_non_http_url(client, cast, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []  # tests allow loopback; production does not
    client.force_login(cast.steward)
    page = client.post(reverse("catalogue:import"), {"organisation": cast.org.pk}).content.decode()
    assert "soit un fichier, soit une adresse" in page
    page = client.post(reverse("catalogue:import"), {"organisation": cast.org.pk,
                                                     "url": "http://127.0.0.1/catalog.ttl"}).content.decode()
    assert "réseau privé ou local" in page
    assert not Job.objects.exists()


def test_it_refuses_a_file_above_the_size_limit(client, cast, settings):
    settings.CATALOGUE_MAX_DOWNLOAD_MB = 0
    client.force_login(cast.steward)
    upload = SimpleUploadedFile("catalogue.ttl", b"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n", "text/turtle")
    page = client.post(reverse("catalogue:import"), {"organisation": cast.org.pk, "file": upload}).content.decode()
    assert "dépasse la taille maximale" in page and not Job.objects.exists()


def test_it_offers_the_import_only_to_those_who_may_import(client, cast):
    client.force_login(cast.dpo)  # reads the catalogue, describes nothing
    page = client.get(reverse("catalogue:list")).content.decode()
    assert reverse("catalogue:import") not in page
    assert client.get(reverse("catalogue:import")).status_code == 404
    client.force_login(cast.steward)
    assert reverse("catalogue:import") in client.get(reverse("catalogue:list")).content.decode()
