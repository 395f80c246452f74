"""The review of AI systems: committees, their sessions, referrals, opinions, decisions, trials; shadow-AI control.

Montpellier's strategy (seeds/001) sets the bodies: an internal Data & AI
committee that pre-examines every AI project and forbids "shadow AI", and the
Comité Métropolitain de l'IA et du Numérique (ethics committee: citizens,
elected members, associations, academics...) whose opinion sensitive projects
need. Every model keeps its history.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation, Service
from confiance.register.choices import HostingCountry
from confiance.register.models import AISystem

DOCUMENT_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "png", "jpg", "jpeg", "txt", "csv"]


def validate_document_size(document):
    limit = settings.REVIEW_UPLOAD_MAX_MB
    if document.size > limit * 1024 * 1024:
        raise ValidationError(f"Le document dépasse {limit} Mo : déposez une version plus légère (PDF de préférence).")


class Committee(models.Model):
    """The internal Data & AI committee or the ethics committee of an organisation."""

    class Kind(models.TextChoices):
        INTERNAL = "internal", "Comité interne Data & IA"
        ETHICS = "ethics", "Comité éthique"

    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="committees")
    kind = models.CharField("type", max_length=10, choices=Kind.choices)
    name = models.CharField("nom", max_length=200)
    mission = models.TextField("mission", blank=True)
    source = models.CharField("source", max_length=300, blank=True, help_text="Le texte qui institue le comité.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "comité"
        ordering = ["organisation__name", "kind", "name"]

    def __str__(self):
        return self.name


class CommitteeMember(models.Model):
    """A person's seat on a committee."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Présidence"
        SECRETARY = "secretary", "Secrétariat"
        MEMBER = "member", "Membre"

    class Constituency(models.TextChoices):
        STAFF = "staff", "Agent de la collectivité"
        ELECTED = "elected", "Élu ou élue"
        CITIZEN = "citizen", "Citoyen ou citoyenne"
        ASSOCIATION = "association", "Association"
        ACADEMIC = "academic", "Universitaire"
        BUSINESS = "business", "Entreprise"
        EXPERT = "expert", "Expert ou experte"

    committee = models.ForeignKey(Committee, verbose_name="comité", on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.PROTECT,
                               related_name="committee_seats")
    role = models.CharField("rôle", max_length=10, choices=Role.choices, default=Role.MEMBER)
    constituency = models.CharField("collège", max_length=12, choices=Constituency.choices, default=Constituency.STAFF)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "membre d'un comité"
        verbose_name_plural = "membres des comités"
        ordering = ["committee", "role", "person__last_name"]
        constraints = [models.UniqueConstraint(fields=["committee", "person"], name="unique_committee_seat")]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class Session(models.Model):
    """A committee meeting: its agenda is the referrals it examines."""

    committee = models.ForeignKey(Committee, verbose_name="comité", on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField("date")
    place = models.CharField("lieu", max_length=200, blank=True)
    attendees = models.ManyToManyField(CommitteeMember, verbose_name="présents", blank=True, related_name="sessions")
    minutes = models.TextField("compte rendu", blank=True)
    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        verbose_name = "séance"
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.committee} — séance du {self.held_on:%d/%m/%Y}"


class Referral(models.Model):
    """A question put to a committee about a record (saisine)."""

    system = models.ForeignKey(AISystem, verbose_name="système d'IA", on_delete=models.PROTECT,
                               related_name="referrals")
    committee = models.ForeignKey(Committee, verbose_name="comité", on_delete=models.PROTECT, related_name="referrals")
    question = models.TextField("question posée")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="saisi par", on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    referred_on = models.DateField("saisi le", default=timezone.localdate)
    deadline = models.DateField("date limite de l'avis")
    session = models.ForeignKey(Session, verbose_name="séance", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="agenda")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "saisine"
        ordering = ["deadline", "pk"]

    def __str__(self):
        return f"Saisine du {self.committee} sur « {self.system} »"

    @property
    def answered(self):
        return hasattr(self, "opinion")


