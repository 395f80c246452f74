"""The annual report's PDF: a background job prints it, the file is stored, reprinted when the report changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from confiance.public import report_pdf, reports
from confiance.public.models import AnnualReportPdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _generate(client, cast):
    client.force_login(cast.steward)
    response = client.post(reverse("public:generate_report", args=[cast.org.slug]), {"year": "2026"})
    assert response.status_code == 302
    return cast.org.annual_reports.get(year=2026)


def _pdf_bytes(response):
    return b"".join(response.streaming_content)


def test_it_prints_the_pdf_on_the_runner_and_records_its_progress(client, public, media):
    report = _generate(client, public)
    job = Job.objects.get(kind="public.report_pdf")
    assert job.status == Job.Status.QUEUED and job.organisation == public.org and job.started_by == public.steward
    page = client.get(reverse("public:manage_report", args=[public.org.slug, 2026])).content.decode()
    assert f'href="/taches/{job.pk}/"' in page and "Télécharger le PDF" not in page
    assert run_queued() == 1
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (Job.Status.SUCCEEDED, 3, 3)
    assert job.message.startswith("PDF prêt") and job.result_url.endswith("/rapports/2026/")
    stored = AnnualReportPdf.objects.get(report=report)
    assert stored.file.name.endswith(f"rapport-ia-{public.org.slug}-2026.pdf")
    assert (media / stored.file.name).read_bytes()[:5] == b"%PDF-"
    page = client.get(reverse("public:manage_report", args=[public.org.slug, 2026])).content.decode()
    assert "Télécharger le PDF" in page
    download = client.get(reverse("public:manage_report_pdf", args=[public.org.slug, 2026]))
    assert download["Content-Type"] == "application/pdf" and _pdf_bytes(download)[:5] == b"%PDF-"


def test_it_reprints_when_the_report_changes_and_not_otherwise(client, public, media):
    report = _generate(client, public)
    run_queued()
    assert report_pdf.request_pdf(report) is None  # current: nothing to do
    first = AnnualReportPdf.objects.get(report=report).file.name
    client.force_login(public.ethics)
    client.post(reverse("public:manage_report", args=[public.org.slug, 2026]),
                {"ethics_opinion": "Le comité demande un bilan des biais."})
    report.refresh_from_db()
    assert report_pdf.current_pdf(report) is None  # the opinion is in the PDF: the old one is stale
    assert Job.objects.filter(kind="public.report_pdf", status=Job.Status.QUEUED).count() == 1
    assert report_pdf.request_pdf(report).status == Job.Status.QUEUED  # the same job, not a second one
    assert Job.objects.filter(kind="public.report_pdf").count() == 2
    run_queued()
    stored = AnnualReportPdf.objects.get(report=report)
    assert stored.file.name != first and not (media / first).exists()
    assert report_pdf.current_pdf(report) == stored


def test_the_public_link_says_the_pdf_is_being_printed_then_serves_the_stored_file(client, public, media):
    report = reports.generate(public.org, 2026)
    report.ethics_opinion, report.opinion_recorded_at = "Avis favorable.", report.generated_at
    report.save()
    url = reverse("public:report_pdf", args=[public.org.slug, 2026])
    pending = client.get(url)
    assert pending.status_code == 503 and pending["Retry-After"] == "30"
    assert "en préparation" in pending.content.decode()
    client.get(url)
    assert Job.objects.filter(kind="public.report_pdf").count() == 1  # asking twice queues once
    run_queued()
    served = client.get(url)
    assert served.status_code == 200 and _pdf_bytes(served)[:5] == b"%PDF-"
    assert 'filename="rapport-ia-' in served["Content-Disposition"]


def test_it_keeps_the_pdf_and_its_job_from_other_organisations(client, public):
    _generate(client, public)
    job = Job.objects.get(kind="public.report_pdf")
    run_queued()
    client.force_login(public.stranger)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("public:manage_report_pdf", args=[public.org.slug, 2026])).status_code == 403
    assert client.post(reverse("public:make_report_pdf", args=[public.org.slug, 2026])).status_code == 403
    client.logout()  # unpublished: no public PDF either
    assert client.get(reverse("public:report_pdf", args=[public.org.slug, 2026])).status_code == 404


def test_the_button_queues_a_print_and_leads_to_the_job_page(client, public):
    report = reports.generate(public.org, 2026)
    client.force_login(public.agent)
    page = client.get(reverse("public:manage_report", args=[public.org.slug, 2026])).content.decode()
    assert "Préparer le PDF" in page
    assert client.get(reverse("public:make_report_pdf", args=[public.org.slug, 2026])).status_code == 405
    response = client.post(reverse("public:make_report_pdf", args=[public.org.slug, 2026]))
    job = AnnualReportPdf.objects.get(report=report).job
    assert response.status_code == 302 and response["Location"] == f"/taches/{job.pk}/"


def test_a_failed_print_says_so_in_french(client, public, monkeypatch):
    report = reports.generate(public.org, 2026)
    job = report_pdf.request_pdf(report)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(report_pdf.default_storage, "save", broken)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message.startswith("Le PDF n'a pas pu être enregistré (disk full)")
    assert report_pdf.current_pdf(report) is None


def test_a_cancelled_print_stores_nothing_and_keeps_the_old_file(client, public):
    report = reports.generate(public.org, 2026)
    job = report_pdf.request_pdf(report)
    client.force_login(public.steward)
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")  # a worker has taken it…
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    assert client.post(reverse("jobs:cancel", args=[job.pk])).status_code == 302  # …when the steward cancels
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.cancel_requested_at
    DBTaskResult.objects.filter(id=job.task_id).update(status="READY")  # let this process play the worker
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.done < 3
    assert report_pdf.current_pdf(report) is None and not AnnualReportPdf.objects.get(report=report).file


def test_visitors_do_not_queue_a_failing_print_over_and_over(client, public, monkeypatch):
    report = reports.generate(public.org, 2026)
    report.ethics_opinion, report.opinion_recorded_at = "Avis favorable.", report.generated_at
    report.save()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(report_pdf.default_storage, "save", broken)
    url = reverse("public:report_pdf", args=[public.org.slug, 2026])
    assert client.get(url).status_code == 503
    run_queued()
    assert client.get(url).status_code == 503
    assert Job.objects.filter(kind="public.report_pdf").count() == 1  # no new print for ten minutes
    Job.objects.update(finished_at=timezone.now() - timedelta(minutes=11))
    client.get(url)
    assert Job.objects.filter(kind="public.report_pdf").count() == 2
