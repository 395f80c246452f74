"""Two more standards a record is published in, and how complete a record is for each of the five.

`to_interconnectes(record)` maps a public record to one row of Les
Interconnectés' library CSV (their Table Schema, confiance/library/schemas/);
`to_dcat(record)` maps it to the properties of a DCAT-AP 3.0.0 dataset (the
record's public JSON document). Both follow the contract of
confiance.rules.transparency_standards: a value the record does not hold is
named in `missing`, never invented, and a value derived from another fact of
the record is named in `derived`.

`completeness(key, mapped, required)` says, for one standard, which of its
required fields the record fills, which it lacks, what to fill in the
register for each, and the percentage. No Django import here.
"""

from dataclasses import dataclass, field

from confiance.rules import dcat_vocabulary
from confiance.rules.library_interconnectes import ALGORITHM_LABEL, DOMAIN_CLASSIFICATION, KIND_LABEL, RISK_LABEL
from confiance.rules.transparency_standards import (
    STANDARDS,
    Mapped,
    _join,
    contact,
    contact_origin,
)

# ---------------------------------------------------------------- Les Interconnectés

INTERCONNECTES_VERSION = ""  # their Table Schema carries no version number
INTERCONNECTES_STATUS = {
    "draft": "En exploration", "submitted": "En exploration", "under_review": "En exploration",
    "approved_for_experimentation": "En expérimentation", "experimenting": "En expérimentation",
    "deployed": "En déploiement", "retired": "Terminée", "rejected": "Abandonné", "suspended": "Abandonné",
}
INTERCONNECTES_IMPLEMENTATION = {
    "internal": "Projet développé en interne", "external": "projet développé en externe",
    "contractors": "mobilisation de prestataire(s)", "procurement": "marché public",
}
INTERCONNECTES_HOSTING = {"third_party_cloud": "cloud chez un tiers", "internal": "en interne de l'administration"}
INTERCONNECTES_DATA_ORIGIN = {"users": "usager", "internal_dataset": "jeu de données interne",
                              "open_data": "open data", "third_party": "données d'un tiers"}
INTERCONNECTES_DATA_ACCESS = {"api": "par API", "automated": "automatisée", "manual": "par récupération manuelle"}
INTERCONNECTES_AUDIENCE = {"citizens": "Grand public", "agents": "Agent", "both": "Grand public"}


def _french_date(iso):
    """Return "JJ/MM/AAAA" from an ISO date, or "" when there is none."""
    if not iso:
        return ""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"


