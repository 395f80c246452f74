"""The journal of a restore written in batches (decision 0015): what makes a restore resumable."""

from django.db import models


class RestoreJournal(models.Model):
    """One restore of one archive: how its keys were mapped and how many of its batches are written.

    Each batch commits together with `batches_done`, so the journal never claims a batch
    that is not in the database. Restoring the same archive again after a failure resumes
    after the last written batch with the same mapping (a batch's keys are fixed).
    """

    digest = models.CharField("empreinte de l'archive", max_length=64, unique=True)
    organisation_name = models.CharField("organisation", max_length=300)
    people = models.JSONField("personnes (clé de l'archive → clé locale)", default=dict)
    groups = models.JSONField("groupements (clé de l'archive → clé locale)", default=dict)
    shifts = models.JSONField("décalage des clés par modèle", default=dict)
    batches_total = models.PositiveIntegerField("lots", default=0)
    batches_done = models.PositiveIntegerField("lots écrits", default=0)
    started_at = models.DateTimeField("commencée le", auto_now_add=True)
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)

    class Meta:
        verbose_name = "journal de restauration"
        verbose_name_plural = "journaux de restauration"

    def __str__(self):
        state = "terminée" if self.finished_at else f"{self.batches_done}/{self.batches_total} lots"
        return f"Restauration de « {self.organisation_name} » ({state})"
