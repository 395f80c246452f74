"""An organisation's archive on the runner: export from the screen and download, import from the screen, the CLI."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from confiance.accounts.models import Organisation
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from confiance.portability import archive as archive_module
from confiance.portability.archive import export_organisation
from confiance.portability.models import RestoreJournal
from tests.factories import make_person


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _download(client, job):
    response = client.get(reverse("jobs:download", args=[job.pk]))
    return response.status_code, b"".join(response.streaming_content) if response.status_code == 200 else b""


@pytest.mark.django_db
def test_it_exports_from_the_screen_as_a_job_whose_file_only_exporters_download(client, cast):
    client.force_login(cast.admin)
    assert "Préparer l'archive" in client.get(reverse("register:export", args=[cast.org.slug])).content.decode()
    response = client.post(reverse("register:export", args=[cast.org.slug]))
    job = Job.objects.get(kind="portability.export")
    assert response["Location"] == f"/taches/{job.pk}/" and job.status == Job.Status.QUEUED
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.total > 0 and job.done == job.total
    assert job.message.startswith("Archive prête")
    assert job.result_file_name == f"confiance-{cast.org.slug}-{timezone.localdate():%Y-%m-%d}.json"
    status, body = _download(client, job)
    archive = json.loads(body)
    assert status == 200 and archive["organisation"] == cast.org.slug and archive["format"] == "confiance-export"
    for person in (cast.stranger, cast.steward):  # another organisation's admin; a steward may not export
        client.force_login(person)
        assert _download(client, job)[0] == 404
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
        assert client.post(reverse("register:export", args=[cast.org.slug])).status_code == 403
    assert Job.objects.filter(kind="portability.export").count() == 1


@pytest.mark.django_db
def test_a_cancelled_export_makes_no_file(client, cast):
    client.force_login(cast.admin)
    client.post(reverse("register:export", args=[cast.org.slug]))
    job = Job.objects.get(kind="portability.export")
    Job.objects.filter(pk=job.pk).update(cancel_requested_at=timezone.now())  # asked while the worker holds it
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and not job.result_file


@pytest.mark.django_db
def test_the_import_screen_is_for_superusers_and_refuses_in_french(client, cast):
    archive = json.dumps(export_organisation(cast.org)).encode()
    client.force_login(cast.admin)  # an organisation's admin may not create organisations and people
    assert client.get(reverse("portability:import")).status_code == 403
    client.force_login(make_person(is_superuser=True, is_staff=True, username="racine"))
    bad = client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("a.json", archive),
                                                     "mapping": "sans signe égal"})
    assert bad.status_code == 400 and "n&#x27;a pas la forme ANCIEN=LOCAL" in bad.content.decode()
    assert not Job.objects.exists()
    response = client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("a.json", archive)})
    job = Job.objects.get(kind="portability.import")
    assert response["Location"] == f"/taches/{job.pk}/" and job.organisation is None
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "existe déjà" in job.message and "rien n'a été écrit" in job.message
    client.force_login(cast.admin)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_an_unreadable_upload_fails_with_a_french_message(client, cast):
    client.force_login(make_person(is_superuser=True, is_staff=True, username="racine"))
    client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("a.json", "é".encode("latin-1"))})
    run_queued()
    job = Job.objects.get(kind="portability.import")
    assert job.status == Job.Status.FAILED and "n'est pas encodé en UTF-8" in job.message


@pytest.mark.django_db(transaction=True)
def test_it_imports_from_the_screen_with_progress(client, cast, tmp_path):
    archive = json.dumps(export_organisation(cast.org)).encode()
    call_command("flush", interactive=False)
    root = make_person(is_superuser=True, is_staff=True, username="racine")
    client.force_login(root)
    client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("metropole.json", archive)})
    run_queued()
    job = Job.objects.get(kind="portability.import")
    assert job.status == Job.Status.SUCCEEDED, job.message
    assert job.total == len(json.loads(archive)["objects"]) and job.done == job.total
    assert Organisation.objects.filter(slug=cast.org.slug).exists()
    assert "restaurée" in job.message


@pytest.mark.django_db(transaction=True)
def test_a_cancel_during_the_import_stops_between_batches_and_the_same_archive_resumes(client, cast, monkeypatch,
                                                                                        settings):
    settings.IMPORT_BATCH_SIZE = 5
    archive = json.dumps(export_organisation(cast.org)).encode()
    call_command("flush", interactive=False)
    client.force_login(make_person(is_superuser=True, is_staff=True, username="racine"))
    client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("metropole.json", archive)})
    job = Job.objects.get(kind="portability.import")
    original = archive_module._write_batch

    def first_batch_then_cancel(rows):
        original(rows)
        Job.objects.filter(pk=job.pk).update(cancel_requested_at=timezone.now())  # someone cancels meanwhile

    monkeypatch.setattr(archive_module, "_write_batch", first_batch_then_cancel)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED
    journal = RestoreJournal.objects.get()
    assert journal.finished_at is None and journal.batches_done == 1  # the batch written stays, and says so
    monkeypatch.setattr(archive_module, "_write_batch", original)
    client.post(reverse("portability:import"), {"archive": SimpleUploadedFile("metropole.json", archive)})
    run_queued()
    again = Job.objects.filter(kind="portability.import").latest("pk")
    assert again.status == Job.Status.SUCCEEDED, again.message
    journal.refresh_from_db()
    assert journal.finished_at is not None
    assert Organisation.objects.get().slug == cast.org.slug


@pytest.mark.django_db
def test_the_commands_run_as_jobs_and_print_their_progress(cast, tmp_path, capsys):
    path = tmp_path / "org.json"
    call_command("export", cast.org.slug, output=str(path))
    job = Job.objects.get(kind="portability.export")
    assert job.status == Job.Status.SUCCEEDED and job.organisation == cast.org
    err = capsys.readouterr().err
    assert "] 100 %" in err and "Archive écrite" in err
    assert json.loads(path.read_text())["organisation"] == cast.org.slug
    with pytest.raises(CommandError, match="existe déjà"):
        call_command("import", str(path))
    failed = Job.objects.get(kind="portability.import")
    assert failed.status == Job.Status.FAILED and failed.organisation is None
    assert "Vérification de l'archive" in capsys.readouterr().err
    call_command("export", cast.org.slug, output=str(path), verbosity=0)
    assert capsys.readouterr().err == ""