class Document(models.Model):
    """A document attached to a referral's dossier."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField("titre", max_length=200)
    file = models.FileField(
        "fichier", upload_to="review/%Y/",
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS), validate_document_size],
        help_text="PDF, ODT, ODS, DOCX, XLSX, PNG, JPEG, TXT ou CSV.",
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    uploaded_at = models.DateTimeField("déposé le", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pièce du dossier"
        verbose_name_plural = "pièces du dossier"
        ordering = ["uploaded_at"]

    def __str__(self):
        return f"Document — {self.referral}"


class Opinion(models.Model):
    """A committee's answer to a referral (avis)."""

    class Verdict(models.TextChoices):
        FAVOURABLE = "favourable", "Favorable"
        WITH_CONDITIONS = "with_conditions", "Favorable sous conditions"
        UNFAVOURABLE = "unfavourable", "Défavorable"

    FAVOURABLE_VERDICTS = (Verdict.FAVOURABLE, Verdict.WITH_CONDITIONS)

    referral = models.OneToOneField(Referral, on_delete=models.PROTECT, related_name="opinion")
    verdict = models.CharField("avis", max_length=20, choices=Verdict.choices)
    text = models.TextField("motivation")
    conditions = models.TextField("conditions", blank=True, help_text="Une condition par ligne.")
    votes_for = models.PositiveSmallIntegerField("voix pour", default=0)
    votes_against = models.PositiveSmallIntegerField("voix contre", default=0)
    abstentions = models.PositiveSmallIntegerField("abstentions", default=0)
    given_on = models.DateField("date de l'avis", default=timezone.localdate)
    published = models.BooleanField("publié", default=False, help_text="Un avis publié paraît sur le site public.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "avis"
        verbose_name_plural = "avis"
        ordering = ["given_on", "pk"]

    def __str__(self):
        return f"Avis {self.get_verdict_display().lower()} du {self.referral.committee}"

    @property
    def favourable(self):
        return self.verdict in self.FAVOURABLE_VERDICTS

    def clean(self):
        if self.verdict == self.Verdict.WITH_CONDITIONS and not self.conditions.strip():
            raise ValidationError({"conditions": "Un avis favorable sous conditions doit énoncer ses conditions."})


class Decision(models.Model):
    """The authority's decision after the opinions; it moves the record's status."""

    class Kind(models.TextChoices):
        APPROVE_EXPERIMENTATION = "approve_experimentation", "Autoriser l'expérimentation"
        APPROVE_DEPLOYMENT = "approve_deployment", "Autoriser le déploiement"
        REJECT = "reject", "Refuser"
        SUSPEND = "suspend", "Suspendre"

    TARGETS = {
        Kind.APPROVE_EXPERIMENTATION: "approved_for_experimentation",
        Kind.APPROVE_DEPLOYMENT: "deployed",
        Kind.REJECT: "rejected",
        Kind.SUSPEND: "suspended",
    }

    system = models.ForeignKey(AISystem, verbose_name="système d'IA", on_delete=models.PROTECT,
                               related_name="decisions")
    kind = models.CharField("décision", max_length=30, choices=Kind.choices)
    text = models.TextField("motivation")
    decided_on = models.DateField("date", default=timezone.localdate)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "décision"
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.system}"


