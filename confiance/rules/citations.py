"""Citations and reasons: how every rule says why.

A rule never answers a bare yes or no. It returns reasons, and each reason
carries the citation of the text it applies (a regulation's article, an annex
point, a law of the authority's charter, a CNIL sheet) and one French sentence
that a non-lawyer can read.
"""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Citation:
    """A precise reference to a source text."""

    source: str  # e.g. "RGPD", "Règlement (UE) 2024/1689", "Stratégie data et IA de Montpellier"
    reference: str  # e.g. "art. 22", "annexe III, point 5 a)", "loi 2"
    url: str = ""

    def __str__(self):
        return f"{self.source}, {self.reference}"


@dataclass(frozen=True)
class Reason:
    """One French sentence and the citation behind it."""

    citation: Citation
    text: str

    def as_dict(self):
        return {"citation": asdict(self.citation), "cited": str(self.citation), "text": self.text}


# Sources cited across rule families, named once so their spelling never drifts.
GDPR = "Règlement (UE) 2016/679 (RGPD)"
AI_ACT = "Règlement (UE) 2024/1689 (AI Act)"
DDHC = "Déclaration des droits de l'homme et du citoyen de 1789"
MONTPELLIER_STRATEGY = "Stratégie de la donnée et de l'IA de Montpellier Méditerranée Métropole (2024)"
MONTPELLIER_LAWS = "Les 10 lois de la data et de l'IA de Montpellier Méditerranée Métropole"
CRPA = "Code des relations entre le public et l'administration"
EDPB_DPIA_GUIDELINES = (
    "Lignes directrices du G29 concernant l'analyse d'impact relative à la protection des données "
    "(WP248 rev.01), reprises par le CEPD"
)
CNIL_DPIA_LIST = (
    "CNIL, délibération n° 2018-327 du 11 octobre 2018 (liste des traitements pour lesquels "
    "une AIPD est requise)"
)
CNIL_AI_GUIDANCE = "CNIL, fiches pratiques IA"
CNIL_AI_DPIA_SHEET = "fiche 5, « Réaliser une analyse d'impact si nécessaire »"
CNIL_AI_GUIDANCE_URL = "https://www.cnil.fr/fr/les-fiches-pratiques-ia"
