"""The project's one way to run background work: start a job, report its progress, follow it.

    from confiance.jobs.runner import JobFailed, job_task, start

    @job_task
    def harvest(job, source_id):            # runs in the worker (`db_worker`)
        job.report(0, total=n, message="Lecture du catalogue…")
        ...
        job.report(i)                       # cheap, throttled
        if bad:
            raise JobFailed("Le catalogue est illisible : …")   # French, shown to the user
        return reverse("catalogue:harvest", args=[...])         # the result link, optional

    job = start(harvest, kind="catalogue.harvest", label="Moissonnage de …",
                organisation=org, started_by=request.user, source_id=source.pk)
    return redirect(job)                    # the job page refreshes itself until done

Tasks are Django's tasks framework (the `django-tasks` backport on Django 5.2) on its
database backend (`django-tasks-db`): `start` enqueues, `db_worker` runs (`make run`
starts one). `run_queued()` runs what is queued in the calling process: tests use it,
so a test exercises the real backend and the real worker code.
"""

import functools
import logging
import secrets
import threading
import time

from django.utils import timezone
from django_tasks import task

from confiance.jobs.models import Job

logger = logging.getLogger(__name__)

REPORT_EVERY_SECONDS = 0.5


class JobFailed(Exception):
    """Stop a job with a message for the user (in French); nothing else is shown of the error."""


class JobCancelled(BaseException):  # noqa: N818 - named like the other outcomes of a job
    """Raised inside a running job when someone cancelled it (confiance.jobs.control.cancel).

    Like asyncio.CancelledError it is a BaseException, so the `except Exception` of the code a
    job calls (an import that turns any error into its own message) lets it through, and a
    `transaction.atomic()` it crosses rolls back.
    """


class Progress:
    """The running job as its task sees it: `report()` progress, read `job` for its fields."""

    def __init__(self, job, on_write=None):
        self.job = job
        self._last = 0.0
        self._on_write = on_write  # called with the job after each write (a command's progress line)

    def report(self, done, total=None, message=None, force=False):
        """Record `done` (and optionally `total` and a message); writes at most twice a second."""
        job = self.job
        job.done = done
        if total is not None:
            job.total = total
        if message is not None:
            job.message = message
        now = time.monotonic()
        if force or total is not None or message is not None or now - self._last >= REPORT_EVERY_SECONDS \
                or (job.total and done >= job.total):
            self._last = now
            written = Job.objects.filter(pk=job.pk, cancel_requested_at__isnull=True).update(
                done=job.done, total=job.total, message=job.message)
            if not written:
                raise JobCancelled()
            if self._on_write is not None:
                self._on_write(job)

    def __call__(self, done, total=None, message=None):
        """Report like `report()`: a Progress is the `progress=` callback the domain functions accept."""
        self.report(done, total=total, message=message)

    def save_file(self, name, content):
        """Store `content` (bytes) as the job's file, named `name` when downloaded; return its storage name."""
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        stored = default_storage.save(f"jobs/{secrets.token_urlsafe(12)}/{name}", ContentFile(content))
        Job.objects.filter(pk=self.job.pk).update(result_file=stored)
        self.job.result_file.name = stored
        return stored


def job_task(func):
    """Turn `func(progress, **kwargs)` into a task that `start()` can run and follow.

    The task marks its Job running, then succeeded (its return value, if a string, is
    the result link) or failed (JobFailed's message; any other error is logged and
    shown as an unexpected error, and re-raised so the task framework records it).
    """

    def run(job_id, _on_write=None, **kwargs):
        job = Job.objects.get(pk=job_id)
        if job.cancel_requested_at is not None or job.status == Job.Status.CANCELLED:
            _finish(job, Job.Status.CANCELLED, message="Tâche annulée avant son début.")
            return None
        Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, started_at=timezone.now())
        job.status = Job.Status.RUNNING
        progress = Progress(job, on_write=_on_write)
        try:
            result = func(progress, **kwargs)
        except JobCancelled:
            _finish(job, Job.Status.CANCELLED, message="Tâche annulée en cours de route.")
            return None
        except JobFailed as exc:
            _finish(job, Job.Status.FAILED, message=str(exc))
            return None
        except Exception:
            logger.exception("Job %s (%s) failed", job_id, job.kind)
            _finish(job, Job.Status.FAILED, message="La tâche a échoué sur une erreur inattendue ; "
                                                    "l'équipe technique en trouvera le détail dans le journal.")
            raise
        _finish(job, Job.Status.SUCCEEDED, result_url=result if isinstance(result, str) else "")
        return result if isinstance(result, str) else None

    functools.update_wrapper(run, func)
    return task()(run)


