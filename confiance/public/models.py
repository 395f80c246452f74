"""What the public site keeps: the organisation's public profile, notices,
published versions of each system page, explanation requests and annual reports."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation
from confiance.register.models import AISystem
from confiance.rules import transparency


class PublicProfile(models.Model):
    """What an organisation says about itself on its public site."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="public_profile")
    introduction = models.TextField(
        "présentation", blank=True,
        help_text="En quelques phrases simples : pourquoi et pour quoi la collectivité utilise l'IA.",
    )
    contact_email = models.EmailField(
        "adresse de contact publique", blank=True,
        help_text="Une boîte fonctionnelle (jamais l'adresse d'un agent) : elle figure dans les exports.",
    )
    siret = models.CharField(
        "SIRET", max_length=14, blank=True,
        validators=[RegexValidator(r"^\d{14}$", "Le SIRET compte 14 chiffres, sans espace (SIREN puis NIC).")],
        help_text="14 chiffres (SIREN et NIC de l'établissement) ; demandé par la bibliothèque des Interconnectés.",
    )
    logo_url = models.URLField(
        "adresse du logo", max_length=500, blank=True,
        help_text="Une image publique du logo de l'organisation ; demandée par la bibliothèque des Interconnectés.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "profil public"
        verbose_name_plural = "profils publics"

    def __str__(self):
        return f"Profil public — {self.organisation}"


class Notice(models.Model):
    """The "this service uses AI" notice of a citizen-facing system (law 6)."""

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="notice")
    generated_at = models.DateTimeField("générée le", default=timezone.now)
    published_on_url = models.URLField(
        "page où la mention est publiée", blank=True,
        help_text="L'adresse de la page du service où la mention a été collée.",
    )
    confirmed_at = models.DateTimeField("publication confirmée le", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="confirmée par", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mention d'information"
        verbose_name_plural = "mentions d'information"

    @property
    def is_published(self):
        return self.confirmed_at is not None

    def __str__(self):
        return f"Mention d'information — {self.system}"


class PublicVersion(models.Model):
    """What a system's public page said from `published_at` on."""

    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="public_versions")
    number = models.PositiveIntegerField("version")
    published_at = models.DateTimeField("publiée le", default=timezone.now)
    digest = models.CharField(max_length=64)
    content = models.JSONField("contenu publié")

    class Meta:
        verbose_name = "version publiée"
        verbose_name_plural = "versions publiées"
        ordering = ["system", "-number"]
        constraints = [models.UniqueConstraint(fields=["system", "number"], name="unique_public_version")]

    def __str__(self):
        return f"{self.system} — version {self.number}"


class ExplanationRequest(models.Model):
    """A request for an algorithm's rules (CRPA L311-3-1), or a report of an error on a public page."""

    class Kind(models.TextChoices):
        EXPLANATION = "explanation", "Demande des règles de l'algorithme"
        ERROR_REPORT = "error_report", "Signalement d'une erreur"

    PREFIXES = {Kind.EXPLANATION: "DE", Kind.ERROR_REPORT: "SE"}

    system = models.ForeignKey(AISystem, on_delete=models.PROTECT, related_name="explanation_requests")
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.EXPLANATION)
    reference = models.CharField("référence", max_length=20, unique=True)
    received_at = models.DateTimeField("reçue le", default=timezone.now)
    due_on = models.DateField("réponse due le")
    # The requester's personal data, erased after the retention period.
    requester_name = models.CharField("nom", max_length=transparency.MAX_NAME_CHARS, blank=True)
    requester_email = models.EmailField("adresse électronique", blank=True)
    decision = models.TextField("décision concernée", blank=True)
    message = models.TextField("message", blank=True)
    address_key = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    # The answer.
    answered_at = models.DateTimeField("répondue le", null=True, blank=True)
    answer = models.TextField("réponse", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="répondue par", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    erased_at = models.DateTimeField("données personnelles effacées le", null=True, blank=True)

    class Meta:
        verbose_name = "demande d'explication"
        verbose_name_plural = "demandes d'explication"
        ordering = ["-received_at"]

    def __str__(self):
        return self.reference

    def deadline(self, today=None):
        today = today or timezone.localdate()
        answered = timezone.localdate(self.answered_at) if self.answered_at else None
        return transparency.answer_deadline(timezone.localdate(self.received_at), today, answered)

    def erase_personal_data(self):
        """Blank every field that could identify the requester; keep dates and the answer's fact."""
        self.requester_name = self.requester_email = self.decision = self.message = self.address_key = ""
        self.erased_at = timezone.now()
        self.save()


class AnnualReport(models.Model):
    """The yearly report on the organisation's use of AI, and the ethics committee's opinion on it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="annual_reports")
    year = models.PositiveIntegerField("année")
    generated_at = models.DateTimeField("établi le", default=timezone.now)
    figures = models.JSONField("chiffres")
    ethics_opinion = models.TextField("avis du comité éthique", blank=True)
    opinion_recorded_at = models.DateTimeField("avis enregistré le", null=True, blank=True)
    opinion_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="avis enregistré par", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["figures"])

    class Meta:
        verbose_name = "rapport annuel"
        verbose_name_plural = "rapports annuels"
        ordering = ["organisation", "-year"]
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="unique_annual_report")]

    def __str__(self):
        return f"Rapport {self.year} — {self.organisation}"

    @property
    def is_published(self):
        """The report is published with the ethics committee's opinion, once recorded."""
        return self.opinion_recorded_at is not None


class AnnualReportPdf(models.Model):
    """The stored PDF of an annual report, made by a background job (public.report_pdf).

    It keeps no history: it is derived from the report, and `fingerprint` (the SHA-256 of the
    HTML it was printed from) says whether it still shows the report as it is now.
    """

    report = models.OneToOneField(AnnualReport, verbose_name="rapport", on_delete=models.CASCADE, related_name="pdf")
    file = models.FileField("fichier PDF", upload_to="rapports/", max_length=300, blank=True)
    fingerprint = models.CharField("empreinte du contenu", max_length=64, blank=True)
    made_at = models.DateTimeField("imprimé le", null=True, blank=True)
    job = models.ForeignKey("jobs.Job", verbose_name="dernière tâche", on_delete=models.SET_NULL, null=True,
                            blank=True, related_name="+")

    class Meta:
        verbose_name = "PDF d'un rapport annuel"
        verbose_name_plural = "PDF des rapports annuels"

    def __str__(self):
        return f"PDF — {self.report}"
