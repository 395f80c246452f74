"""The closed lists of the library, with their French labels."""

from django.db import models


class Maturity(models.TextChoices):
    # Les Interconnectés' maturity levels (data model, "Statut_du_projet").
    EXPLORATION = "exploration", "En exploration"
    EXPERIMENTATION = "experimentation", "En expérimentation"
    DEPLOYMENT = "deployment", "En déploiement"
    COMPLETED = "completed", "Terminée"
    ABANDONED = "abandoned", "Abandonné"


# Register status -> library maturity, for records shared from the register.
STATUS_MATURITY = {
    "draft": Maturity.EXPLORATION, "submitted": Maturity.EXPLORATION,
    "under_review": Maturity.EXPLORATION, "approved_for_experimentation": Maturity.EXPERIMENTATION,
    "experimenting": Maturity.EXPERIMENTATION, "deployed": Maturity.DEPLOYMENT,
    "suspended": Maturity.ABANDONED, "retired": Maturity.COMPLETED, "rejected": Maturity.ABANDONED,
}


class RiskClass(models.TextChoices):
    # EU AI Act risk classes (Regulation (EU) 2024/1689).
    PROHIBITED = "prohibited", "Interdit (art. 5)"
    HIGH = "high", "Haut risque (art. 6, annexe III)"
    TRANSPARENCY = "transparency", "Obligations de transparence (art. 50)"
    MINIMAL = "minimal", "Risque minimal"


class SizeBand(models.TextChoices):
    UNDER_10K = "lt10k", "Moins de 10 000 habitants"
    UNDER_50K = "lt50k", "De 10 000 à 50 000 habitants"
    UNDER_200K = "lt200k", "De 50 000 à 200 000 habitants"
    OVER_200K = "gte200k", "Plus de 200 000 habitants"


def size_band(population):
    """Return the SizeBand of a population, or "" when it is unknown."""
    if not population:
        return ""
    for limit, band in ((10_000, SizeBand.UNDER_10K), (50_000, SizeBand.UNDER_50K), (200_000, SizeBand.UNDER_200K)):
        if population < limit:
            return band.value
    return SizeBand.OVER_200K.value


class FeedTier(models.IntegerChoices):
    MEMBER = 2, "Palier 2 : collectivités membres"
    EXPERT = 3, "Palier 3 : experts"
