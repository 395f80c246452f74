"""The catalogue's lists of values: codes in English (rules.catalogue), labels in French."""

from django.db import models

from confiance.register.choices import HostingCountry  # noqa: F401 - the register's list, shared


class Classification(models.TextChoices):
    OPEN = "open", "Donnée ouverte (open data)"
    CLOSED = "closed", "Donnée partagée avec des partenaires désignés (closed data)"
    INTERNAL = "internal", "Donnée interne"
    PERSONAL = "personal", "Données personnelles"
    SENSITIVE = "sensitive", "Données personnelles sensibles (art. 9 RGPD)"
    CONFIDENTIAL = "confidential", "Donnée confidentielle"


class LegalBasis(models.TextChoices):
    """GDPR art. 6 § 1, a) to f)."""

    CONSENT = "consent", "a) Consentement"
    CONTRACT = "contract", "b) Exécution d'un contrat"
    LEGAL_OBLIGATION = "legal_obligation", "c) Obligation légale"
    VITAL_INTERESTS = "vital_interests", "d) Sauvegarde des intérêts vitaux"
    PUBLIC_TASK = "public_task", "e) Mission d'intérêt public ou exercice de l'autorité publique"
    LEGITIMATE_INTERESTS = "legitimate_interests", "f) Intérêts légitimes"


class SensitiveCondition(models.TextChoices):
    """GDPR art. 9 § 2, a) to j)."""

    EXPLICIT_CONSENT = "a", "a) Consentement explicite"
    EMPLOYMENT = "b", "b) Droit du travail et de la protection sociale"
    VITAL_INTERESTS = "c", "c) Intérêts vitaux"
    NOT_FOR_PROFIT = "d", "d) Organisme à but non lucratif"
    MADE_PUBLIC = "e", "e) Données rendues publiques par la personne"
    LEGAL_CLAIMS = "f", "f) Droits en justice"
    PUBLIC_INTEREST = "g", "g) Intérêt public important"
    HEALTH_CARE = "h", "h) Médecine, prise en charge sanitaire ou sociale"
    PUBLIC_HEALTH = "i", "i) Santé publique"
    ARCHIVING = "j", "j) Archives, recherche, statistiques"


class TransferBasis(models.TextChoices):
    """GDPR chapter V."""

    ADEQUACY = "adequacy", "Décision d'adéquation (art. 45)"
    SCC = "scc", "Clauses contractuelles types (art. 46)"
    BCR = "bcr", "Règles d'entreprise contraignantes (art. 47)"
    DEROGATION = "derogation", "Dérogation pour une situation particulière (art. 49)"


class Frequency(models.TextChoices):
    CONTINUOUS = "continuous", "En continu"
    HOURLY = "hourly", "Toutes les heures"
    DAILY = "daily", "Quotidienne"
    WEEKLY = "weekly", "Hebdomadaire"
    MONTHLY = "monthly", "Mensuelle"
    BIMONTHLY = "bimonthly", "Bimestrielle"
    QUARTERLY = "quarterly", "Trimestrielle"
    SEMIANNUAL = "semiannual", "Semestrielle"
    ANNUAL = "annual", "Annuelle"
    BIENNIAL = "biennial", "Biennale"
    TRIENNIAL = "triennial", "Triennale"
    QUINQUENNIAL = "quinquennial", "Quinquennale"
    IRREGULAR = "irregular", "Irrégulière"
    PUNCTUAL = "punctual", "Ponctuelle"
    UNKNOWN = "unknown", "Inconnue"


class Licence(models.TextChoices):
    LO_2 = "lo-2.0", "Licence Ouverte / Open Licence 2.0 (Etalab)"
    ODBL = "odbl", "Open Database License (ODbL)"
    OTHER = "other", "Autre licence"


class FieldType(models.TextChoices):
    STRING = "string", "Texte"
    INTEGER = "integer", "Nombre entier"
    NUMBER = "number", "Nombre décimal"
    BOOLEAN = "boolean", "Oui / non"
    DATE = "date", "Date"
    DATETIME = "datetime", "Date et heure"
    GEOMETRY = "geometry", "Géométrie"
    OTHER = "other", "Autre"


class UseRole(models.TextChoices):
    TRAINING = "training", "Entraînement"
    INPUT = "input", "Donnée d'entrée"
    OUTPUT = "output", "Donnée produite"


class QualityLabel(models.IntegerChoices):
    NONE = 0, "Aucun label"
    DOCUMENTED = 1, "Documentée"
    RELIABLE = 2, "Fiable"
    REFERENCE = 3, "Donnée de référence"


class ReviewStatus(models.TextChoices):
    ACCEPTED = "accepted", "Dans le catalogue"
    PENDING = "pending", "À examiner (moissonné)"
    REJECTED = "rejected", "Écarté"
    MERGED = "merged", "Fusionné avec une fiche existante"


class Platform(models.TextChoices):
    CKAN = "ckan", "CKAN (extension DCAT)"
    UDATA = "udata", "udata (data.gouv.fr et portails udata)"
    OPENDATASOFT = "opendatasoft", "Opendatasoft"
    DCAT = "dcat", "Autre catalogue DCAT"


# Where each platform publishes its catalogue in DCAT, when the harvest is given only the portal's address.
PLATFORM_PATHS = {
    "ckan": "/catalog.ttl",
    "udata": "/catalog.rdf",
    "opendatasoft": "/api/explore/v2.1/catalog/exports/dcat",
    "dcat": "",
}


class SpatialGranularity(models.TextChoices):
    """SCDL catalogue, COUV_SPAT_MAILLE."""

    INFRA = "Infracommunale", "Infracommunale"
    COMMUNE = "Communale", "Communale"
    INTERCOMMUNE = "Intercommunale", "Intercommunale"
    CANTON = "Cantonale", "Cantonale"
    DEPARTEMENT = "Départementale", "Départementale"
    REGION = "Régionale", "Régionale"
    OTHER = "Autre", "Autre"
