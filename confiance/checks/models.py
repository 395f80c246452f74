"""What the checks say about a record, and what the record holds to answer them.

The rules themselves are in confiance/rules/; this app stores their inputs
(the questionnaire's answers, the impact assessments, the organisation's
charter) and their latest result, whose every past version the history keeps
with the rule sets' versions and the date it was computed.
"""

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation
from confiance.register.models import AISystem
from confiance.rules.ai_act import RiskClass
from confiance.rules.charter import CheckKind, Outcome

DOCUMENT_EXTENSIONS = ["pdf", "odt", "docx"]


def validate_document_size(document):
    if document.size > 10 * 1024 * 1024:
        from django.core.exceptions import ValidationError

        raise ValidationError("Le document dépasse 10 Mo : déposez une version plus légère (PDF de préférence).")


class Questionnaire(models.Model):
    """The answers an agent gave to the checks' questions, complete or not."""

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="questionnaire")
    answers = models.JSONField("réponses", default=dict)
    # Questions whose stored answer was taken from the record and left as it was.
    from_record = models.JSONField("réponses reprises de la fiche", default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "questionnaire"

    def __str__(self):
        return f"Questionnaire — {self.system}"


class CheckResult(models.Model):
    """The current result of every rule family for a record."""

    RISK_CLASSES = [(c.value, c.label) for c in RiskClass]

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="check_result")
    computed_at = models.DateTimeField("calculé le")
    versions = models.JSONField("versions des règles")
    risk_class = models.CharField("classe de risque (AI Act)", max_length=20, choices=RISK_CLASSES)
    dpia_required = models.BooleanField("AIPD requise")
    automated_decision_forbidden = models.BooleanField("décision automatisée interdite (art. 22)")
    ethics_referral_needed = models.BooleanField("saisine du comité éthique nécessaire")
    report = models.JSONField("rapport complet")
    history = HistoricalRecords(excluded_fields=["report"])

    class Meta:
        verbose_name = "résultat des contrôles"
        verbose_name_plural = "résultats des contrôles"

    @property
    def is_forbidden(self):
        """True when no approval or deployment may ever happen."""
        return self.risk_class == RiskClass.PROHIBITED or self.automated_decision_forbidden

    def __str__(self):
        return f"{self.system} — {self.get_risk_class_display()}"


class LawOutcome(models.Model):
    """One principle of the charter for one record, so the list can filter on it."""

    OUTCOMES = [(o.value, o.label) for o in Outcome]

    result = models.ForeignKey(CheckResult, on_delete=models.CASCADE, related_name="law_outcomes")
    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="law_outcomes")
    number = models.PositiveSmallIntegerField("numéro")
    outcome = models.CharField("état", max_length=20, choices=OUTCOMES)

    class Meta:
        verbose_name = "état d'un principe"
        verbose_name_plural = "états des principes"
        constraints = [models.UniqueConstraint(fields=["system", "number"], name="unique_law_outcome")]
        indexes = [models.Index(fields=["number", "outcome"])]

    def __str__(self):
        return f"{self.system} — principe {self.number} : {self.get_outcome_display()}"


class DPIA(models.Model):
    """The data protection impact assessment (AIPD) carried out for a record (GDPR art. 35)."""

    class Conclusion(models.TextChoices):
        ACCEPTABLE = "acceptable", "Risques résiduels acceptables"
        WITH_MEASURES = "with_measures", "Acceptable sous réserve des mesures prévues"
        PRIOR_CONSULTATION = "prior_consultation", "Risque élevé : consultation préalable de la CNIL (art. 36)"

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="dpia")
    carried_out_on = models.DateField("date de l'analyse")
    conclusion = models.CharField("conclusion", max_length=30, choices=Conclusion.choices)
    residual_risks = models.TextField("risques résiduels")
    measures = models.TextField("mesures prévues")
    dpo_opinion = models.TextField("avis du DPO", help_text="L'avis du délégué à la protection des données (art. 35 § 2).")
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="validée par", on_delete=models.PROTECT, null=True, blank=True,
        related_name="validated_dpias", editable=False,
    )
    validated_on = models.DateField("validée le", null=True, blank=True, editable=False)
    document = models.FileField(
        "document", upload_to="dpia/", blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS), validate_document_size],
        help_text="PDF, ODT ou DOCX, 10 Mo au plus.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "AIPD"
        verbose_name_plural = "AIPD"

    def __str__(self):
        return f"AIPD — {self.system}"


