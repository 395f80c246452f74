"""The data catalogue: datasets, their fields, their links to AI systems, harvests and signals."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation, Service
from confiance.catalogue.choices import (
    Classification,
    FieldType,
    Frequency,
    HostingCountry,
    LegalBasis,
    Licence,
    Platform,
    QualityLabel,
    ReviewStatus,
    SensitiveCondition,
    SpatialGranularity,
    TransferBasis,
    UseRole,
)
from confiance.register.search import fold
from confiance.rules import catalogue as rules

PERSONAL_CLASSES = {Classification.PERSONAL, Classification.SENSITIVE}


class Dataset(models.Model):
    """One entry of the catalogue (jeu de données), hand-made or harvested."""

    title = models.CharField("titre", max_length=300)
    description = models.TextField("description")
    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="datasets")
    service = models.ForeignKey(Service, verbose_name="service", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="datasets")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="responsable", on_delete=models.PROTECT,
                              null=True, blank=True, related_name="owned_datasets")
    steward = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="référent data", on_delete=models.PROTECT,
                                null=True, blank=True, related_name="stewarded_datasets")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="created_datasets", editable=False)
    source_application = models.CharField("application source", max_length=200, blank=True,
                                          help_text="Le logiciel métier qui produit la donnée.")
    theme = models.CharField("thème", max_length=140, blank=True)
    keywords = models.CharField("mots-clés", max_length=500, blank=True, help_text="Séparés par des virgules.")

    # Who may see it, and on what ground
    classification = models.CharField("classification", max_length=20, choices=Classification.choices,
                                      default=Classification.INTERNAL)
    # Partners by their identifier (slug), not by key: an archive restores without them, and a partner need
    # not use this instance.
    shared_with = models.JSONField("partagée avec", default=list, blank=True,
                                   help_text="Pour une donnée partagée : les organisations partenaires.")
    legal_basis = models.CharField("base légale (art. 6 RGPD)", max_length=30, choices=LegalBasis.choices, blank=True)
    sensitive_condition = models.CharField("exception de l'art. 9 RGPD", max_length=2,
                                           choices=SensitiveCondition.choices, blank=True)
    retention_months = models.PositiveIntegerField("durée de conservation (mois)", null=True, blank=True)
    oldest_record_on = models.DateField("date de la plus ancienne donnée conservée", null=True, blank=True)

    # Where it lives
    hosting_country = models.CharField("pays d'hébergement", max_length=10, choices=HostingCountry.choices,
                                       default=HostingCountry.UNKNOWN)
    hosting_provider = models.CharField("hébergeur", max_length=200, blank=True)
    transfer_basis = models.CharField("base du transfert hors UE", max_length=20, choices=TransferBasis.choices,
                                      blank=True)
    reversibility_clause = models.BooleanField("clause de réversibilité au contrat", null=True, blank=True)
    contract_reference = models.CharField("référence du contrat", max_length=200, blank=True)

    # How it lives
    frequency = models.CharField("fréquence de mise à jour", max_length=20, choices=Frequency.choices,
                                 default=Frequency.UNKNOWN)
    last_updated = models.DateField("dernière mise à jour", null=True, blank=True)
    issued = models.DateField("première publication", null=True, blank=True)
    temporal_start = models.DateField("début de la période couverte", null=True, blank=True)
    temporal_end = models.DateField("fin de la période couverte", null=True, blank=True)
    licence = models.CharField("licence", max_length=10, choices=Licence.choices, blank=True)
    licence_other = models.CharField("autre licence", max_length=200, blank=True)
    landing_page = models.URLField("page du jeu de données", max_length=500, blank=True)
    distributions = models.JSONField("ressources", default=list, blank=True,
                                     help_text="[{\"url\", \"format\", \"title\"}] : les fichiers et API du jeu.")

    # Quality
    completeness_percent = models.PositiveSmallIntegerField("complétude (%)", null=True, blank=True)
    schema_url = models.URLField("schéma de données", max_length=500, blank=True,
                                 help_text="Par exemple un schéma de schema.data.gouv.fr.")
    quality_label = models.PositiveSmallIntegerField("label de qualité", choices=QualityLabel.choices,
                                                     default=QualityLabel.NONE)

    # Where it came from (harvests and imports)
    uri = models.CharField("URI d'origine", max_length=500, blank=True, db_index=True)
    identifier = models.CharField("identifiant d'origine", max_length=300, blank=True)
    harvest = models.ForeignKey("Harvest", verbose_name="moissonnage", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="datasets")
    review_status = models.CharField("état", max_length=10, choices=ReviewStatus.choices,
                                     default=ReviewStatus.ACCEPTED)
    merged_into = models.ForeignKey("self", verbose_name="fusionné avec", on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="merged_from")
    withdrawn = models.BooleanField("retiré à la source", default=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at", "source_hash"])

    class Meta:
        verbose_name = "jeu de données"
        verbose_name_plural = "jeux de données"
        ordering = ["title", "pk"]
        # The list's filter and order in one index: at 100,000 datasets it turns a sort into a walk
        # (bench/catalogue.py).
        indexes = [models.Index(fields=["organisation", "review_status", "withdrawn", "title", "id"],
                                name="catalogue_dataset_list_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalogue:detail", args=[self.pk])

    @property
    def is_personal(self):
        return self.classification in PERSONAL_CLASSES

    @property
    def freshness(self):
        from django.utils import timezone

        return rules.freshness(self.frequency, self.last_updated, timezone.localdate())

    @property
    def schema_documented(self):
        return bool(self.schema_url) or self.fields.exists()

    @property
    def partners(self):
        """Return the partner organisations known here, by the slugs of `shared_with`."""
        return Organisation.objects.filter(slug__in=self.shared_with or [])

    @property
    def licence_label(self):
        return self.licence_other if self.licence == Licence.OTHER else self.get_licence_display()

    def clean(self):
        errors = {}
        if self.service_id and self.organisation_id and self.service.organisation_id != self.organisation_id:
            errors["service"] = "Ce service n'appartient pas à l'organisation du jeu de données."
        if self.classification != Classification.SENSITIVE and self.sensitive_condition:
            errors["sensitive_condition"] = "L'exception de l'article 9 ne concerne que les données sensibles."
        if self.licence == Licence.OTHER and not self.licence_other.strip():
            errors["licence_other"] = "Nommez la licence."
        if self.completeness_percent is not None and self.completeness_percent > 100:
            errors["completeness_percent"] = "La complétude est un pourcentage, de 0 à 100."
        if self.temporal_start and self.temporal_end and self.temporal_start > self.temporal_end:
            errors["temporal_end"] = "La fin de la période couverte précède son début."
        if errors:
            raise ValidationError(errors)

    def compute_search_text(self):
        return fold(" ".join([self.title, self.description, self.keywords, self.theme, self.source_application]))

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)


class DatasetField(models.Model):
    """One column or property of a dataset."""

    dataset = models.ForeignKey(Dataset, verbose_name="jeu de données", on_delete=models.CASCADE,
                                related_name="fields")
    name = models.CharField("nom", max_length=200)
    type = models.CharField("type", max_length=10, choices=FieldType.choices, default=FieldType.STRING)
    description = models.TextField("description", blank=True)
    personal = models.BooleanField("donnée personnelle", default=False)
    position = models.PositiveIntegerField("ordre", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "champ"
        ordering = ["dataset", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["dataset", "name"], name="unique_dataset_field_name")]

    def __str__(self):
        return self.name


class DatasetUse(models.Model):
    """A dataset feeding (or fed by) an AI system, with its role."""

    dataset = models.ForeignKey(Dataset, verbose_name="jeu de données", on_delete=models.CASCADE,
                                related_name="uses")
    system = models.ForeignKey("register.AISystem", verbose_name="système d'IA", on_delete=models.CASCADE,
                               related_name="dataset_uses")
    role = models.CharField("rôle", max_length=10, choices=UseRole.choices, default=UseRole.INPUT)
    note = models.CharField("précision", max_length=300, blank=True)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "usage d'un jeu de données"
        verbose_name_plural = "usages des jeux de données"
        ordering = ["system", "role", "dataset__title"]
        constraints = [models.UniqueConstraint(fields=["dataset", "system", "role"], name="unique_dataset_use")]

    def __str__(self):
        return f"{self.dataset} → {self.system} ({self.get_role_display()})"

    def clean(self):
        if self.dataset_id and self.system_id and self.dataset.organisation_id != self.system.organisation_id:
            if self.system.organisation.slug not in (self.dataset.shared_with or []):
                raise ValidationError("Ce jeu de données n'appartient pas à l'organisation du système et ne lui est "
                                      "pas partagé.")


class Harvest(models.Model):
    """A portal whose DCAT catalogue is harvested, by hand or on a schedule."""

    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="harvests")
    name = models.CharField("nom", max_length=200)
    url = models.URLField("adresse du catalogue DCAT", max_length=500,
                          help_text="L'adresse du catalogue DCAT, ou celle du portail si sa plateforme est indiquée.")
    platform = models.CharField("plateforme", max_length=20, choices=Platform.choices, default=Platform.DCAT)
    service = models.ForeignKey(Service, verbose_name="service destinataire", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+",
                                help_text="Ses référents data examinent ce que le moissonnage apporte.")
    every_days = models.PositiveSmallIntegerField("tous les (jours)", default=0,
                                                  help_text="0 : seulement à la demande.")
    next_run_at = models.DateTimeField("prochain moissonnage", null=True, blank=True, editable=False)
    scheduled_job_id = models.PositiveIntegerField(null=True, blank=True, editable=False)  # the queued next run
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.SET_NULL,
                                   null=True, blank=True, editable=False, related_name="+")
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "moissonnage"
        ordering = ["organisation", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:harvest", args=[self.pk])


class HarvestLog(models.Model):
    """One run of a harvest or one import of a DCAT file, with its counts; nothing is written when it fails."""

    class Status(models.TextChoices):
        RUNNING = "running", "En cours"
        SUCCEEDED = "succeeded", "Réussi"
        FAILED = "failed", "Échoué (rien n'a été modifié)"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="harvest_logs")
    harvest = models.ForeignKey(Harvest, on_delete=models.CASCADE, null=True, blank=True, related_name="logs")
    source = models.CharField("source", max_length=500)
    job_id = models.PositiveIntegerField("tâche", null=True, blank=True)  # not a key: jobs stay out of archives
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.RUNNING)
    created = models.PositiveIntegerField("nouveaux", default=0)
    updated = models.PositiveIntegerField("modifiés", default=0)
    unchanged = models.PositiveIntegerField("inchangés", default=0)
    withdrawn = models.PositiveIntegerField("retirés", default=0)
    message = models.TextField("message", blank=True)
    started_at = models.DateTimeField("commencé le", auto_now_add=True)
    finished_at = models.DateTimeField("fini le", null=True, blank=True)

    class Meta:
        verbose_name = "journal de moissonnage"
        verbose_name_plural = "journaux de moissonnage"
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.source} ({self.get_status_display()})"


class Signal(models.Model):
    """A sprawl or risk finding of the rules (rules.catalogue), with the datasets and the steward it concerns."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="catalogue_signals")
    kind = models.CharField("type", max_length=30)
    key = models.CharField(max_length=300)
    message = models.TextField("constat")
    citation = models.CharField("source", max_length=300)
    datasets = models.ManyToManyField(Dataset, related_name="signals")
    system = models.ForeignKey("register.AISystem", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="catalogue_signals")
    steward = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="catalogue_signals")
    detected_at = models.DateTimeField("détecté le", auto_now_add=True)
    resolved_at = models.DateTimeField("résolu le", null=True, blank=True)

    class Meta:
        verbose_name = "signal du catalogue"
        verbose_name_plural = "signaux du catalogue"
        ordering = ["kind", "key"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="unique_signal_key")]

    def __str__(self):
        return self.message


class CatalogueProfile(models.Model):
    """What the catalogue of one organisation publishes under, and what its committee requires."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="catalogue_profile")
    siret = models.CharField("SIRET", max_length=14, blank=True,
                             help_text="14 chiffres : exigé par le catalogue SCDL (COLL_SIRET).")
    spatial_granularity = models.CharField("maille territoriale", max_length=20, choices=SpatialGranularity.choices,
                                           default=SpatialGranularity.COMMUNE)
    spatial_name = models.CharField("territoire couvert", max_length=140, blank=True)
    required_quality_label = models.PositiveSmallIntegerField(
        "label exigé par le comité pour alimenter une IA", choices=QualityLabel.choices, default=QualityLabel.NONE)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "profil du catalogue"
        verbose_name_plural = "profils des catalogues"

    def __str__(self):
        return f"Catalogue — {self.organisation}"

    def clean(self):
        if self.siret and not (self.siret.isdigit() and len(self.siret) == 14):
            raise ValidationError({"siret": "Le SIRET compte 14 chiffres."})
        siren = self.organisation.siren if self.organisation_id else ""
        if self.siret and siren and not self.siret.startswith(siren):
            raise ValidationError({"siret": f"Le SIRET doit commencer par le SIREN de l'organisation ({siren})."})
