"""Read the Interconnectés file as people write it: normalise each value and say so.

The library's published open-data file carries the Public columns of their
data model only, written by hand: accents and case vary ("Elu", "Élu"), gender
and number too ("Terminé", "Terminée"), several values share a cell ("Agent,
Élu"), authorities name their own kind ("Métropole", "Communauté
d'agglomération"), a SIRET has spaces, a date is "2024-01" or "1/2024", a URL
has no scheme, or a sentence stands where a link is expected. `read_rows`
turns each row into the fields of a shared project and reports every rewrite as
(line, field, from → to). Rules:

- a restricted column absent from the header is simply not provided;
- a row is rejected only when a required *Public* value is missing
  (the schema's required fields that the data model marks Public);
- a value that cannot be mapped is kept (its classification becomes "autre",
  its text is kept in the project's extra fields) with a warning; a row is
  never rejected for an optional field.

No Django import here.
"""

import re
from dataclasses import dataclass, field

from confiance.rules import library_interconnectes as fmt
from confiance.rules.import_report import Note, RowOutcome
from confiance.rules.library_text import fold
from confiance.rules.links import read_link

# The data model's ACCES column: these are Public; every other column is Restreint
# (url_ressources, Restreint there, is our tier 3). risque_categorie is public here.
PUBLIC = (
    "Nom_collectivite", "Nom_du_projet", "SIRET", "Type_de_collectivite", "Date_de_demarrage", "Statut_du_projet",
    "status_abandon", "Partenaires", "Description_service", "Theme", "Sous_Theme", "Audience", "URL_Service",
    "URL_Logo", "Longitude", "Latitude", "Date_de_derniere_mise_a_jour", "risque_categorie",
)
MULTI_VALUED = ("Audience", "Sous_Theme")
URL_COLUMNS = ("URL_Service", "url_ressources", "URL_Logo")
OTHER = "Autre"

# Header names people use besides the schema's: the data model's "latidude", the titles.
HEADER_ALIASES = {"latidude": "Latitude", "type de collectivite": "Type_de_collectivite"}

# Authorities' own names for their kind -> (the schema's kind, our Organisation kind).
ORGANISATION_KINDS = {
    "commune": ("Commune", "commune"), "ville": ("Commune", "commune"), "mairie": ("Commune", "commune"),
    "ccas": ("Commune", "ccas"), "cias": ("EPCI", "ccas"),
    "epci": ("EPCI", "epci"), "metropole": ("EPCI", "epci"), "communaute d'agglomeration": ("EPCI", "epci"),
    "agglomeration": ("EPCI", "epci"), "agglo": ("EPCI", "epci"), "communaute de commune": ("EPCI", "epci"),
    "communaute urbaine": ("EPCI", "epci"), "ept": ("EPCI", "epci"),
    "etablissement public territorial": ("EPCI", "epci"),
    "departement": ("Département", "departement"), "conseil departemental": ("Département", "departement"),
    "conseil general": ("Département", "departement"),
    "region": ("Région", "region"), "conseil regional": ("Région", "region"),
    "syndicat": ("Syndicat mixte", "other"), "syndicat mixte": ("Syndicat mixte", "other"),
    "syndicat intercommunal": ("Syndicat mixte", "other"),
    "operateur": ("Opérateur", "spl"), "spl": ("Opérateur", "spl"), "sem": ("Opérateur", "spl"),
    "regie": ("Opérateur", "regie"), "operateur public": ("Opérateur", "spl"),
}
# Other words people use for an enum value: column -> {alias key: canonical value}.
ALIASES = {
    "Statut_du_projet": {
        "exploration": "En exploration", "en reflexion": "En exploration", "idee": "En exploration",
        "en construction": "En expérimentation", "poc": "En expérimentation", "experimentation": "En expérimentation",
        "en test": "En expérimentation", "pilote": "En expérimentation", "en cour": "En expérimentation",
        "deploiement": "En déploiement", "deploye": "En déploiement", "en production": "En déploiement",
        "en service": "En déploiement", "operationnel": "En déploiement",
        "termine": "Terminée", "acheve": "Terminée", "fini": "Terminée",
        "abandon": "Abandonné", "arrete": "Abandonné",
    },
    "Audience": {
        "habitant": "Grand public", "citoyen": "Grand public", "usager": "Grand public", "public": "Grand public",
        "tout public": "Grand public", "agent public": "Agent", "elu local": "Elu", "entreprise": "Entreprises",
        "collectivite": "Collectivités", "ecole": "Etablissement scolaire", "etablissement de sante": "Etablissement santé",
        "beneficiaire": "Bénéficiaire",
    },
    "risque_categorie": {
        "minimal": "risque minimal", "limite": "risque limité", "eleve": "risque élevé",
        "haut risque": "risque élevé", "interdit": "inacceptable",
    },
    "herbergement": {"cloud": "cloud chez un tiers", "interne": "en interne de l'administration",
                     "ne sait pas": "NSP"},
    "type_algorithme": {"ml": "Machine Learning", "apprentissage automatique": "Machine Learning",
                        "tal": "Traitement Automatique du langage", "nlp": "Traitement Automatique du langage",
                        "ia generative": "IA générative", "vision par ordinateur": "Computer vision",
                        "deep learning": "Réseaux de neurones"},
}
MONTHS = {m: i for i, m in enumerate(
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
     "decembre"), start=1)}