def to_interconnectes(record):
    """Return the record as one row of Les Interconnectés' library (their Table Schema's columns)."""
    m = Mapped({})
    m.put("Nom_collectivite", record["organisation"])
    m.put("Nom_du_projet", record["name"])
    m.put("SIRET", record.get("organisation_siret"), "Le SIRET de l'organisation n'est pas dans son profil public.")
    m.put("Type_de_collectivite", KIND_LABEL.get(record.get("organisation_kind", "")),
          "Le type de l'organisation n'a pas d'équivalent dans la liste des Interconnectés.")
    m.put("Date_de_demarrage", _french_date(record.get("started_on")), "La date de démarrage n'est pas indiquée.")
    m.put("Statut_du_projet", INTERCONNECTES_STATUS.get(record["status"]))
    own, fallback = contact(record)
    m.put_or_derive("projet_contact", own, fallback, contact_origin(record),
                    "Ni la fiche ni l'organisation n'ont d'adresse de contact publique.")
    m.put("Description_service", record["public_summary"])
    m.put("mise_en_oeuvre", INTERCONNECTES_IMPLEMENTATION.get(record.get("implementation", "")),
          "La mise en œuvre (interne, externe, prestataire, marché public) n'est pas indiquée.")
    theme, sub_theme = DOMAIN_CLASSIFICATION.get(record["domain"], ("", ""))
    m.put_or_derive("Theme", None, theme, "Domaine de la fiche, classé dans les thèmes des Interconnectés.")
    if sub_theme:
        m.registration["Sous_Theme"] = sub_theme
    m.put_or_derive("Audience", None, INTERCONNECTES_AUDIENCE.get(record.get("people_affected", "")),
                    "Personnes concernées indiquées dans la fiche.")
    m.put("herbergement", INTERCONNECTES_HOSTING.get(record.get("hosting_mode", "")),
          "Le mode d'hébergement (nuage d'un tiers ou interne) n'est pas indiqué.")
    m.put_or_derive("nom_algorithme", record.get("model_name") or record.get("product"), record["name"],
                    "Nom du système : la fiche ne nomme ni produit ni modèle.")
    m.registration["algorithme_description"] = record["purpose"]
    m.put_or_derive("type_algorithme", ALGORITHM_LABEL.get(record["technique"]), "NSP",
                    "La technique de la fiche (règles ou optimisation) n'a pas d'équivalent dans leur liste.")
    m.put("donnees_source", INTERCONNECTES_DATA_ORIGIN.get(record.get("data_origin", "")),
          "L'origine principale des données n'est pas indiquée.")
    m.put("donnees_acces", INTERCONNECTES_DATA_ACCESS.get(record.get("data_access", "")),
          "L'accès aux données (API, automatisé, manuel) n'est pas indiqué.")
    m.put("URL_Logo", record.get("organisation_logo_url"), "Le logo de l'organisation n'est pas dans son profil public.")
    m.put("Date_de_derniere_mise_a_jour", _french_date(record.get("updated_on")))
    optional = {
        "risque": record.get("risks"), "risque_categorie": RISK_LABEL.get(record.get("risk_class") or "", ""),
        "proportionalite": record.get("proportionality"), "decision": record.get("decision_process"),
        "objection": record.get("objection_procedure"), "URL_Service": record.get("url"),
        "algorithme_operations": _join(record.get("technique_label"), record.get("model_name")),
    }
    m.registration.update({k: v for k, v in optional.items() if v})
    return m


# ---------------------------------------------------------------- DCAT-AP 3.0.0

DCAT_VERSION = "3.0.0"
# The dataset properties DCAT-AP 3.0.0 makes mandatory (title, description) and
# the recommended ones a record can fill; see docs/public.md.
DCAT_REQUIRED = ("title", "description", "publisher", "contact_point", "keyword", "theme", "modified", "issued",
                 "distribution")


def to_dcat(record):
    """Return the record's public JSON document as the properties of a DCAT-AP dataset."""
    m = Mapped({"language": dcat_vocabulary.language_iri("fr"), "landing_page": record["url"],
                "identifier": record["uuid"]})
    m.put("title", record["name"])
    m.put("description", record["public_summary"])
    m.put("publisher", record["organisation"])
    own, fallback = contact(record)
    m.put_or_derive("contact_point", own, fallback, contact_origin(record),
                    "Ni la fiche ni l'organisation n'ont d'adresse de contact publique.")
    m.put("keyword", record.get("domain_label"))
    m.put_or_derive("theme", None, dcat_vocabulary.theme_iri(record["domain"]),
                    "Domaine de la fiche, classé dans les thèmes de données de l'UE.")
    m.put("modified", record.get("updated_on"))
    m.put("issued", record.get("first_published_on"), "La fiche n'a pas encore été publiée.")
    m.put("distribution", record.get("json_url"))
    return m


# ---------------------------------------------------------------- completeness

