"""Small rules of written French the public pages need: an organisation's name with its article, dates.

"à la Ville de Montpellier", "au Département de l'Hérault", "à Montpellier Méditerranée
Métropole": a name that starts with a common noun takes that noun's article; a proper name
(a city's name, "Nantes Métropole", an acronym) takes none.
"""

from datetime import date

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")

# First words of organisation names, with their gender; "l'" is used before a vowel.
FEMININE = {"ville", "commune", "métropole", "région", "communauté", "régie", "société", "agence", "caisse",
            "collectivité", "mairie", "préfecture", "direction", "maison", "mission", "association", "université"}
MASCULINE = {"département", "centre", "conseil", "syndicat", "groupe", "établissement", "office", "service",
             "services", "pôle", "cabinet", "territoire", "ministère", "hôpital", "institut", "sivom", "sivu",
             "ccas", "cias", "comité"}
PLURAL = {"services"}
VOWELS = "aeiouyàâäéèêëîïôöùûüh"


def _first_word(name):
    return name.strip().split(" ", 1)[0].split("'", 1)[0].lower() if name.strip() else ""


def definite(name):
    """Return `name` with its definite article: "la Ville de Montpellier", "Nantes Métropole"."""
    word = _first_word(name)
    if word not in FEMININE and word not in MASCULINE:
        return name
    lowered = name[0].upper() + name[1:]
    if word in PLURAL:
        return f"les {lowered}"
    if word[0] in VOWELS:
        return f"l'{lowered}"
    return f"{'la' if word in FEMININE else 'le'} {lowered}"


def at(name):
    """Return "à" + `name` with the contraction French requires: "à la Ville", "au Centre", "aux Services"."""
    with_article = definite(name)
    if with_article.startswith("le "):
        return "au " + with_article[3:]
    if with_article.startswith("les "):
        return "aux " + with_article[4:]
    return "à " + with_article


def long_date(value):
    """Return `value` (a date or an ISO date string) as "30 novembre 2026"; "1er" for the first; "" if empty."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def of(name):
    """Return "de" + `name` with the contraction French requires: "de la Ville", "du Centre", "des Services"."""
    with_article = definite(name)
    if with_article.startswith("le "):
        return "du " + with_article[3:]
    if with_article.startswith("les "):
        return "des " + with_article[4:]
    if with_article[0].lower() in VOWELS and with_article == name:
        return "d'" + name
    return "de " + with_article


def takes_plural(count):
    """Return True when a noun counted `count` times takes the plural: from two on (« 0 système », « 1,5 jour », « 2 jours »)."""
    return abs(count) >= 2