def key(text):
    """Return the comparison key of a value: no accents, case, "(s)", plural or feminine endings."""
    text = fold(text).replace("’", "'").replace("(s)", "").replace("(e)", "")
    text = re.sub(r"[\s_\-]+", " ", text).strip(" .")
    return " ".join(re.sub(r"e*s?$", "", word) if len(word) > 3 else word for word in text.split())


_KIND_KEYS = {key(name): kinds for name, kinds in ORGANISATION_KINDS.items()}
_ALIAS_KEYS = {column: {key(a): v for a, v in aliases.items()} for column, aliases in ALIASES.items()}


def organisation_kind(value):
    """Return (the schema's kind, our Organisation kind) for an authority's own name of its kind, or None."""
    return _KIND_KEYS.get(key(value))


def header_key(text):
    return re.sub(r"[\s_\-]+", " ", fold(text).replace("’", "'")).strip()


@dataclass
class Header:
    """The file's header matched to the schema: canonical column -> the file's column."""

    columns: dict = field(default_factory=dict)
    unknown: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # warnings and errors about the header, line 0


def read_header(file_columns, schema):
    """Match the file's columns to the schema's names, case- and accent-insensitively."""
    known = {header_key(f["name"]): f["name"] for f in schema["fields"]}
    known.update({header_key(f["title"]): f["name"] for f in schema["fields"] if f.get("title")})
    known.update({header_key(a): c for a, c in HEADER_ALIASES.items()})
    header = Header()
    for column in file_columns:
        if not column:
            continue
        name = known.get(header_key(column))
        if name is None:
            header.unknown.append(column)
        elif name not in header.columns:
            header.columns[name] = column
    if header.unknown:
        header.notes.append(Note(0, "", "colonnes inconnues du schéma, conservées pour les membres (palier 2) : "
                                 + ", ".join(f"« {c} »" for c in header.unknown)))
    for name in required_public(schema):
        if name not in header.columns:
            header.notes.append(Note(0, name, "colonne obligatoire et publique absente : chaque ligne est rejetée."))
    return header