# Standard key -> its required field -> the register's fields that fill it.
# A required field absent from this table is filled by the register itself
# (name, dates, addresses) or cannot be filled at all (the Dutch `lang`).
FILL = {
    "eurocities": {
        "publication_date": ["status"], "revision_date": ["revision_on"], "department": ["service"],
        "contact_email": ["contact_email"], "decision_making_process": ["decision_process"],
        "impact": ["people_impact"], "risks": ["risks"], "proportionality": ["proportionality"],
        "lawful_basis": ["legal_basis"], "training_data": ["training_data"], "source_data": ["input_data"],
        "connected_data_sources": ["connected_data_sources"], "type": ["use_type"], "monitoring": ["monitoring"],
        "human_intervention": ["human_oversight"], "objection_procedure": ["objection_procedure"],
        "risk_category": ["questionnaire"], "algorithm_type": ["technique"],
    },
    "algoritmeregister": {"contact_email": ["contact_email"]},
    "etalab": {
        "direction_service": ["service"], "contact": ["contact_email"], "intervention_decision": ["decision_process"],
        "fondements_juridiques": ["legal_basis"], "nombre_decisions_par_an": ["decisions_per_year"],
        "donnees_traitees": ["input_data"], "source_donnees": ["data_origin", "connected_data_sources"],
        "mode_collecte": ["data_collection"], "type_algorithme": ["technique"],
    },
    "interconnectes": {
        "SIRET": ["organisation_siret"], "Type_de_collectivite": ["organisation_kind"],
        "Date_de_demarrage": ["started_on"], "projet_contact": ["contact_email"],
        "mise_en_oeuvre": ["implementation"], "herbergement": ["hosting_mode"], "donnees_source": ["data_origin"],
        "donnees_acces": ["data_access"], "URL_Logo": ["organisation_logo_url"],
    },
    "dcat": {"contact_point": ["contact_email"], "issued": ["status"]},
}

# Standard key -> (name people read, version). The first three are confiance.rules.transparency_standards'.
NAMES = {key: (title, version) for key, (title, version, _, _) in STANDARDS.items()}
NAMES["interconnectes"] = ("Bibliothèque IA territorialisée (Les Interconnectés)", INTERCONNECTES_VERSION)
NAMES["dcat"] = ("DCAT-AP (catalogue de données de l'UE)", DCAT_VERSION)
MAPPINGS = {key: function for key, (_, _, function, _) in STANDARDS.items()}
MAPPINGS["interconnectes"] = to_interconnectes
MAPPINGS["dcat"] = to_dcat
ORDER = ("eurocities", "algoritmeregister", "etalab", "interconnectes", "dcat")


@dataclass(frozen=True)
class FieldStatus:
    field: str
    reason: str = ""
    fill: tuple = ()
    derived: str = ""


@dataclass(frozen=True)
class Completeness:
    key: str
    name: str
    version: str
    required: int
    present: tuple = field(default_factory=tuple)
    missing: tuple = field(default_factory=tuple)

    @property
    def percent(self):
        """Return the share of required fields filled, rounded down (100 only when nothing is missing)."""
        if not self.required:
            return 100
        return (len(self.present) * 100) // self.required

    @property
    def complete(self):
        return not self.missing


def completeness(key, mapped, required):
    """Return the Completeness of one mapped record for standard `key` and its `required` field names."""
    fill = FILL.get(key, {})
    missing = {m["field"]: m["reason"] for m in mapped.missing}
    derived = {d["field"]: d["from"] for d in mapped.derived}
    present, lacking = [], []
    for name in required:
        if name in missing:
            lacking.append(FieldStatus(name, missing[name], tuple(fill.get(name, ()))))
        else:
            present.append(FieldStatus(name, fill=tuple(fill.get(name, ())), derived=derived.get(name, "")))
    title, version = NAMES[key]
    return Completeness(key, title, version, len(required), tuple(present), tuple(lacking))


def record_completeness(record, required_by_standard):
    """Return the Completeness of a public record for each standard of `required_by_standard` (key -> names)."""
    return [completeness(key, MAPPINGS[key](record), required_by_standard[key])
            for key in ORDER if key in required_by_standard]


def is_complete(key, record, required):
    """Return True when the record, mapped to standard `key`, lacks none of the `required` fields."""
    missing = {m["field"] for m in MAPPINGS[key](record).missing}
    return not missing.intersection(required)
