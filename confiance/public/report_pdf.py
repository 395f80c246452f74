"""The annual report's PDF: printed by a background job, stored in MEDIA_ROOT, reprinted when the report changes.

    job = request_pdf(report, person)     # queue a job unless the stored PDF is current or one is on its way
    current_pdf(report)                   # the stored AnnualReportPdf if it shows the report as it is now

WeasyPrint takes seconds for a report with its charts, too long for a request: the public
link serves the stored file, and a change of the report (figures made again, the ethics
committee's opinion recorded) queues a new print (views_reports).
"""

import hashlib
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from confiance.jobs.runner import JobFailed, job_task, start
from confiance.public import reports
from confiance.public.models import AnnualReport, AnnualReportPdf


def fingerprint(report):
    """Return the SHA-256 of the HTML the PDF of `report` is printed from: it changes when the report does."""
    return hashlib.sha256(reports.render_html(report, standalone=True).encode("utf-8")).hexdigest()


def file_name(report):
    return f"rapport-ia-{report.organisation.slug}-{report.year}.pdf"


def current_pdf(report):
    """Return the stored PDF of `report` if it shows the report as it is now, else None."""
    stored = AnnualReportPdf.objects.filter(report=report).exclude(file="").first()
    if stored is None or stored.fingerprint != fingerprint(report) or not default_storage.exists(stored.file.name):
        return None
    return stored


def pending_job(report):
    """Return the queued or running job printing `report`, or None."""
    stored = AnnualReportPdf.objects.filter(report=report).select_related("job").first()
    job = stored.job if stored else None
    return job if job is not None and not job.is_finished else None


def request_pdf(report, person=None, failure_pause=None):
    """Queue the printing of `report`'s PDF unless it is current or already on its way; return the job or None.

    With `failure_pause` (a timedelta), a print that failed less than that long ago is not tried again
    (the public link: visitors must not queue a failing print over and over); its job is returned.
    """
    with transaction.atomic():
        stored, _ = AnnualReportPdf.objects.select_for_update().get_or_create(report=report)
        if stored.job_id and not stored.job.is_finished:
            return stored.job
        if failure_pause and stored.job_id and stored.job.status == stored.job.Status.FAILED \
                and stored.job.finished_at and stored.job.finished_at > timezone.now() - failure_pause:
            return stored.job
        if stored.file and stored.fingerprint == fingerprint(report) and default_storage.exists(stored.file.name):
            return None
        job = start(print_pdf, kind="public.report_pdf", label=f"PDF du rapport {report.year} — "
                    f"{report.organisation.name}", organisation=report.organisation, started_by=person,
                    report_id=report.pk)
        AnnualReportPdf.objects.filter(pk=stored.pk).update(job=job)
    return job


@job_task
def print_pdf(progress, report_id):
    """Print the report with WeasyPrint and store the file; the previous file is removed."""
    report = AnnualReport.objects.select_related("organisation").get(pk=report_id)
    progress.report(0, total=3, message="Mise en page du rapport…")
    html = reports.render_html(report, standalone=True)
    progress.report(1, message="Impression du PDF (graphiques compris)…")
    from weasyprint import HTML

    content = HTML(string=html, base_url=None).write_pdf()
    progress.report(2, message="Enregistrement du fichier…")
    try:
        name = default_storage.save(f"rapports/{secrets.token_urlsafe(9)}/{file_name(report)}", ContentFile(content))
    except OSError as exc:
        raise JobFailed(f"Le PDF n'a pas pu être enregistré ({exc.strerror or exc}) : l'ancien fichier est "
                        "conservé et le rapport reste lisible en ligne. Prévenez l'équipe technique.") from None
    stored, _ = AnnualReportPdf.objects.get_or_create(report=report)
    old = stored.file.name
    AnnualReportPdf.objects.filter(pk=stored.pk).update(
        file=name, fingerprint=hashlib.sha256(html.encode("utf-8")).hexdigest(), made_at=timezone.now())
    if old and old != name:
        default_storage.delete(old)
    progress.report(3, message=f"PDF prêt ({len(content) // 1024} Ko).")
    return reverse("public:manage_report", args=[report.organisation.slug, report.year])
