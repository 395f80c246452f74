"""The library: shared projects, members, experts, contact requests, reuse, federation.

Every field of SharedProject belongs to one tier (confiance/rules/library_tiers.py);
nothing leaves this app without going through `SharedProject.fields_for_tier`.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation
from confiance.library.choices import FeedTier, Maturity, RiskClass, SizeBand
from confiance.register.choices import Domain, Technique
from confiance.rules.library_tiers import FIELD_TIERS, redact

LOCAL_ORIGIN = "local"


class LibraryMember(models.Model):
    """An organisation that is a member of the library: its people read tier 2."""

    organisation = models.OneToOneField(
        Organisation, verbose_name="organisation", on_delete=models.CASCADE, related_name="library_membership"
    )
    active = models.BooleanField("adhésion active", default=True)
    joined_at = models.DateTimeField("membre depuis", default=timezone.now)
    note = models.CharField("note", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "collectivité membre de la bibliothèque"
        verbose_name_plural = "collectivités membres de la bibliothèque"

    def __str__(self):
        return str(self.organisation)


class ExpertGrant(models.Model):
    """Expert access (tier 3) granted to one person by a library administrator."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="expert_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="accordé par", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    reason = models.CharField("motif", max_length=300, blank=True)
    granted_at = models.DateTimeField("accordé le", default=timezone.now)
    expires_on = models.DateField("expire le", null=True, blank=True)
    revoked = models.BooleanField("révoqué", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "accès expert"
        verbose_name_plural = "accès experts"

    def __str__(self):
        return f"{self.person} — expert"

    @classmethod
    def active_q(cls):
        today = timezone.localdate()
        return models.Q(revoked=False) & (models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today))


