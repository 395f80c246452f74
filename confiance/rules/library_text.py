"""French text normalisation for the library's search: folding, stemming, synonyms.

Index and query go through the same steps, so "déchet" finds "Déchets" and
"cantine" finds "cantines":

1. fold: lower case, accents removed ("Écoles" -> "ecoles");
2. tokenise on anything that is not a letter or a digit ("l'air" -> "l", "air");
3. drop French stop words;
4. strip a plural "s"/"x", then stem with the Snowball French stemmer
   (snowballstemmer, the algorithm PostgreSQL's `french_stem` also uses).

A query is parsed into groups; each group lists alternatives (a word, or a
phrase of several words) taken from SYNONYMS, so "restauration scolaire" also
finds "cantine". The SQLite (FTS5) and PostgreSQL (tsquery) renderings of a
parsed query live here too, so both databases search the same way. No Django
import here.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("french")
_TOKEN = re.compile(r"[0-9a-z]+")

STOP_WORDS = frozenset(
    """a afin ai aie au aux avec ce ces cet cette comme dans de des du elle en et eux il ils
    je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour
    qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y
    est sont ete etre avoir fait faire plus moins tres tout tous toute toutes ainsi aussi
    comment quoi quel quelle quels quelles entre vers chez sans sous lors dont cela ceci celle
    celui ceux projet projets collectivite collectivites ia intelligence artificielle""".split()
)

# Groups of expressions that mean the same thing to a local authority. Each
# member is a word or a phrase; the query matches any member of the group.
SYNONYMS = [
    ("cantine", "restauration scolaire", "restaurant scolaire", "repas scolaire"),
    ("gaspillage alimentaire", "repas jetes", "surproduction"),
    ("dechet", "ordures", "dechetterie", "encombrants"),
    ("depot sauvage", "decharge sauvage", "depot illegal", "depot d ordures"),
    ("velo", "cyclable", "cycliste", "bicyclette"),
    ("eau potable", "reseau d eau"),
    ("fuite", "perte d eau"),
    ("videosurveillance", "videoprotection", "camera"),
    ("chatbot", "agent conversationnel", "assistant virtuel", "robot conversationnel"),
    ("ia generative", "chatgpt", "llm", "grand modele de langage"),
    ("emploi", "offre d emploi", "recrutement", "chomage"),
    ("image satellite", "imagerie satellitaire", "teledetection", "photo aerienne", "image aerienne"),
    ("energie", "energetique"),
    ("batiment", "bati", "immobilier", "patrimoine bati"),
    ("pollution de l air", "qualite de l air"),
    ("standard telephonique", "accueil telephonique", "appel telephonique"),
    ("usager", "habitant", "citoyen"),
    ("arbre", "vegetalisation", "ilot de chaleur", "desimpermeabilisation"),
    ("vehicule autonome", "navette autonome", "voiture autonome"),
    ("tri", "recyclage"),
    ("accident", "accidentologie", "securite routiere"),
    ("urbanisme", "occupation du sol", "couverture du sol", "artificialisation"),
    ("transparence", "publication des algorithmes", "algorithme public"),
    ("non recours", "acces aux droits"),
    ("renovation energetique", "performance energetique"),
    ("panneau solaire", "photovoltaique"),
    ("conteneur", "benne", "bac"),
    ("frequentation", "affluence"),
    ("anomalie", "valeur aberrante"),
]


class _CombiningMarks(dict):
    """str.translate table deleting combining marks, filled as characters are met (the same test, done once each)."""

    def __missing__(self, code):
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_STRIP_MARKS = _CombiningMarks()


def fold(text):
    """Return `text` in lower case without accents ("Éducation" -> "education")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return decomposed.translate(_STRIP_MARKS).casefold().replace("œ", "oe")


def words(text):
    """Return the folded words of `text`, stop words removed, in order."""
    return [w for w in _TOKEN.findall(fold(text)) if w not in STOP_WORDS]


def _singular(word):
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=50_000)
def stem(word):
    """Return the stem of one folded word ("cantines" -> "cantin", "velos" -> "velo")."""
    if word.isdigit():  # the stemmer leaves numbers as they are: skip it (indexing many projects)
        return word
    return _STEMMER.stemWord(_singular(word))


def stems(text):
    """Return the stems of `text`, stop words removed, in order."""
    return [stem(w) for w in words(text)]


