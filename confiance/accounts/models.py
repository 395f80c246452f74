"""Organisations, their services, the people who work in them and their roles."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from confiance.accounts.validators import validate_siren
from confiance.rules.permissions import Role


class OrganisationGroup(models.Model):
    """Organisations that work together, like Montpellier's "groupe" (Ville, Métropole, CCAS, TaM...)."""

    name = models.CharField("nom", max_length=200, unique=True)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "groupe d'organisations"
        verbose_name_plural = "groupes d'organisations"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A local authority (collectivité) or one of its partners."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", "Commune"
        EPCI = "epci", "EPCI (métropole, communauté urbaine, d'agglomération, de communes)"
        DEPARTEMENT = "departement", "Département"
        REGION = "region", "Région"
        CCAS = "ccas", "CCAS / CIAS"
        SPL = "spl", "SPL / SEM"
        REGIE = "regie", "Régie"
        ASSOCIATION = "association", "Association"
        STATE = "state", "Établissement public de l'État"
        OTHER = "other", "Autre"

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    siren = models.CharField(
        "SIREN", max_length=9, blank=True, validators=[validate_siren],
        help_text="9 chiffres, tel qu'inscrit au répertoire SIRENE de l'INSEE.",
    )
    population = models.PositiveIntegerField("population", null=True, blank=True)
    region = models.CharField("région", max_length=80, blank=True)
    group = models.ForeignKey(
        OrganisationGroup, verbose_name="groupe", on_delete=models.PROTECT,
        null=True, blank=True, related_name="organisations",
    )
    website = models.URLField("site web", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisation"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["siren"], condition=~models.Q(siren=""), name="unique_siren"
            )
        ]

    def __str__(self):
        return self.name


class Service(models.Model):
    """A unit inside an organisation (pôle, direction, service)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField("nom", max_length=200)
    contact_email = models.EmailField(
        "adresse de contact publique", blank=True,
        help_text="Une boîte fonctionnelle du service : les fiches qui n'ont pas la leur la publient.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "service"
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_service_name")
        ]

    def __str__(self):
        return self.name


class Person(AbstractUser):
    """Someone who logs in: an agent, a steward, a DPO, a committee member..."""

    # Sign-in through ProConnect (docs/deploy.md): the provider's stable subject, and the organisation a
    # first sign-in attached the person to while they wait for its administrators to grant a role.
    oidc_subject = models.CharField("identifiant ProConnect", max_length=255, unique=True, null=True, blank=True,
                                    editable=False)
    requested_organisation = models.ForeignKey(
        "Organisation", verbose_name="organisation demandée", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="requesting_people",
        help_text="Organisation de la personne à sa première connexion ProConnect, en attente d'un rôle.",
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = "personne"
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A role a person holds in an organisation.

    A person holds one membership per role; a steward's membership names the
    services they answer for.
    """

    person = models.ForeignKey(
        Person, verbose_name="personne", on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        "rôle",
        max_length=30,
        choices=[
            (Role.AGENT.value, "Agent"),
            (Role.STEWARD.value, "Référent data & IA"),
            (Role.DPO.value, "Délégué à la protection des données (DPO)"),
            (Role.INTERNAL_COMMITTEE.value, "Membre du comité interne Data & IA"),
            (Role.ETHICS_COMMITTEE.value, "Membre du comité éthique"),
            (Role.ADMIN.value, "Administrateur"),
        ],
    )
    services = models.ManyToManyField(
        Service, verbose_name="services suivis", blank=True, related_name="steward_memberships",
        help_text="Pour un référent : les services dont il répond.",
    )
    history = HistoricalRecords(m2m_fields=[services])

    class Meta:
        verbose_name = "rôle"
        verbose_name_plural = "rôles"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.organisation}"


def _hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A secret that lets a program call the API as a person.

    Only the SHA-256 of the token is stored: it is shown once, at creation.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("nom", max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(Person, verbose_name="révoqué par", on_delete=models.SET_NULL, null=True,
                                   blank=True, editable=False, related_name="+")
    revoke_reason = models.TextField("motif de la révocation", blank=True, editable=False)
    # Each use moves last_used by an update that writes no version; a version records issue and revocation.
    history = HistoricalRecords(excluded_fields=["last_used"])

    class Meta:
        verbose_name = "jeton d'API"
        verbose_name_plural = "jetons d'API"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, person, name):
        """Create a token for `person` and return (token, raw secret)."""
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(person=person, name=name, prefix=raw[:8], digest=_hash_token(raw))
        return token, raw

    @classmethod
    def person_for(cls, raw):
        """Return the active person holding this secret, or None."""
        token = (cls.objects.select_related("person").filter(digest=_hash_token(raw), revoked_at__isnull=True)
                 .first())
        if token is None or not token.person.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return token.person

    @property
    def revoked(self):
        return self.revoked_at is not None

    def revoke(self, by, reason):
        """Stop the token at once; the row stays, with who revoked it, when and why, in its history."""
        self.revoked_at = timezone.now()
        self.revoked_by = by
        self.revoke_reason = reason
        self._change_reason = f"Révocation : {reason}"[:100]
        self._history_user = by
        self.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