def required_public(schema):
    return [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required") and f["name"] in PUBLIC]


def enum_values(schema, column):
    if column == "Statut_du_projet":
        return list(fmt.MATURITY)
    for f in schema["fields"]:
        if f["name"] == column:
            return list(f.get("constraints", {}).get("enum", []))
    return []


def canonical(column, value, schema):
    """Return the enum value `value` stands for, or None."""
    wanted = key(value)
    for item in enum_values(schema, column):
        if key(item) == wanted:
            return item
    return _ALIAS_KEYS.get(column, {}).get(wanted)


def split_values(value):
    return [part.strip() for part in re.split(r"[;,|\n]+", value or "") if part.strip()]


def _date(value, month_allowed):
    """Return `value` as JJ/MM/AAAA (or MM/AAAA, or AAAA for a start), or None."""
    v = value.strip()
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", v)
    if m and 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12:
        return f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", v)
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        return f"{int(m[3]):02d}/{int(m[2]):02d}/{m[1]}"
    if not month_allowed:
        return None
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", v) or re.fullmatch(r"(\d{4})-(\d{1,2})", v)
    if m:
        month, year = (m[1], m[2]) if len(m[1]) <= 2 else (m[2], m[1])
        return f"{int(month):02d}/{year}" if 1 <= int(month) <= 12 else None
    m = re.fullmatch(r"([a-zéû]+)\.? (\d{4})", fold(v))
    if m and m[1] in MONTHS:
        return f"{MONTHS[m[1]]:02d}/{m[2]}"
    if re.fullmatch(r"\d{4}", v):
        return v
    return None


def _normalise(column, raw, schema, out, keep):
    """Return the canonical text of one cell; record changes and warnings on `out`."""
    value = raw.strip()
    if not value:
        return ""
    if column in MULTI_VALUED:
        parts, unknown = [], []
        for part in split_values(value):
            found = canonical(column, part, schema)
            if found is None:
                unknown.append(part)
            elif found not in parts:
                parts.append(found)
        if unknown:
            out.warn(column, f"valeur(s) hors de la liste : {', '.join(unknown)} ; classée(s) « autre », texte conservé.")
            keep[column] = value
            if column == "Audience":
                parts.append(OTHER)
        if column == "Sous_Theme" and len(parts) > 2:
            out.warn(column, "plus de deux sous-thèmes : tous sont gardés.")
        result = "; ".join(parts)
    elif column == "Type_de_collectivite":
        found = canonical(column, value, schema) or (organisation_kind(value) or (None,))[0]
        if found is None:
            out.warn(column, f"type « {value} » inconnu : classé « autre », texte conservé.")
            return value
        out.change(column, value, found)
        return value  # the authority's own name is kept; the kind comes from it
    elif enum_values(schema, column) or column in ALIASES:
        found = canonical(column, value, schema)
        if found is None:
            out.warn(column, f"« {value[:60]} » hors de la liste : classé « autre », texte conservé.")
            if column not in PUBLIC:
                return value  # a free-text field of tier 2: the text itself is kept
            keep[column] = value
            return ""
        result = found
    elif column == "SIRET":
        digits = re.sub(r"[\s.\u00a0\u202f-]", "", value)
        if re.fullmatch(r"\d{14}", digits):
            result = digits
        elif re.fullmatch(r"\d{9}", digits):
            out.warn(column, "9 chiffres : c'est un SIREN, pas un SIRET ; conservé.")
            result = digits
        else:
            out.warn(column, "un SIRET compte 14 chiffres ; valeur conservée telle quelle.")
            return value
    elif column in ("Latitude", "Longitude"):
        text = value.replace(",", ".").replace(" ", "")
        try:
            number = float(text)
        except ValueError:
            out.warn(column, f"« {value[:30]} » n'est pas un nombre ; conservé.")
            return value
        limit = 90 if column == "Latitude" else 180
        if abs(number) > limit:
            out.warn(column, f"{text} est hors de l'intervalle ±{limit} ; conservé.")
        result = text
    elif column in ("Date_de_demarrage", "Date_de_derniere_mise_a_jour"):
        result = _date(value, month_allowed=column == "Date_de_demarrage")
        if result is None:
            expected = "MM/AAAA ou JJ/MM/AAAA" if column == "Date_de_demarrage" else "JJ/MM/AAAA"
            out.warn(column, f"date « {value[:30]} » non reconnue (attendu {expected}) ; conservée telle quelle.")
            return value
    elif column in URL_COLUMNS:
        link = read_link(value)
        if link.note:
            out.warn(column, f"« {value[:60]} » n'est pas une adresse web : gardé comme note, pas comme lien.")
            keep[column] = value
            return ""
        result = link.url
    elif column == "projet_contact":
        if not fmt._EMAIL.search(value):
            out.warn(column, "aucune adresse électronique reconnue ; texte conservé.")
        return value
    else:
        return value
    out.change(column, value, result)
    return result


def read_row(line, row, header, schema):
    """Return the RowOutcome of one file row (`row`: the file's column -> text)."""
    get = {name: (row.get(column) or "") for name, column in header.columns.items()}
    label = " — ".join(v.strip() for v in (get.get("Nom_du_projet", ""), get.get("Nom_collectivite", "")) if v.strip())
    out = RowOutcome(line, label or f"ligne {line}")
    for name in required_public(schema):
        if not get.get(name, "").strip():
            out.reject(name, "valeur obligatoire (publique) manquante : ligne rejetée.")
    if out.rejected:
        return out
    keep, canonical_row = {}, {}
    for name, raw in get.items():
        canonical_row[name] = _normalise(name, raw, schema, out, keep)
    for spec in schema["fields"]:
        name = spec["name"]
        if name not in PUBLIC and name in get and not get[name].strip() and spec.get("constraints", {}).get("required"):
            out.warn(name, "valeur attendue par le schéma, absente (champ réservé aux membres).")
    fields = fmt.row_to_fields(canonical_row, schema)
    kind = organisation_kind(get.get("Type_de_collectivite", ""))
    if kind and not fields["organisation_kind"]:
        fields["organisation_kind"] = kind[1]
    elif get.get("Type_de_collectivite", "").strip() and not kind and fields["organisation_kind"] in ("", "other"):
        fields["organisation_kind"] = "other"
    if "Type_de_collectivite" in canonical_row:
        fields["public_extra"]["Type_de_collectivite"] = canonical_row["Type_de_collectivite"]
    for column, value in keep.items():
        target = "public_extra" if column in PUBLIC else "member_extra"
        fields[target][column] = value
    if "Theme" in keep:
        fields["theme"] = OTHER
    for column in header.unknown:
        if (row.get(column) or "").strip():
            fields["member_extra"][column] = row[column].strip()
    out.fields = fields
    return out


def provided_fields(header):
    """Return the project fields the file provides: those of absent columns are left as they are."""
    present = set(header.columns)
    provided = set()
    for mapping in (fmt.PUBLIC_COLUMNS, fmt.RESTRICTED_COLUMNS, fmt.EXPERT_COLUMNS):
        provided |= {f for c, f in mapping.items() if c in present}
    if present & {"Theme", "Sous_Theme"}:
        provided |= {"theme", "sub_themes", "domain"}
    if "Statut_du_projet" in present:
        provided.add("status")
    if "Type_de_collectivite" in present:
        provided.add("organisation_kind")
    if "risque_categorie" in present:
        provided.add("risk_class")
    return provided


def merge(old, new, header):
    """Return the fields to store: `new` for provided fields and columns, `old` for the rest."""
    provided = provided_fields(header)
    present = set(header.columns)
    merged = {name: (new[name] if name in provided else old.get(name, new[name]))
              for name in new if name not in ("public_extra", "member_extra", "technique")}
    merged["technique"] = old.get("technique") or new.get("technique", "")
    for extra in ("public_extra", "member_extra"):
        kept = {k: v for k, v in (old.get(extra) or {}).items() if k not in present}
        merged[extra] = {**kept, **new[extra]}
    return merged
