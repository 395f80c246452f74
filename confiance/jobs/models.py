"""`Job`: what a person sees of one piece of background work (a harvest, a large import, an audit).

The task itself runs on Django's tasks framework (the `django-tasks` backport, database
backend, `db_worker`); a Job is the product's record of it: who started it for which
organisation, how far it has gone, and where its result is. See docs/architecture.md.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        RUNNING = "running", "En cours"
        SUCCEEDED = "succeeded", "Terminée"
        FAILED = "failed", "Échouée"
        CANCELLED = "cancelled", "Annulée"

    kind = models.CharField("type", max_length=60, help_text="What the job does, e.g. catalogue.harvest.")
    label = models.CharField("intitulé", max_length=200)
    # None for work of the whole instance (a library hub's harvest, an archive import): superusers follow it.
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="organisation", on_delete=models.CASCADE, related_name="jobs",
        null=True, blank=True,
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lancée par", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="jobs",
    )
    # The organisation-level action (rules.permissions.Action) a person needs to follow the job.
    action = models.CharField("droit requis", max_length=20, default="create")
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField("fait", default=0)
    total = models.PositiveIntegerField("total", default=0)
    message = models.TextField("message", blank=True)
    result_url = models.CharField("lien vers le résultat", max_length=500, blank=True)
    # A file the job made (an organisation's archive), in MEDIA_ROOT under an unguessable folder;
    # downloaded through the job page by who may do the job's action (jobs.views.job_download).
    result_file = models.FileField("fichier produit", upload_to="jobs/", max_length=300, blank=True)
    task_id = models.CharField("identifiant de la tâche", max_length=64, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    started_at = models.DateTimeField("commencée le", null=True, blank=True)
    finished_at = models.DateTimeField("finie le", null=True, blank=True)
    # Set by `confiance.jobs.control.cancel` on a running job; its next progress report stops it.
    cancel_requested_at = models.DateTimeField("annulation demandée le", null=True, blank=True)

    class Meta:
        verbose_name = "tâche de fond"
        verbose_name_plural = "tâches de fond"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    @property
    def is_finished(self):
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED, self.Status.CANCELLED)

    @property
    def result_file_name(self):
        """Return the name the job's file is downloaded under (its storage name without the folders)."""
        return self.result_file.name.rsplit("/", 1)[-1] if self.result_file else ""

    @property
    def percent(self):
        """Return how far the job has gone, 0–100, or None while the total is unknown."""
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))


class WorkerBeat(models.Model):
    """A worker started by `runworker` says it is alive every few seconds; a silent one is presumed dead.

    `confiance.jobs.control.recover_abandoned` retries or fails the tasks a dead worker left "running".
    """

    worker_id = models.CharField("identifiant", max_length=64, primary_key=True)
    host = models.CharField("machine", max_length=200)
    pid = models.PositiveIntegerField("processus")
    started_at = models.DateTimeField("démarré le", auto_now_add=True)
    seen_at = models.DateTimeField("vu le")

    class Meta:
        verbose_name = "processus de fond"
        verbose_name_plural = "processus de fond"

    def __str__(self):
        return self.worker_id


class ScheduledRun(models.Model):
    """One occurrence of a command of the worker's schedule (JOBS_SCHEDULE); unique, so it runs once."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Prévue"
        RUNNING = "running", "En cours"
        SUCCEEDED = "succeeded", "Terminée"
        FAILED = "failed", "Échouée"

    command = models.CharField("commande", max_length=200)
    due_at = models.DateTimeField("prévue le")
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.QUEUED)
    output = models.TextField("sortie", blank=True)
    task_id = models.CharField("identifiant de la tâche", max_length=64, blank=True)
    started_at = models.DateTimeField("commencée le", null=True, blank=True)
    finished_at = models.DateTimeField("finie le", null=True, blank=True)

    class Meta:
        verbose_name = "exécution planifiée"
        verbose_name_plural = "exécutions planifiées"
        ordering = ["-due_at", "command"]
        constraints = [models.UniqueConstraint(fields=["command", "due_at"], name="unique_scheduled_run")]

    def __str__(self):
        return f"{self.command} ({self.due_at:%d/%m/%Y %H:%M})"
