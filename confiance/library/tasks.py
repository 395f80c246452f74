"""The library's background work on the one runner (confiance.jobs): harvests, and embedding projects.

Harvests: a job per hub source, with its progress. A harvest is work of the whole
instance (sources belong to no organisation): its job has no organisation and only
superusers follow it (accounts.permissions, Action.ADMINISTER). It is started from the
admin ("Moissonner maintenant"), by `confiance library harvest` (in the command's own
process, or on the worker with --queue), and by the worker's schedule
(JOBS_SCHEDULE="library harvest=0 3 * * *").

Embeddings (decision 0018): `embed_projects` embeds the projects that have no vector
yet (or every project), in batches, reports its progress, and writes a new generation
of the vector index every `PUBLISH_EVERY` projects and at the end. Search keeps working
meanwhile, by text, and by meaning for the projects already embedded. Cancelling it
keeps what was embedded and indexed.
"""

import logging
import time

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from confiance.jobs.models import Job
from confiance.jobs.runner import JobCancelled, JobFailed, job_task, start
from confiance.library import embeddings, federation, vector_index
from confiance.library.models import HarvestSource, SharedProject
from confiance.rules.permissions import Action

logger = logging.getLogger(__name__)
KIND = "library.embed"
BATCH = 32  # projects embedded, then written, at a time
PUBLISH_EVERY = 5000  # projects embedded between two generations of the index
PUBLISH_SECONDS = 300  # ... or seconds


def pending(everything=False):
    """Return the ids of the projects the task would embed, oldest first."""
    projects = SharedProject.objects.filter(withdrawn=False)
    if not everything:
        projects = projects.filter(embedding=None)
    return list(projects.order_by("pk").values_list("pk", flat=True))


def _embed_batch(ids):
    projects = list(SharedProject.objects.filter(pk__in=ids, withdrawn=False)
                    .only("pk", "name", "summary", "outcome", "theme", "sub_themes"))
    vectors = embeddings.embed_passages([embeddings.project_text(p) for p in projects])
    now = timezone.now()
    with transaction.atomic():
        for project, vector in zip(projects, vectors, strict=True):
            # update(), not save(): no new version in the history, no save signals, nothing else touched.
            SharedProject.objects.filter(pk=project.pk).update(embedding=vector, embedded_at=now)
    return len(projects)


def embed_all(progress=None, everything=False):
    """Embed the pending projects and write the index; report to `progress` (a runner Progress) if given.

    Return the number of projects embedded.
    """
    ids = pending(everything)
    if progress is not None:
        progress.report(0, total=len(ids), message=f"{len(ids)} projet(s) à vectoriser.")
    done = since_publish = 0
    last_publish = time.monotonic()
    try:
        for start_at in range(0, len(ids), BATCH):
            done += _embed_batch(ids[start_at:start_at + BATCH])
            since_publish += BATCH
            if progress is not None:
                progress.report(min(start_at + BATCH, len(ids)))
            if since_publish >= PUBLISH_EVERY or time.monotonic() - last_publish >= PUBLISH_SECONDS:
                vector_index.build()
                since_publish, last_publish = 0, time.monotonic()
    except JobCancelled:
        vector_index.build()  # what was embedded before the cancel is searchable
        raise
    count = vector_index.build()
    if progress is not None:
        progress.report(len(ids), message=f"{done} projet(s) vectorisé(s) ; l'index compte {count} vecteurs.",
                        force=True)
    return done


@job_task
def embed_projects(progress, everything=False):
    if not embeddings.available():
        raise JobFailed("La recherche par le sens est désactivée (LIBRARY_EMBEDDINGS) ou le modèle est "
                        "indisponible sur cette machine : aucun projet n'a été vectorisé.")
    embed_all(progress, everything=everything)
    return reverse("library:home")


def queue_embedding(person=None, everything=False, reason=""):
    """Queue the embedding task unless one is already waiting; return its Job (None when embeddings are off).

    Harvests and imports call this instead of embedding inline. Like a harvest, it is work of
    the whole instance: its job has no organisation and superusers follow it.
    """
    if not settings.LIBRARY_EMBEDDINGS:
        return None
    waiting = Job.objects.filter(kind=KIND, status=Job.Status.QUEUED, cancel_requested_at__isnull=True).first()
    if waiting is not None and not everything:
        return waiting
    label = "Vectorisation de toute la bibliothèque" if everything else "Vectorisation des projets de la bibliothèque"
    return start(embed_projects, kind=KIND, label=f"{label}{f' ({reason})' if reason else ''}"[:200],
                 organisation=None, started_by=person, action=Action.ADMINISTER, everything=everything)


def status():
    """Return what the index screen shows: counts, the index file, the recent embedding jobs."""
    projects = SharedProject.objects.filter(withdrawn=False)
    index = vector_index.current()
    return {
        "enabled": bool(settings.LIBRARY_EMBEDDINGS),
        "projects": projects.count(),
        "embedded": projects.exclude(embedding=None).count(),
        "pending": projects.filter(embedding=None).count(),
        "indexed": len(index) if index is not None else 0,
        "built_at": index.built_at if index is not None else None,
        "jobs": list(Job.objects.filter(kind=KIND).order_by("-created_at", "-pk")[:5]),
        "running": Job.objects.filter(kind=KIND, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]).exists(),
    }


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
