"""The closed lists of the register, with their French labels.

The codes are the English names used in the database, the API and the exports;
the labels are what users read.
"""

from django.db import models

from confiance.rules import human_primacy


class Domain(models.TextChoices):
    # Montpellier's priority domains (seeds/001, "domaines prioritaires").
    WASTE = "waste", "Déchets"
    MOBILITY = "mobility", "Mobilité"
    HOUSING = "housing", "Logement"
    WATER = "water", "Eau"
    ENERGY_SOBRIETY = "energy_sobriety", "Sobriété énergétique"
    USER_RELATIONS = "user_relations", "Relation aux usagers"
    SOLIDARITY = "solidarity", "Solidarités"
    EDUCATION = "education", "Éducation"
    EARLY_CHILDHOOD = "early_childhood", "Petite enfance"
    PUBLIC_SAFETY = "public_safety", "Sécurité publique"
    # Further domains a local authority meets.
    HEALTH = "health", "Santé"
    CULTURE = "culture", "Culture"
    URBAN_PLANNING = "urban_planning", "Urbanisme"
    HR = "hr", "Ressources humaines"
    FINANCE = "finance", "Finances"
    ADMINISTRATION = "administration", "Administration générale"
    OTHER = "other", "Autre"


class Technique(models.TextChoices):
    RULES = "rules", "Règles explicites"
    STATISTICAL_ML = "statistical_ml", "Statistiques / apprentissage automatique"
    DEEP_LEARNING = "deep_learning", "Apprentissage profond"
    GENERATIVE = "generative", "IA générative / grand modèle de langage"
    COMPUTER_VISION = "computer_vision", "Vision par ordinateur"
    SPEECH_NLP = "speech_nlp", "Traitement de la parole ou du langage"
    OPTIMISATION = "optimisation", "Optimisation / recherche opérationnelle"


class Status(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    SUBMITTED = "submitted", "Soumis"
    UNDER_REVIEW = "under_review", "En instruction"
    APPROVED_FOR_EXPERIMENTATION = "approved_for_experimentation", "Autorisé à l'expérimentation"
    EXPERIMENTING = "experimenting", "En expérimentation"
    DEPLOYED = "deployed", "Déployé"
    SUSPENDED = "suspended", "Suspendu"
    RETIRED = "retired", "Retiré"
    REJECTED = "rejected", "Refusé"


class PeopleAffected(models.TextChoices):
    CITIZENS = "citizens", "Les usagers"
    AGENTS = "agents", "Les agents"
    BOTH = "both", "Les usagers et les agents"


class Magnitude(models.TextChoices):
    UNDER_100 = "lt100", "Moins de 100 personnes"
    UNDER_1K = "lt1k", "De 100 à 1 000 personnes"
    UNDER_10K = "lt10k", "De 1 000 à 10 000 personnes"
    UNDER_100K = "lt100k", "De 10 000 à 100 000 personnes"
    OVER_100K = "gte100k", "Plus de 100 000 personnes"


class DecisionRole(models.TextChoices):
    NONE = human_primacy.DecisionRole.NONE.value, "Aucun : il ne sert à aucune décision sur une personne"
    PREPARES = human_primacy.DecisionRole.PREPARES.value, "Il prépare une décision qu'un agent prend"
    DECIDES_ALONE = human_primacy.DecisionRole.DECIDES_ALONE.value, "Il décide seul"


class HostingCountry(models.TextChoices):
    FR = "FR", "France"
    OTHER_EU = "EU", "Autre pays de l'Union européenne"
    EEA = "EEA", "Espace économique européen (hors UE)"
    CH = "CH", "Suisse"
    GB = "GB", "Royaume-Uni"
    US = "US", "États-Unis"
    OTHER = "OTHER", "Autre pays"
    UNKNOWN = "UNKNOWN", "Inconnu"


class UseType(models.TextChoices):
    # The four types of use of the Algorithmic Transparency Standard (Eurocities v0.3.1, "type").
    DESCRIPTIVE = "descriptive", "Descriptif : il décrit ce qui s'est passé"
    DIAGNOSTIC = "diagnostic", "Diagnostique : il explique pourquoi c'est arrivé"
    PREDICTIVE = "predictive", "Prédictif : il estime ce qui va arriver"
    PRESCRIPTIVE = "prescriptive", "Prescriptif : il propose ce qu'il faut faire"


class Implementation(models.TextChoices):
    # Les Interconnectés' "mise_en_oeuvre" list, in their words.
    INTERNAL = "internal", "Projet développé en interne"
    EXTERNAL = "external", "Projet développé en externe"
    CONTRACTORS = "contractors", "Mobilisation de prestataire(s)"
    PROCUREMENT = "procurement", "Marché public"


class HostingMode(models.TextChoices):
    # Les Interconnectés' "herbergement" list.
    THIRD_PARTY_CLOUD = "third_party_cloud", "Dans le nuage d'un tiers"
    INTERNAL = "internal", "Dans les locaux de l'administration"


class DataOrigin(models.TextChoices):
    # Les Interconnectés' "donnees_source" list.
    USERS = "users", "Les usagers"
    INTERNAL_DATASET = "internal_dataset", "Un jeu de données interne"
    OPEN_DATA = "open_data", "Des données ouvertes"
    THIRD_PARTY = "third_party", "Les données d'un tiers"


class DataAccess(models.TextChoices):
    # Les Interconnectés' "donnees_acces" list.
    API = "api", "Par une API"
    AUTOMATED = "automated", "Par une collecte automatisée (capteurs, flux)"
    MANUAL = "manual", "Par une récupération manuelle"