def _finish(job, status, message=None, result_url=""):
    fields = {"status": status, "finished_at": timezone.now(), "result_url": result_url,
              "done": job.done, "total": job.total}
    if message is not None:
        fields["message"] = message
    if status == Job.Status.SUCCEEDED and job.total:
        fields["done"] = job.total
    Job.objects.filter(pk=job.pk).update(**fields)


def start(task_, *, kind, label, organisation, started_by=None, action="create", run_after=None, **kwargs):
    """Create a Job and enqueue `task_` (made by `job_task`) with `kwargs`; return the Job.

    `run_after` (an aware datetime) defers it: the worker leaves it queued until then (schedules).

    The database backend writes the task in the same transaction as the Job, so the
    worker never sees one without the other.
    """
    job = Job.objects.create(
        kind=kind, label=label, organisation=organisation,
        started_by=started_by if started_by is not None and started_by.is_authenticated else None,
        action=action,
    )
    if run_after is not None:
        task_ = task_.using(run_after=run_after)
    result = task_.enqueue(job_id=job.pk, **kwargs)
    job.task_id = str(result.id)
    Job.objects.filter(pk=job.pk).update(task_id=job.task_id)
    return job


def run_queued(limit=None):
    """Run the queued tasks now, in this process, with the database backend's own worker code.

    Return how many ran. Tests use it (and `runjobs --once` could); production runs `db_worker`.
    """
    from django.db import connection, transaction
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="in-process", excluded_queue_names=[])
    ran = 0
    while limit is None or ran < limit:
        with transaction.atomic(using=connection.alias):
            result = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if result is None:
                break
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def run_here(task_, *, kind, label, organisation, started_by=None, action="create", on_write=None, **kwargs):
    """Create a Job and run `task_` in this process now (a command); return the Job, refreshed.

    The job shows on its page like any other and can be cancelled from there. `on_write(job)` is
    called after each progress write (the command prints its progress line). While it runs, the
    process beats like a worker (WorkerBeat `inline:…`): if it is killed, a worker's recovery marks
    the job failed (confiance.jobs.control.recover_abandoned) rather than leave it "running".
    Errors other than JobFailed are re-raised, as for a task.
    """
    from confiance.jobs import control

    worker_id = "inline:" + control.new_worker_id()[:56]
    job = Job.objects.create(kind=kind, label=label, organisation=organisation, action=action,
                             started_by=started_by if started_by is not None and started_by.is_authenticated
                             else None, task_id=worker_id)
    control.beat(worker_id)
    stop = threading.Event()
    thread = threading.Thread(target=_keep_beating, args=(worker_id, stop), daemon=True, name="confiance-inline")
    thread.start()
    try:
        task_.func(job.pk, _on_write=on_write, **kwargs)  # the task's own code, in this process
    finally:
        stop.set()
        thread.join(timeout=5)
        control.forget(worker_id)
    job.refresh_from_db()
    return job


def _keep_beating(worker_id, stop):
    from django.db import close_old_connections, connection

    from confiance.jobs import control

    while not stop.wait(control.heartbeat_seconds()):
        try:
            control.beat(worker_id)
        except Exception:  # noqa: BLE001 - a database hiccup must not end the command
            logger.exception("Inline job heartbeat failed")
        finally:
            close_old_connections()
    connection.close()
