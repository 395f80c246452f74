"""What the audits keep: the aggregates of a bias audit, a carbon estimate, measured runs.

A bias audit never keeps a row of the file it read: only its counts and rates
per group (`report`), and what was detected about the file (format, separator,
encoding, size). A bias audit is attached to an AI system or to a dataset of the
catalogue (decision 0020); every change is in history.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from confiance.register.models import AISystem


class BiasAudit(models.Model):
    """A finished run of the bias audit on a data file that feeds a system (law 10).

    It is created only when the audit succeeds; a run in progress, or one that
    failed, is a `jobs.Job` and leaves nothing here.
    """

    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="bias_audits", null=True,
                               blank=True)
    dataset = models.ForeignKey("catalogue.Dataset", verbose_name="jeu de données", on_delete=models.CASCADE,
                                related_name="bias_audits", null=True, blank=True)
    # The system's or the dataset's organisation, copied so that one lookup finds every audit of an organisation
    # (its archive, confiance.portability).
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+", null=True,
                                     editable=False)
    file_name = models.CharField("fichier audité", max_length=255)
    source = models.JSONField("format détecté", default=dict)
    spec = models.JSONField("paramètres de l'audit", default=dict)
    legal_basis = models.TextField("base légale (données sensibles)", blank=True)
    rows = models.BigIntegerField("lignes lues", null=True, blank=True)
    report = models.JSONField("agrégats", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField("terminé le", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["report"])

    class Meta:
        verbose_name = "audit des biais"
        verbose_name_plural = "audits des biais"
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=models.Q(system__isnull=False, dataset__isnull=True)
            | models.Q(system__isnull=True, dataset__isnull=False),
            name="bias_audit_of_a_system_or_a_dataset")]

    def __str__(self):
        return f"Audit des biais de {self.file_name} — {self.subject}"

    @property
    def subject(self):
        """Return what the audit is attached to: the AI system or the dataset."""
        return self.system if self.system_id else self.dataset

    def get_absolute_url(self):
        from django.urls import reverse

        if self.system_id:
            return reverse("audits:bias_detail", args=[self.system_id, self.pk])
        return reverse("audits:dataset_bias_detail", args=[self.dataset_id, self.pk])


class CarbonEstimate(models.Model):
    """The current carbon estimate of a system (law 4); its history keeps the earlier ones."""

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="carbon_estimate")
    inputs = models.JSONField("hypothèses")
    result = models.JSONField("résultat")
    low_kg = models.FloatField("estimation basse (kg CO₂e par an)")
    central_kg = models.FloatField("estimation centrale (kg CO₂e par an)")
    high_kg = models.FloatField("estimation haute (kg CO₂e par an)")
    benefit_kg = models.FloatField("bénéfice revendiqué (kg CO₂e évités par an)", null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["result", "updated_at"])

    class Meta:
        verbose_name = "estimation carbone"
        verbose_name_plural = "estimations carbone"

    def __str__(self):
        return f"Empreinte carbone — {self.system}"


class CarbonMeasurement(models.Model):
    """The energy and emissions codecarbon measured while a real command ran."""

    class Part(models.TextChoices):
        TRAINING = "training", "entraînement"
        INFERENCE = "inference", "usage"
        OTHER = "other", "autre"

    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="carbon_measurements")
    part = models.CharField("étape mesurée", max_length=10, choices=Part.choices, default=Part.TRAINING)
    command = models.CharField("commande", max_length=500)
    return_code = models.IntegerField("code de retour")
    duration_s = models.FloatField("durée (s)")
    energy_kwh = models.FloatField("énergie (kWh)")
    emissions_kg = models.FloatField("émissions (kg CO₂e)")
    country = models.CharField("pays du réseau électrique", max_length=3)
    hardware = models.CharField("matériel", max_length=255, blank=True)
    tool = models.CharField("outil de mesure", max_length=60)
    measured_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    measured_at = models.DateTimeField("mesuré le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mesure carbone"
        verbose_name_plural = "mesures carbone"
        ordering = ["-measured_at", "-pk"]

    def __str__(self):
        return f"Mesure carbone ({self.get_part_display()}) — {self.system}"


class DatasetCarbonEstimate(models.Model):
    """The yearly carbon footprint of storing a catalogue dataset; its history keeps the earlier ones.

    Informative: law 4 reads the estimate of each system, whose storage part
    counts the data it keeps (decision 0020).
    """

    dataset = models.OneToOneField("catalogue.Dataset", verbose_name="jeu de données", on_delete=models.CASCADE,
                                   related_name="carbon_estimate")
    inputs = models.JSONField("hypothèses")
    result = models.JSONField("résultat")
    low_kg = models.FloatField("estimation basse (kg CO₂e par an)")
    central_kg = models.FloatField("estimation centrale (kg CO₂e par an)")
    high_kg = models.FloatField("estimation haute (kg CO₂e par an)")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["result", "updated_at"])

    class Meta:
        verbose_name = "estimation carbone d'un jeu de données"
        verbose_name_plural = "estimations carbone des jeux de données"

    def __str__(self):
        return f"Empreinte carbone du stockage — {self.dataset}"