def index_text(text):
    """Return `text` as the space-separated stems an index stores."""
    return " ".join(stems(text))


@dataclass(frozen=True)
class Group:
    """One concept of the query: any alternative matches it.

    Each alternative is a pair (stems, words): the stemmed words for SQLite and
    the folded words for PostgreSQL, which stems them itself.
    """

    alternatives: tuple


def _phrase(expression):
    ws = tuple(words(expression))
    return tuple(stem(w) for w in ws), ws


@lru_cache(maxsize=1)
def _synonym_index():
    """Return {stemmed phrase: tuple of alternatives} for every synonym member."""
    index = {}
    for members in SYNONYMS:
        alternatives = tuple(_phrase(m) for m in members)
        for stemmed, _ in alternatives:
            index[stemmed] = alternatives
    return index


def parse_query(query, max_groups=12):
    """Return the query as a list of Groups, synonyms expanded.

    Phrases listed in SYNONYMS are recognised longest first, so "restauration
    scolaire" becomes one group (restauration scolaire | cantine | ...).
    """
    ws = words(query)[:40]
    ss = [stem(w) for w in ws]
    index = _synonym_index()
    groups, i = [], 0
    while i < len(ws) and len(groups) < max_groups:
        for length in (4, 3, 2, 1):
            key = tuple(ss[i:i + length])
            if len(key) == length and key in index:
                own = (key, tuple(ws[i:i + length]))
                alternatives = (own,) + tuple(a for a in index[key] if a[0] != key)
                groups.append(Group(alternatives))
                i += length
                break
        else:
            groups.append(Group((((ss[i],), (ws[i],)),)))
            i += 1
    return _dedupe(groups)


def _dedupe(groups):
    seen, result = set(), []
    for group in groups:
        key = tuple(sorted(a[0] for a in group.alternatives))
        if key not in seen:
            seen.add(key)
            result.append(group)
    return result


def query_stems(groups):
    """Return every stem a parsed query may match, for highlighting."""
    return {s for g in groups for stemmed, _ in g.alternatives for s in stemmed}


def fts5_expression(groups, columns):
    """Return an FTS5 MATCH expression: any group, restricted to `columns`.

    Single words of four letters or more match as a prefix of their stem
    ("dechet*" finds "dechetter"), phrases match in order.
    """
    parts = []
    for group in groups:
        alternatives = []
        for stemmed, _ in group.alternatives:
            if len(stemmed) == 1:
                token = stemmed[0]
                alternatives.append(f'"{token}"*' if len(token) >= 4 else f'"{token}"')
            elif stemmed:
                alternatives.append('"' + " ".join(stemmed) + '"')
        if alternatives:
            parts.append("(" + " OR ".join(alternatives) + ")")
    if not parts:
        return ""
    return "{" + " ".join(columns) + "} : (" + " OR ".join(parts) + ")"


def tsquery_expression(groups):
    """Return a to_tsquery() expression (PostgreSQL stems and unaccents the words)."""
    parts = []
    for group in groups:
        alternatives = []
        for _, ws in group.alternatives:
            ws = [_singular(w) for w in ws]
            if len(ws) == 1:
                alternatives.append(f"{ws[0]}:*" if len(ws[0]) >= 4 else ws[0])
            elif ws:
                # Words of a phrase must all be there; stop words between them
                # shift positions differently in each language, so no <->.
                alternatives.append("(" + " & ".join(ws) + ")")
        if alternatives:
            parts.append("(" + " | ".join(alternatives) + ")")
    return " | ".join(parts)


def snippet(text, groups, width=220):
    """Return (before, match, after) pieces of `text` around the first matching word.

    The caller escapes and marks the pieces; only text the viewer may read may
    be given here. Return None when no word matches.
    """
    wanted = query_stems(groups)
    if not text or not wanted:
        return None
    for match in re.finditer(r"\w+", text):
        word = match.group(0)
        folded = fold(word)
        if folded in STOP_WORDS:
            continue
        st = stem(folded)
        if st in wanted or any(len(w) >= 4 and st.startswith(w) for w in wanted):
            start = max(0, match.start() - width // 2)
            end = min(len(text), match.end() + width // 2)
            before = ("…" if start else "") + text[start:match.start()]
            after = text[match.end():end] + ("…" if end < len(text) else "")
            return before, word, after
    return None