class HarvestSource(models.Model):
    """Another Confiance instance whose feed this hub harvests."""

    name = models.CharField("nom", max_length=200)
    url = models.URLField("adresse du flux", unique=True, help_text="Par exemple https://exemple.fr/bibliotheque/flux.json")
    token = models.CharField("jeton", max_length=200, blank=True, help_text="Jeton délivré par l'instance source.")
    active = models.BooleanField("active", default=True)
    last_harvest_at = models.DateTimeField("dernière moisson", null=True, blank=True, editable=False)
    last_ok = models.BooleanField("dernière moisson réussie", default=False, editable=False)
    last_report = models.TextField("compte rendu", blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = "source moissonnée"
        verbose_name_plural = "sources moissonnées"

    def __str__(self):
        return self.name

    def clean(self):
        from confiance.core.weblinks import UnsafeSource, check_harvest_url

        try:
            check_harvest_url(self.url, resolve=False)
        except UnsafeSource as exc:
            raise ValidationError({"url": str(exc).capitalize() + "."}) from None


class SharedProject(models.Model):
    """A project in the library: a shared register record, or an imported or harvested one."""

    # Origin: where the project lives. Local shares have origin "local" and the
    # pk of the register record; harvested ones the source instance's URL.
    origin_instance = models.CharField("instance d'origine", max_length=300, default=LOCAL_ORIGIN)
    origin_id = models.CharField("identifiant d'origine", max_length=200)
    harvest_source = models.ForeignKey(
        HarvestSource, verbose_name="source", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    system = models.OneToOneField(
        "register.AISystem", verbose_name="fiche du registre", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="shared_project",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation (locale)", on_delete=models.PROTECT,
        null=True, blank=True, related_name="shared_projects",
    )

    # Tier 1, public
    name = models.CharField("nom", max_length=300)
    organisation_name = models.CharField("porteur", max_length=300)
    organisation_kind = models.CharField("type d'organisation", max_length=20, choices=Organisation.Kind.choices, blank=True)
    size_band = models.CharField("taille", max_length=10, choices=SizeBand.choices, blank=True)
    region = models.CharField("région", max_length=80, blank=True)
    domain = models.CharField("domaine", max_length=30, choices=Domain.choices, default=Domain.OTHER)
    theme = models.CharField("thème", max_length=100, blank=True)
    sub_themes = models.CharField("sous-thèmes", max_length=300, blank=True)
    summary = models.TextField("résumé")
    status = models.CharField("maturité", max_length=20, choices=Maturity.choices, blank=True)
    technique = models.CharField("technique", max_length=30, choices=Technique.choices, blank=True)
    start_date = models.CharField("démarrage", max_length=20, blank=True, help_text="AAAA, MM/AAAA ou JJ/MM/AAAA")
    end_date = models.CharField("fin", max_length=20, blank=True)
    outcome = models.TextField("résultat en une phrase", blank=True)
    abandon_reason = models.TextField("raisons de l'abandon", blank=True)
    risk_class = models.CharField("classe de risque (AI Act)", max_length=20, choices=RiskClass.choices, blank=True)
    partners = models.TextField("partenaires", blank=True)
    audience = models.CharField("public du service", max_length=100, blank=True)
    info_url = models.URLField("page d'information", max_length=500, blank=True)
    sources = models.TextField("sources", blank=True, help_text="Documents et pages publiques d'où viennent ces informations.")
    public_extra = models.JSONField("autres champs publics", default=dict, blank=True)
    origin_updated_at = models.DateTimeField("mis à jour à l'origine le", null=True, blank=True)

    # Tier 2, member authorities
    contacts = models.TextField("contacts de l'équipe", blank=True)
    cost = models.CharField("coût", max_length=200, blank=True)
    funding = models.CharField("financement", max_length=300, blank=True)
    vendor = models.CharField("prestataire", max_length=300, blank=True)
    contract_type = models.CharField("type de contrat", max_length=200, blank=True)
    hosting = models.CharField("hébergement", max_length=200, blank=True)
    data_used = models.TextField("données utilisées", blank=True)
    lessons_worked = models.TextField("ce qui a marché", blank=True)
    lessons_failed = models.TextField("ce qui n'a pas marché", blank=True)
    success_factors = models.TextField("facteurs de réussite", blank=True)
    evaluation = models.TextField("résultats de l'évaluation", blank=True)
    member_extra = models.JSONField("autres champs réservés aux membres", default=dict, blank=True)

    # Tier 3, experts
    repository_url = models.URLField("dépôt du code source", max_length=500, blank=True)
    licence = models.CharField("licence", max_length=100, blank=True)
    documentation_url = models.URLField("documentation", max_length=500, blank=True)
    model_card = models.TextField("fiche du modèle", blank=True)
    data_schemas = models.TextField("schémas de données", blank=True)
    demonstrator_url = models.URLField("démonstrateur", max_length=500, blank=True)
    resources_url = models.URLField("ressources techniques", max_length=500, blank=True)

    # Bookkeeping (not project content)
    withdrawn = models.BooleanField("retiré de la bibliothèque", default=False)
    withdrawn_at = models.DateTimeField("retiré le", null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="partagé par", on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField("ajouté le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", default=timezone.now)
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    # When `embedding` was computed: the vector index reads what is newer than its file (decision 0018).
    embedded_at = models.DateTimeField("vecteur calculé le", null=True, blank=True, editable=False, db_index=True)
    history = HistoricalRecords(excluded_fields=["embedding", "embedded_at"])

    class Meta:
        verbose_name = "projet partagé"
        verbose_name_plural = "projets partagés"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["origin_instance", "origin_id"], name="unique_shared_project_origin")
        ]
        indexes = [
            models.Index(fields=["withdrawn", "domain"]),
            models.Index(fields=["withdrawn", "technique"]),
            models.Index(fields=["withdrawn", "status"]),
            models.Index(fields=["withdrawn", "region"]),
            models.Index(fields=["withdrawn", "organisation_kind"]),
            models.Index(fields=["withdrawn", "size_band"]),
        ]

    def __str__(self):
        return self.name

    @property
    def is_local(self):
        return self.origin_instance == LOCAL_ORIGIN

    def save(self, *args, **kwargs):
        # Every save is a new version for the feed: harvesters compare this date.
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def all_fields(self):
        """Return every tiered field as a dict (never shown as is: see fields_for_tier)."""
        return {name: getattr(self, name) for name in FIELD_TIERS}

    def fields_for_tier(self, tier):
        """Return the fields readable at `tier`, through the one tier rule."""
        return redact(self.all_fields(), tier)

    def tier_texts(self):
        """Return the searchable text of each tier: {1: ..., 2: ..., 3: ...} and the title."""
        texts = {1: [], 2: [], 3: []}
        for name, tier in FIELD_TIERS.items():
            if name in ("name", "public_extra", "member_extra", "origin_updated_at", "info_url", "sources",
                        "repository_url", "documentation_url", "demonstrator_url", "resources_url"):
                continue
            value = getattr(self, name)
            if name in _CHOICE_LABELS:
                value = _CHOICE_LABELS[name].get(value, value) if value else ""
            if value:
                texts[tier].append(str(value))
        texts[2].extend(str(v) for v in (self.member_extra or {}).values())
        return {tier: "\n".join(parts) for tier, parts in texts.items()}


# The label of each choice field's values, as get_FOO_display gives them (read once: indexing many projects).
_CHOICE_LABELS = {name: dict(SharedProject._meta.get_field(name).flatchoices)
                  for name in ("domain", "technique", "status", "organisation_kind", "size_band", "risk_class")}


class ContactRequest(models.Model):
    """A member's question to a project's team, answered in the team's inbox."""

    class State(models.TextChoices):
        OPEN = "open", "En attente de réponse"
        ANSWERED = "answered", "Répondue"

    project = models.ForeignKey(SharedProject, verbose_name="projet", on_delete=models.CASCADE, related_name="contact_requests")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="demandeur", on_delete=models.CASCADE,
                               related_name="library_contact_requests")
    sender_organisation = models.ForeignKey(Organisation, verbose_name="collectivité du demandeur",
                                            on_delete=models.PROTECT, related_name="+")
    message = models.TextField("message")
    state = models.CharField("état", max_length=10, choices=State.choices, default=State.OPEN)
    answer = models.TextField("réponse", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="répondu par", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("envoyée le", default=timezone.now)
    answered_at = models.DateTimeField("répondue le", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "demande de contact"
        verbose_name_plural = "demandes de contact"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sender} → {self.project}"


class Reuse(models.Model):
    """A register record started from a shared project: its provenance."""

    project = models.ForeignKey(SharedProject, verbose_name="projet source", on_delete=models.PROTECT, related_name="reuses")
    system = models.OneToOneField("register.AISystem", verbose_name="fiche créée", on_delete=models.CASCADE, related_name="library_reuse")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="par", on_delete=models.SET_NULL, null=True, related_name="+")
    source_name = models.CharField("nom du projet source", max_length=300)
    source_organisation = models.CharField("porteur du projet source", max_length=300)
    source_origin = models.CharField("instance d'origine", max_length=300)
    created_at = models.DateTimeField("le", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "réutilisation"
        verbose_name_plural = "réutilisations"

    def __str__(self):
        return f"{self.system} ← {self.project}"


class LibraryMessage(models.Model):
    """An in-app notice to an organisation's team (a reuse of their project, a new contact request)."""

    organisation = models.ForeignKey(Organisation, verbose_name="destinataire", on_delete=models.CASCADE, related_name="library_messages")
    project = models.ForeignKey(SharedProject, verbose_name="projet", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    text = models.TextField("message")
    created_at = models.DateTimeField("le", default=timezone.now)
    read = models.BooleanField("lu", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "message de la bibliothèque"
        verbose_name_plural = "messages de la bibliothèque"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Message pour {self.organisation}"


def _hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class FeedToken(models.Model):
    """A secret that lets another instance harvest tier 2 (or 3) of this instance's feed.

    It is issued to a member organisation; only its SHA-256 is stored.
    """

    organisation = models.ForeignKey(Organisation, verbose_name="organisation", on_delete=models.CASCADE,
                                     related_name="library_feed_tokens")
    name = models.CharField("nom", max_length=100)
    tier = models.PositiveSmallIntegerField("palier", choices=FeedTier.choices, default=FeedTier.MEMBER)
    prefix = models.CharField(max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    revoked = models.BooleanField("révoqué", default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["digest"])

    class Meta:
        verbose_name = "jeton de flux"
        verbose_name_plural = "jetons de flux"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, organisation, name, tier=FeedTier.MEMBER):
        """Create a token and return (token, raw secret); the secret is shown once."""
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(organisation=organisation, name=name, tier=tier, prefix=raw[:8], digest=_hash_token(raw))
        return token, raw

    @classmethod
    def tier_for(cls, raw):
        """Return the tier a raw secret opens (1 when it is unknown, revoked or its organisation left)."""
        from confiance.rules.library_tiers import Tier

        if not raw:
            return Tier.PUBLIC
        token = cls.objects.filter(digest=_hash_token(raw), revoked=False).first()
        if token is None or not LibraryMember.objects.filter(organisation_id=token.organisation_id, active=True).exists():
            return Tier.PUBLIC
        cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return Tier(token.tier)


from confiance.library.models_search import SearchDocument, SearchFacetCode  # noqa: E402,F401
