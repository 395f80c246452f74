"""The library hub's harvests on the one runner (confiance.jobs): a job per source, with its progress.

A harvest is work of the whole instance (sources belong to no organisation): its job has no
organisation and only superusers follow it (accounts.permissions, Action.ADMINISTER). It is
started from the admin ("Moissonner maintenant"), by `confiance library harvest` (in the
command's own process, or on the worker with --queue), and by the worker's schedule
(JOBS_SCHEDULE="library harvest=0 3 * * *").
"""

from django.urls import reverse
from django.utils import timezone

from confiance.jobs.runner import JobCancelled, JobFailed, job_task, start
from confiance.library import federation
from confiance.library.models import HarvestSource
from confiance.rules.permissions import Action


@job_task
def harvest_source(progress, source_id, page_size=500):
    """Harvest one source page by page; a cancel stops between pages, keeping the pages already written."""
    source = HarvestSource.objects.get(pk=source_id)
    progress.report(0, message=f"Lecture du flux {source.url}…")
    try:
        report = federation.harvest(source, page_size=page_size, fetch=federation.fetch_json, progress=progress)
    except JobCancelled:
        HarvestSource.objects.filter(pk=source.pk).update(
            last_harvest_at=timezone.now(), last_ok=False,
            last_report=f"{source.name} : moisson annulée après {progress.job.done} projet(s) lu(s) ; les pages "
                        "déjà moissonnées sont conservées, rien n'a été retiré.")
        raise
    if not report.ok:
        raise JobFailed(report.summary())
    progress.report(progress.job.done, message=report.summary(), force=True)
    return reverse("admin:library_harvestsource_change", args=[source.pk])


def label(source):
    return f"Moisson de la bibliothèque : {source.name}"


def start_harvest(source, person=None, page_size=500):
    """Queue the harvest of `source` for the worker; return its Job."""
    return start(harvest_source, kind="library.harvest", label=label(source), organisation=None,
                 started_by=person, action=Action.ADMINISTER, source_id=source.pk, page_size=page_size)
