"""Control of the background work: cancel a job; retry or fail what a dead worker left "running".

Workers started by `confiance runworker` write a heartbeat (WorkerBeat) six times per
JOBS_WORKER_TIMEOUT. A task whose worker has been silent for JOBS_WORKER_TIMEOUT seconds was killed
with it (a crash, `kill -9`, a lost machine): it is put back in the queue while it has been
tried at most JOBS_KILLED_RETRIES + 1 times, and marked failed otherwise, so no job stays
"running" forever. A job a command runs in its own process (`runner.run_here`) beats the
same way as `inline:…` and is marked failed if that process dies. Tasks taken by a worker without a heartbeat (plain `db_worker`, tests'
`run_queued`) are left alone: nothing says they are dead.
"""

import logging
import os
import socket
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from confiance.jobs.models import Job, WorkerBeat

logger = logging.getLogger(__name__)

LOST = "confiance.jobs.control.WorkerLost"


def heartbeat_seconds():
    return max(1, settings.JOBS_WORKER_TIMEOUT / 6)


def new_worker_id():
    """Return a worker id naming the machine and the process (64 characters at most)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def beat(worker_id):
    """Record that the worker `worker_id` is alive now."""
    WorkerBeat.objects.update_or_create(worker_id=worker_id, defaults={
        "host": socket.gethostname()[:200], "pid": os.getpid(), "seen_at": timezone.now()})


def forget(worker_id):
    """Remove a worker that stopped cleanly."""
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


@transaction.atomic
def cancel(job):
    """Cancel `job`: a queued one never runs; a running one stops at its next progress report.

    Return True if the job was queued or running, False if it had already ended.
    """
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.is_finished:
        return False
    now = timezone.now()
    queued = job.task_id and not job.task_id.startswith("inline:")  # a command's job has no task row
    waiting = DBTaskResult.objects.filter(id=job.task_id, status=TaskResultStatus.READY).select_for_update(
        skip_locked=True).first() if queued else None
    if waiting is not None or job.status == Job.Status.QUEUED and not job.task_id:
        if waiting is not None:
            waiting.status, waiting.finished_at = TaskResultStatus.FAILED, now
            waiting.exception_class_path, waiting.traceback = "confiance.jobs.control.Cancelled", ""
            waiting.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
        Job.objects.filter(pk=job.pk).update(status=Job.Status.CANCELLED, finished_at=now, cancel_requested_at=now,
                                             message="Tâche annulée avant son début.")
    else:
        Job.objects.filter(pk=job.pk).update(cancel_requested_at=now, message="Annulation demandée…")
    return True


def recover_abandoned(now=None):
    """Retry or fail the tasks left "running" by workers whose heartbeat stopped; return (retried, failed)."""
    now = now or timezone.now()
    silent = set(WorkerBeat.objects.filter(seen_at__lt=now - timedelta(seconds=settings.JOBS_WORKER_TIMEOUT))
                 .values_list("worker_id", flat=True))
    retried = failed = 0
    if not silent:
        return retried, failed
    with transaction.atomic():
        # A job a command ran in its own process (runner.run_here) is never retried: the command is gone.
        failed += Job.objects.filter(status__in=[Job.Status.RUNNING, Job.Status.QUEUED],
                                     task_id__in=[w for w in silent if w.startswith("inline:")]).update(
            status=Job.Status.FAILED, finished_at=now,
            message="La commande qui exécutait cette tâche s'est arrêtée avant la fin ; relancez-la.")
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            if not result.worker_ids or result.worker_ids[-1] not in silent:
                continue
            job = Job.objects.filter(task_id=str(result.id)).first()
            if len(result.worker_ids) <= settings.JOBS_KILLED_RETRIES:
                result.status, result.started_at = TaskResultStatus.READY, None
                result.save(update_fields=["status", "started_at"])
                if job:
                    Job.objects.filter(pk=job.pk).update(
                        status=Job.Status.QUEUED, message="Le processus de fond s'est arrêté pendant la tâche : "
                                                          "elle est reprise depuis le début.")
                retried += 1
            else:
                result.status, result.finished_at = TaskResultStatus.FAILED, now
                result.exception_class_path, result.traceback = LOST, f"worker {result.worker_ids[-1]} stopped"
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                if job:
                    Job.objects.filter(pk=job.pk).update(
                        status=Job.Status.FAILED, finished_at=now,
                        message="La tâche a été interrompue par l'arrêt du processus de fond ; relancez-la.")
                failed += 1
            logger.warning("Task %s abandoned by worker %s: %s", result.id, result.worker_ids[-1],
                           "retried" if result.status == TaskResultStatus.READY else "failed")
        WorkerBeat.objects.filter(worker_id__in=silent).delete()
    return retried, failed