class Condition(models.Model):
    """A condition a decision sets, tracked until done."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="conditions")
    text = models.TextField("condition")
    due_on = models.DateField("échéance", null=True, blank=True)
    done_on = models.DateField("remplie le", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "condition"
        ordering = ["pk"]

    def __str__(self):
        return self.text


class Experiment(models.Model):
    """The trial with volunteer agents before any generalisation, and its evaluation."""

    system = models.ForeignKey(AISystem, verbose_name="système d'IA", on_delete=models.PROTECT,
                               related_name="experiments")
    volunteer_count = models.PositiveIntegerField("nombre d'agents volontaires")
    services = models.ManyToManyField(Service, verbose_name="services des volontaires", blank=True, related_name="+")
    elected_members = models.PositiveIntegerField("élus associés", default=0)
    starts_on = models.DateField("début")
    ends_on = models.DateField("fin")
    criteria = models.TextField("critères d'évaluation")
    usefulness = models.TextField("utilité pour les habitants", blank=True)
    working_conditions = models.TextField("effets sur les conditions de travail", blank=True)
    skills = models.TextField("effets sur les compétences et les métiers", blank=True)
    errors_seen = models.TextField("erreurs constatées", blank=True)
    evaluated_on = models.DateField("évaluée le", null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[services])

    RESULT_FIELDS = ("usefulness", "working_conditions", "skills", "errors_seen")

    class Meta:
        verbose_name = "expérimentation"
        ordering = ["starts_on", "pk"]

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "La fin de l'expérimentation ne peut pas précéder son début."
        if self.evaluated_on:
            for name in self.RESULT_FIELDS:
                if not getattr(self, name).strip():
                    errors[name] = "Pour enregistrer l'évaluation, renseignez ce résultat."
        if errors:
            raise ValidationError(errors)

    @property
    def evaluated(self):
        return self.evaluated_on is not None and all(getattr(self, n).strip() for n in self.RESULT_FIELDS)

    def __str__(self):
        return f"Expérimentation — {self.system}"


class YearlyReview(models.Model):
    """The yearly review of a deployed system: it reopens the checks."""

    class Outcome(models.TextChoices):
        CONTINUE = "continue", "Maintenir le déploiement"
        SUSPEND = "suspend", "Suspendre le système"

    system = models.ForeignKey(AISystem, verbose_name="système d'IA", on_delete=models.PROTECT,
                               related_name="yearly_reviews")
    due_on = models.DateField("échéance")
    done_on = models.DateField("réalisée le", null=True, blank=True)
    findings = models.TextField("constats", blank=True)
    outcome = models.CharField("suite donnée", max_length=10, choices=Outcome.choices, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "revue annuelle"
        verbose_name_plural = "revues annuelles"
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"Revue annuelle {self.due_on:%Y} — {self.system}"


class ApprovedTool(models.Model):
    """An AI tool agents may use, within its conditions (the end of shadow AI)."""

    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="approved_tools")
    name = models.CharField("nom", max_length=200)
    vendor = models.CharField("fournisseur", max_length=200)
    hosting_country = models.CharField("pays d'hébergement", max_length=10, choices=HostingCountry.choices)
    hosting_provider = models.CharField("hébergeur", max_length=200, blank=True)
    allowed_uses = models.TextField("usages autorisés")
    forbidden_data = models.TextField("données interdites", help_text="Ce qu'il ne faut jamais y saisir.")
    forbids_personal_data = models.BooleanField("interdit les données personnelles", default=True)
    forbids_confidential = models.BooleanField("interdit les documents confidentiels", default=True)
    conditions = models.TextField("conditions d'usage", blank=True)
    generic = models.BooleanField("entrée générique", default=False,
                                  help_text="Un exemple de catégorie d'outil, pas un produit précis.")
    source = models.CharField("source", max_length=300, blank=True)
    active = models.BooleanField("autorisé", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "outil IA autorisé"
        verbose_name_plural = "outils IA autorisés"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Declaration(models.Model):
    """An agent's statement that they use, or want to use, an AI tool."""

    class Use(models.TextChoices):
        USES = "uses", "J'utilise cet outil"
        WANTS = "wants", "Je souhaite utiliser cet outil"

    class State(models.TextChoices):
        RECORDED = "recorded", "Enregistrée : outil autorisé, dans ses conditions"
        REQUESTED = "requested", "Demande devant le comité interne"
        ACCEPTED = "accepted", "Acceptée par le comité interne"
        REFUSED = "refused", "Refusée par le comité interne"

    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.PROTECT,
                                     related_name="declarations")
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations")
    service = models.ForeignKey(Service, verbose_name="service", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    use = models.CharField("usage", max_length=10, choices=Use.choices, default=Use.USES)
    tool = models.ForeignKey(ApprovedTool, verbose_name="outil autorisé", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="declarations")
    other_tool = models.CharField("autre outil", max_length=200, blank=True)
    purpose = models.TextField("pour quoi faire")
    personal_data = models.BooleanField("j'y saisis des données personnelles", default=False)
    confidential = models.BooleanField("j'y saisis des documents confidentiels", default=False)
    state = models.CharField("état", max_length=10, choices=State.choices)
    committee_note = models.TextField("réponse du comité", blank=True)
    declared_at = models.DateTimeField("déclarée le", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "déclaration d'usage"
        verbose_name_plural = "déclarations d'usage"
        ordering = ["-declared_at", "-pk"]

    @property
    def tool_name(self):
        return self.tool.name if self.tool else self.other_tool

    def __str__(self):
        return f"Déclaration de {self.declared_by} — {self.organisation}"


class Notification(models.Model):
    """A message in a person's inbox, also sent by e-mail; `key` makes reminders idempotent."""

    class Kind(models.TextChoices):
        REFERRAL = "referral", "Saisine"
        DEADLINE = "deadline", "Échéance"
        OPINION = "opinion", "Avis"
        DECISION = "decision", "Décision"
        YEARLY_REVIEW = "yearly_review", "Revue annuelle"
        DECLARATION = "declaration", "Déclaration d'usage"
        STATUS = "status", "Changement de statut"
        CATALOGUE = "catalogue", "Catalogue des données"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    subject = models.CharField("objet", max_length=200)
    body = models.TextField("message")
    url = models.CharField("lien", max_length=300, blank=True)
    key = models.CharField(max_length=120, blank=True, editable=False)
    created_at = models.DateTimeField("reçue le", default=timezone.now)
    read_at = models.DateTimeField("lue le", null=True, blank=True)

    class Meta:
        verbose_name = "notification"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["person", "key"], condition=~models.Q(key=""),
                                               name="unique_notification_key")]

    def __str__(self):
        return self.subject
