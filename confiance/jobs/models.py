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

    kind = models.CharField("type", max_length=60, help_text="What the job does, e.g. catalogue.harvest.")
    label = models.CharField("intitulé", max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name="organisation", on_delete=models.CASCADE, related_name="jobs"
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
    task_id = models.CharField("identifiant de la tâche", max_length=64, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    started_at = models.DateTimeField("commencée le", null=True, blank=True)
    finished_at = models.DateTimeField("finie le", null=True, blank=True)

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
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def percent(self):
        """Return how far the job has gone, 0–100, or None while the total is unknown."""
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))
