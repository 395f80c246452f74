"""French law on the data a bias audit may touch: sensitive columns, the legal basis, the usual proxies.

Collecting data that reveal ethnic or racial origin, religion or sexual
orientation is forbidden in principle, with narrow exceptions: GDPR art. 9
(paragraph 1 forbids, paragraph 2 lists the exceptions), the loi Informatique et
Libertés art. 6 (same principle in French law), and the Conseil constitutionnel's
decision 2007-557 DC (studies of the diversity of origins may rest on objective
data such as nationality or geographic origin, not on ethnic or racial origin).
The audit therefore flags the columns whose name or values suggest such data and
asks the steward for the legal basis before going on; it also explains the
proxies people use instead, and their limits. Summaries are ours.
"""

import re
import unicodedata
from dataclasses import dataclass

from confiance.rules.citations import GDPR, Citation, Reason

ART_9 = Citation(GDPR, "art. 9, paragraphes 1 et 2", "https://eur-lex.europa.eu/eli/reg/2016/679/oj")
LIL_6 = Citation("Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés", "art. 6",
                 "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460")
CC_2007_557 = Citation("Conseil constitutionnel", "décision n° 2007-557 DC du 15 novembre 2007, cons. 29",
                       "https://www.conseil-constitutionnel.fr/decision/2007/2007557DC.htm")
DDD_CNIL_GUIDE = Citation("Défenseur des droits et CNIL", "« Mesurer pour progresser vers l'égalité des chances », "
                          "guide méthodologique (2012)")
QPV_LAW = Citation("Loi n° 2014-173 du 21 février 2014 de programmation pour la ville et la cohésion urbaine",
                   "art. 5 (quartiers prioritaires définis par le revenu des habitants)")
STATISTICAL_SECRECY = Citation("Loi n° 51-711 du 7 juin 1951 sur l'obligation, la coordination et le secret en "
                               "matière de statistiques", "art. 6 (secret statistique)")

CATEGORIES = {
    "ethnic_origin": "l'origine raciale ou ethnique",
    "religion": "les convictions religieuses",
    "sexual_orientation": "l'orientation sexuelle",
}

# Words of a column's name (accents and case folded) that suggest each category.
NAME_PATTERNS = {
    "ethnic_origin": re.compile(r"\b(ethni\w*|race|racial\w*|raciale?s?|couleur (de )?peau|origine ethnique)\b|"
                                r"^origines?$"),
    "religion": re.compile(r"\b(religio\w*|confession\w*|culte|croyance\w*|pratique religieuse)\b"),
    "sexual_orientation": re.compile(r"\b(orientation sexuelle|sexualite|lgbt\w*|homosexu\w*|heterosexu\w*)\b"),
}
# Values that, seen at least twice in one column, suggest each category.
VALUE_WORDS = {
    "ethnic_origin": {"maghrebin", "maghrebine", "africain", "africaine", "caucasien", "caucasienne", "asiatique",
                      "arabe", "metis", "metisse", "noir", "noire", "blanc", "blanche", "europeen", "europeenne",
                      "subsaharien", "subsaharienne", "rom", "gitan"},
    "religion": {"musulman", "musulmane", "chretien", "chretienne", "catholique", "protestant", "protestante",
                 "juif", "juive", "israelite", "bouddhiste", "hindou", "hindoue", "athee", "agnostique",
                 "orthodoxe", "sans religion"},
    "sexual_orientation": {"heterosexuel", "heterosexuelle", "homosexuel", "homosexuelle", "bisexuel",
                           "bisexuelle", "gay", "lesbienne", "asexuel", "asexuelle", "pansexuel", "pansexuelle"},
}


class LegalBasisRequired(ValueError):
    """Columns suggest data of GDPR art. 9: the audit stops until the steward gives the legal basis."""

    def __init__(self, flags):
        self.flags = tuple(flags)
        names = ", ".join(f"« {f.column} » ({CATEGORIES[f.category]})" for f in self.flags)
        super().__init__(
            f"Des colonnes semblent révéler des données dont la collecte est interdite en principe : {names}. "
            "Indiquez la base légale du traitement (RGPD art. 9.2, loi Informatique et Libertés art. 6) avant "
            "de poursuivre l'audit, ou retirez ces colonnes du fichier."
        )


@dataclass(frozen=True)
class SensitiveColumn:
    column: str
    category: str
    evidence: str  # "name" or "values"
    examples: tuple = ()

    @property
    def category_label(self):
        return CATEGORIES[self.category]


def fold(text):
    """Return `text` lower-cased, without accents, with punctuation and underscores as spaces."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def sensitive_columns(columns, values_by_column=None):
    """Return a SensitiveColumn for each column whose name or values suggest GDPR art. 9 data."""
    values_by_column = values_by_column or {}
    flags = []
    for column in columns:
        folded = fold(column)
        found = [c for c, pattern in NAME_PATTERNS.items() if pattern.search(folded)]
        for category in found:
            flags.append(SensitiveColumn(column, category, "name"))
        values = {fold(v) for v in values_by_column.get(column, ()) if v is not None}
        for category, words in VALUE_WORDS.items():
            hits = sorted(values & words)
            if len(hits) >= 2 and category not in found:
                flags.append(SensitiveColumn(column, category, "values", tuple(hits[:4])))
    return flags


PROXIES = (
    ("nationalité", "Donnée objective admise par le Conseil constitutionnel ; elle ne voit pas les Français "
                    "descendants d'immigrés et confond origine et statut juridique.", CC_2007_557),
    ("lieu ou pays de naissance", "Admis comme « origine géographique » ; il ne dit rien des enfants nés en France "
                                  "de parents immigrés et compte comme étrangers des Français nés à l'étranger.",
     CC_2007_557),
    ("quartier prioritaire (QPV) ou lieu de résidence", "Les QPV sont définis par le faible revenu de leurs "
                                                        "habitants : ils mesurent un désavantage social et "
                                                        "territorial, pas une origine ; conclure d'un quartier "
                                                        "à ses habitants est une erreur écologique.", QPV_LAW),
    ("nom ou prénom", "Déduire une origine d'un nom est déjà traiter une donnée sensible, et se trompe souvent : "
                      "à éviter.", DDD_CNIL_GUIDE),
)


def proxy_reasons():
    """Return one Reason per usual proxy of origin, saying what it shows and what it hides."""
    return [Reason(citation, f"Indicateur de substitution « {name} » : {text}") for name, text, citation in PROXIES]


def legal_reasons(flags, legal_basis):
    """Return the reasons a report states when sensitive columns were audited under `legal_basis`."""
    columns = ", ".join(sorted({f.column for f in flags}))
    return [
        Reason(ART_9, f"Colonnes signalées comme données sensibles : {columns}. Leur traitement est interdit sauf "
                      "exception prévue à l'article 9.2."),
        Reason(LIL_6, f"Base légale indiquée par le référent : {legal_basis.strip()}"),
        Reason(CC_2007_557, "Une étude de la diversité peut s'appuyer sur des données objectives (nationalité, "
                            "origine géographique), jamais sur une origine ethnique ou raciale déclarée ou déduite."),
        *proxy_reasons(),
    ]