class ContestedImplication(models.Model):
    """A person's written objection to one implication of the checks (rules.implications), shown to the DPO.

    While it exists the implication does not apply to the record; the history
    keeps who contested what, why and when, and who withdrew it.
    """

    system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="contested_implications")
    code = models.CharField("implication", max_length=100)
    justification = models.TextField("justification")
    contested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="contestée par", on_delete=models.PROTECT,
        related_name="contested_implications",
    )
    contested_at = models.DateTimeField("contestée le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "implication contestée"
        verbose_name_plural = "implications contestées"
        constraints = [models.UniqueConstraint(fields=["system", "code"], name="unique_contested_implication")]

    def __str__(self):
        return f"{self.system} — {self.code}"


class FRIA(models.Model):
    """The fundamental rights impact assessment of AI Act art. 27, for high-risk systems."""

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="fria")
    carried_out_on = models.DateField("date de l'analyse")
    process = models.TextField("processus dans lequel le système est utilisé", help_text="Art. 27 § 1 a).")
    period_and_frequency = models.TextField("période et fréquence d'utilisation", help_text="Art. 27 § 1 b).")
    people_affected = models.TextField("catégories de personnes concernées", help_text="Art. 27 § 1 c).")
    specific_risks = models.TextField("risques spécifiques de préjudice", help_text="Art. 27 § 1 d).")
    human_oversight = models.TextField("mesures de contrôle humain", help_text="Art. 27 § 1 e).")
    measures_if_risks_materialise = models.TextField(
        "mesures si les risques se concrétisent", help_text="Art. 27 § 1 f) : gouvernance interne et réclamations."
    )
    authority_notified_on = models.DateField(
        "notification à l'autorité de surveillance", null=True, blank=True, help_text="Art. 27 § 3."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "AIDF (analyse d'impact sur les droits fondamentaux)"
        verbose_name_plural = "AIDF"

    def __str__(self):
        return f"AIDF — {self.system}"


class EUDatabaseEntry(models.Model):
    """What a public deployer sends to the EU database (AI Act art. 49 § 3, annex VIII section C)."""

    system = models.OneToOneField(AISystem, on_delete=models.CASCADE, related_name="eu_database_entry")
    submitted_by = models.CharField("personne qui transmet", max_length=200, help_text="Annexe VIII, C, point 2.")
    provider_entry_url = models.URLField(
        "fiche du fournisseur dans la base de l'UE", help_text="Annexe VIII, C, point 3 : l'adresse de la fiche."
    )
    fria_summary = models.TextField("synthèse de l'AIDF (art. 27)", help_text="Annexe VIII, C, point 4.")
    dpia_summary = models.TextField("synthèse de l'AIPD", blank=True, help_text="Annexe VIII, C, point 5.")
    submitted_on = models.DateField("date d'enregistrement", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "enregistrement dans la base de données de l'UE"
        verbose_name_plural = "enregistrements dans la base de données de l'UE"

    def __str__(self):
        return f"Base de données de l'UE — {self.system}"


class Charter(models.Model):
    """An organisation's principles (Montpellier's 10 laws, Toulouse's 8 principles...)."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="charter")
    name = models.CharField("nom", max_length=200)
    source = models.CharField("source", max_length=300, help_text="Délibération, page web ou document d'origine.")
    source_url = models.URLField("adresse de la source", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "charte"

    def __str__(self):
        return self.name


class Principle(models.Model):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="principles")
    number = models.PositiveSmallIntegerField("numéro")
    title = models.CharField("titre", max_length=200)
    text = models.TextField("texte")
    check_kind = models.CharField(
        "contrôle associé", max_length=40, choices=[(k.value, k.value) for k in CheckKind]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "principe"
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["charter", "number"], name="unique_principle_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class OrganisationPolicy(models.Model):
    """The figures and thresholds an organisation sets for its checks."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="policy")
    staff_count = models.PositiveIntegerField("nombre d'agents", null=True, blank=True)
    carbon_threshold_kg = models.FloatField(
        "seuil carbone de saisine du comité éthique (kg CO₂e par an)", null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    women_share_target = models.FloatField(
        "objectif de part de femmes dans les équipes IA", default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "politique de l'organisation"
        verbose_name_plural = "politiques des organisations"

    def __str__(self):
        return f"Politique — {self.organisation}"


class TrainingEvent(models.Model):
    """A training of agents (law 7) or of citizens (law 8)."""

    class Audience(models.TextChoices):
        AGENTS = "agents", "Agents"
        CITIZENS = "citizens", "Habitants"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_events")
    audience = models.CharField("public", max_length=10, choices=Audience.choices)
    title = models.CharField("intitulé", max_length=200)
    held_on = models.DateField("date")
    participants = models.PositiveIntegerField("participants", null=True, blank=True)
    source = models.CharField("source", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "formation"
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%m/%Y})"


