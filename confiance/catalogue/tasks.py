"""The catalogue's background work, on the one runner (confiance.jobs): imports, harvests, signals."""

from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from confiance.accounts.models import Organisation
from confiance.catalogue import harvesting
from confiance.catalogue.dcat import DcatError
from confiance.catalogue.fetch import FetchError
from confiance.catalogue.models import Harvest
from confiance.jobs.models import Job
from confiance.jobs.runner import JobFailed, job_task, start


def _reporter(progress):
    def report(done, total=None, message=None):
        progress.report(done, total=total, message=message)
    return report


def _run(progress, organisation, source, read, *, harvest=None, service_id=None):
    """Read with `read()`, apply, log; on a bad source log the French reason and stop with it."""
    log = harvesting.open_log(organisation, source, harvest=harvest, job_id=progress.job.pk)
    progress.report(0, message=f"Lecture de {source}…")
    try:
        records = read()
        progress.report(0, total=len(records), message=f"{len(records)} jeux de données lus ; enregistrement…")
        counts = harvesting.apply_records(organisation, records, harvest=harvest, withdraw=harvest is not None,
                                          progress=_reporter(progress), service_id=service_id,
                                          reason=f"Moissonnage « {harvest.name} »" if harvest else f"Import de {source}")
    except (DcatError, FetchError) as exc:
        harvesting.close_log(log, error=exc)
        raise JobFailed(f"{exc} Rien n'a été modifié dans le catalogue.") from None
    harvesting.close_log(log, counts)
    progress.report(len(records), message=f"Terminé : {counts.summary()}.")
    from confiance.catalogue.sprawl import refresh_signals

    refresh_signals(organisation)
    return reverse("catalogue:review")


@job_task
def import_file(progress, organisation_id, path, name, content_type="", service_id=None):
    organisation = Organisation.objects.get(pk=organisation_id)
    file = Path(path)
    try:
        return _run(progress, organisation, name,
                    lambda: harvesting.read_document(file.read_bytes(), content_type, name), service_id=service_id)
    finally:
        file.unlink(missing_ok=True)


@job_task
def import_url(progress, organisation_id, url, service_id=None):
    organisation = Organisation.objects.get(pk=organisation_id)
    return _run(progress, organisation, url, lambda: harvesting.read_url(url, progress=_reporter(progress)),
                service_id=service_id)


@job_task
def run_harvest(progress, harvest_id, scheduled=False):
    harvest = Harvest.objects.select_related("organisation").get(pk=harvest_id)
    url = harvesting.catalogue_url(harvest.url, harvest.platform)
    try:
        _run(progress, harvest.organisation, url, lambda: harvesting.read_url(url, progress=_reporter(progress)),
             harvest=harvest)
    finally:
        if scheduled:
            Harvest.objects.filter(pk=harvest.pk).update(scheduled_job_id=None)
        schedule(Harvest.objects.get(pk=harvest.pk))
    return harvest.get_absolute_url()


@job_task
def refresh(progress, organisation_id):
    from confiance.catalogue.sprawl import refresh_signals

    organisation = Organisation.objects.get(pk=organisation_id)
    progress.report(0, total=1, message="Recherche des doublons, données périmées et risques…")
    new, resolved = refresh_signals(organisation)
    progress.report(1, message=f"{new} nouveau(x) signal(aux), {resolved} résolu(s).")
    return reverse("catalogue:dashboard")


def start_harvest(harvest, person=None):
    return start(run_harvest, kind="catalogue.harvest", label=f"Moissonnage « {harvest.name} »",
                 organisation=harvest.organisation, started_by=person, harvest_id=harvest.pk)


def schedule(harvest, now=None):
    """Queue the next run of a scheduled harvest (once), deferred to its time; return the Job or None."""
    when = harvesting.next_run(harvest, now)
    if when is None:
        Harvest.objects.filter(pk=harvest.pk).update(next_run_at=None)
        return None
    queued = harvest.scheduled_job_id and Job.objects.filter(pk=harvest.scheduled_job_id,
                                                             status=Job.Status.QUEUED).exists()
    if queued:
        return None
    job = start(run_harvest, kind="catalogue.harvest", label=f"Moissonnage programmé « {harvest.name} »",
                organisation=harvest.organisation, run_after=when, harvest_id=harvest.pk, scheduled=True)
    Harvest.objects.filter(pk=harvest.pk).update(next_run_at=when, scheduled_job_id=job.pk)
    return job


def start_due(now=None):
    """Start every scheduled harvest whose time has passed without a queued run (after a restore, say)."""
    started = []
    for harvest in harvesting.due_harvests(now or timezone.now()):
        queued = harvest.scheduled_job_id and Job.objects.filter(pk=harvest.scheduled_job_id,
                                                                 status=Job.Status.QUEUED).exists()
        if not queued:
            started.append(start_harvest(harvest))
    return started
