"""The Interconnectés library format: classification, field mapping, row validation.

Les Interconnectés publish their "bibliothèque IA territorialisée" as a CSV with
a Table Schema (reference/interconnectes/interconnectes_IA-schema.json, and the
data model that marks each field Public or Restreint). This module maps that
format to the fields of a shared project and back, and validates a row against
the schema. Their Public fields go to tier 1, their Restreint fields to tier 2,
the technical resources URL to tier 3. Fields the schema lists but the data
model does not mark (risque, proportionalite, ...) are treated as Restreint,
except `risque_categorie`, which is the risk class, public in the library.

Their six themes and sub-themes are the library's classification; each
sub-theme maps to one domain of the register. No Django import here.
"""

import re
from dataclasses import dataclass
from datetime import date

from confiance.rules.library_text import fold

# The six themes of the data model and their sub-themes. The schema lists the
# sub-themes without their theme; this grouping is ours.
THEMES = {
    "Transition écologique et énergétique": [
        "Performance énergétique", "Eclairage public", "Agriculture", "Gestion de l’eau",
        "Déchets et économie circulaire", "Qualité de l’air et nuisances sonores",
        "Biodiversité et préservation des espaces naturels",
    ],
    "Attractivité et développement": [
        "Commerce et développement économique", "Culture et loisirs", "Construction et aménagement",
        "Immobilier", "Modélisation et jumeau numérique",
    ],
    "Citoyenneté, santé et solidarité": [
        "Education", "Santé et accès aux soins", "Accessibilité et handicap",
        "Lien social et relation aux usagers", "Inclusion numérique", "Participation citoyenne",
        "Prévention et gestion des risques",
    ],
    "Mobilités": ["Logistique urbaine", "Multimodalités", "Flux et trafic", "Mobilité décarbonée", "Stationnement"],
    "Gouvernance et socles technologiques": [
        "Outillage système d’information", "Infrastructures numériques",
        "Gouvernance et stratégie numérique responsable", "Plateforme de données", "Cybersécurité",
    ],
    "Administration et organisation interne": [
        "Gestion des ressources humaines", "Gestion des assemblées", "Gestion des marchés publics",
        "Aide à la rédaction et gestion documentaire", "Aide juridique",
    ],
}
THEME_OF = {sub: theme for theme, subs in THEMES.items() for sub in subs}

SUB_THEME_DOMAIN = {
    "Performance énergétique": "energy_sobriety", "Eclairage public": "energy_sobriety",
    "Agriculture": "other", "Gestion de l’eau": "water", "Déchets et économie circulaire": "waste",
    "Qualité de l’air et nuisances sonores": "health",
    "Biodiversité et préservation des espaces naturels": "urban_planning",
    "Commerce et développement économique": "other", "Culture et loisirs": "culture",
    "Construction et aménagement": "urban_planning", "Immobilier": "housing",
    "Modélisation et jumeau numérique": "urban_planning", "Education": "education",
    "Santé et accès aux soins": "health", "Accessibilité et handicap": "solidarity",
    "Lien social et relation aux usagers": "user_relations", "Inclusion numérique": "solidarity",
    "Participation citoyenne": "user_relations", "Prévention et gestion des risques": "public_safety",
    "Logistique urbaine": "mobility", "Multimodalités": "mobility", "Flux et trafic": "mobility",
    "Mobilité décarbonée": "mobility", "Stationnement": "mobility",
    "Outillage système d’information": "administration", "Infrastructures numériques": "administration",
    "Gouvernance et stratégie numérique responsable": "administration",
    "Plateforme de données": "administration", "Cybersécurité": "administration",
    "Gestion des ressources humaines": "hr", "Gestion des assemblées": "administration",
    "Gestion des marchés publics": "finance", "Aide à la rédaction et gestion documentaire": "administration",
    "Aide juridique": "administration",
}
THEME_DOMAIN = {
    "Transition écologique et énergétique": "energy_sobriety", "Attractivité et développement": "other",
    "Citoyenneté, santé et solidarité": "solidarity", "Mobilités": "mobility",
    "Gouvernance et socles technologiques": "administration",
    "Administration et organisation interne": "administration",
}
# Register domain -> (theme, sub-theme or "") for records shared from the register.
DOMAIN_CLASSIFICATION = {
    "waste": ("Transition écologique et énergétique", "Déchets et économie circulaire"),
    "mobility": ("Mobilités", "Flux et trafic"),
    "housing": ("Attractivité et développement", "Immobilier"),
    "water": ("Transition écologique et énergétique", "Gestion de l’eau"),
    "energy_sobriety": ("Transition écologique et énergétique", "Performance énergétique"),
    "user_relations": ("Citoyenneté, santé et solidarité", "Lien social et relation aux usagers"),
    "solidarity": ("Citoyenneté, santé et solidarité", ""),
    "education": ("Citoyenneté, santé et solidarité", "Education"),
    "early_childhood": ("Citoyenneté, santé et solidarité", "Education"),
    "public_safety": ("Citoyenneté, santé et solidarité", "Prévention et gestion des risques"),
    "health": ("Citoyenneté, santé et solidarité", "Santé et accès aux soins"),
    "culture": ("Attractivité et développement", "Culture et loisirs"),
    "urban_planning": ("Attractivité et développement", "Construction et aménagement"),
    "hr": ("Administration et organisation interne", "Gestion des ressources humaines"),
    "finance": ("Administration et organisation interne", "Gestion des marchés publics"),
    "administration": ("Administration et organisation interne", ""),
    "other": ("Gouvernance et socles technologiques", ""),
}

# Maturity (Statut_du_projet). "En exploration" is in the data model, not in
# the schema's enum: both are accepted.
MATURITY = {
    "En exploration": "exploration", "En expérimentation": "experimentation",
    "En déploiement": "deployment", "Terminée": "completed", "Abandonné": "abandoned",
}
MATURITY_LABEL = {code: label for label, code in MATURITY.items()}
KINDS = {
    "Commune": "commune", "EPCI": "epci", "Département": "departement", "Région": "region",
    "Syndicat mixte": "other", "Opérateur": "spl",
}
KIND_LABEL = {"commune": "Commune", "epci": "EPCI", "departement": "Département", "region": "Région",
              "spl": "Opérateur", "regie": "Opérateur", "ccas": "Commune"}
ALGORITHM_TYPES = {
    "Machine Learning": "statistical_ml", "Traitement Automatique du langage": "speech_nlp",
    "IA générative": "generative", "Computer vision": "computer_vision",
    "Réseaux de neurones": "deep_learning", "NSP": "",
}
ALGORITHM_LABEL = {code: label for label, code in ALGORITHM_TYPES.items() if code}
RISK_CLASSES = {"risque minimal": "minimal", "risque limité": "transparency",
                "risque élevé": "high", "inacceptable": "prohibited"}
RISK_LABEL = {code: label for label, code in RISK_CLASSES.items()}

# Column -> (project field, tier). Fields under public_extra / member_extra keep
# the column's own name as key.
PUBLIC_COLUMNS = {
    "Nom_collectivite": "organisation_name", "Nom_du_projet": "name", "Date_de_demarrage": "start_date",
    "status_abandon": "abandon_reason", "Partenaires": "partners", "Description_service": "summary",
    "Audience": "audience", "URL_Service": "info_url",
}
PUBLIC_EXTRA = ("SIRET", "Latitude", "Longitude", "URL_Logo", "Date_de_derniere_mise_a_jour", "Type_de_collectivite")
RESTRICTED_COLUMNS = {
    "projet_contact": "contacts", "financement": "funding", "budget": "cost",
    "mise_en_oeuvre": "contract_type", "herbergement": "hosting",
}
RESTRICTED_EXTRA = (
    "nom_algorithme", "algorithme_description", "algorithme_operations", "type_algorithme",
    "impact_environnement", "donnees_source", "donnees_acces", "risque", "proportionalite",
    "decision", "erreur", "explicabilite", "reversibilite", "objection",
)
EXPERT_COLUMNS = {"url_ressources": "resources_url"}
KEPT_AS_WRITTEN = ("URL_Service", "Theme", "Sous_Theme", "Statut_du_projet", "Audience", "risque_categorie")

_EMAIL = re.compile(r"[^@\s<>;,]+@[^@\s<>;,]+\.[a-z]{2,}", re.I)
_DATE_FULL = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_DATE_MONTH = re.compile(r"^(\d{2})/(\d{4})$")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


def _canonical(value, allowed):
    """Return the member of `allowed` equal to `value` ignoring case, accents and apostrophes."""
    def key(text):
        return re.sub(r"\s+", " ", fold(text).replace("’", "'")).strip()
    wanted = key(value)
    for item in allowed:
        if key(item) == wanted:
            return item
    return None


def split_sub_themes(value):
    return [part.strip() for part in re.split(r"[;,|]", value or "") if part.strip()]


def _check_date(value, month_allowed):
    m = _DATE_FULL.match(value)
    try:
        if m:
            date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return True
        m = _DATE_MONTH.match(value)
        if m and month_allowed:
            return 1 <= int(m.group(1)) <= 12
    except ValueError:
        return False
    return False


def validate_row(row, schema):
    """Return the FieldErrors of one CSV row (a dict column -> text) against the Table Schema."""
    errors = []
    for spec in schema["fields"]:
        name = spec["name"]
        value = (row.get(name) or "").strip()
        constraints = spec.get("constraints", {})
        if not value:
            if constraints.get("required"):
                errors.append(FieldError(name, "Champ obligatoire manquant."))
            continue
        enum = list(constraints.get("enum", []))
        if name == "Statut_du_projet":
            enum = list(MATURITY)
        if name == "Sous_Theme":
            parts = split_sub_themes(value)
            bad = [p for p in parts if _canonical(p, enum) is None]
            if bad:
                errors.append(FieldError(name, f"Sous-thème inconnu : « {bad[0]} »."))
            elif len(parts) > 2:
                errors.append(FieldError(name, "Deux sous-thèmes au plus."))
            continue
        if enum and _canonical(value, enum) is None:
            errors.append(FieldError(name, f"Valeur « {value[:60]} » hors de la liste : {', '.join(enum)}."))
            continue
        if spec.get("type") == "number":
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                errors.append(FieldError(name, f"« {value[:30]} » n'est pas un nombre."))
                continue
            limit = 90 if name.lower().startswith("lat") else 180
            if abs(number) > limit:
                errors.append(FieldError(name, f"{number} est hors de l'intervalle ±{limit}."))
        if name == "SIRET" and not re.fullmatch(r"\d{14}", value.replace(" ", "")):
            errors.append(FieldError(name, "Le SIRET compte 14 chiffres (SIREN + NIC)."))
        if name == "projet_contact" and not _EMAIL.search(value):
            errors.append(FieldError(name, "Indiquez une adresse électronique de contact."))
        if name in ("URL_Service", "url_ressources", "URL_Logo") and not re.match(r"^https?://\S+$", value):
            errors.append(FieldError(name, "Adresse web attendue (commençant par http:// ou https://)."))
        if name == "Date_de_demarrage" and not _check_date(value, month_allowed=True):
            errors.append(FieldError(name, "Date attendue au format JJ/MM/AAAA ou MM/AAAA."))
        if name == "Date_de_derniere_mise_a_jour" and not _check_date(value, month_allowed=False):
            errors.append(FieldError(name, "Date attendue au format JJ/MM/AAAA."))
    return errors


def classify(theme, sub_themes):
    """Return the register domain of an Interconnectés theme and sub-themes."""
    for sub in sub_themes:
        if sub in SUB_THEME_DOMAIN:
            return SUB_THEME_DOMAIN[sub]
    return THEME_DOMAIN.get(theme, "other")


def row_to_fields(row, schema):
    """Return the shared-project fields of a valid row (values canonicalised)."""
    enums = {f["name"]: f.get("constraints", {}).get("enum", []) for f in schema["fields"]}
    get = {k: (v or "").strip() for k, v in row.items() if k}
    fields = {field: get.get(column, "") for column, field in PUBLIC_COLUMNS.items()}
    theme = _canonical(get.get("Theme", ""), THEMES) or ""
    subs = [_canonical(s, enums.get("Sous_Theme", [])) for s in split_sub_themes(get.get("Sous_Theme", ""))]
    subs = [s for s in subs if s]
    maturity = _canonical(get.get("Statut_du_projet", ""), MATURITY)
    kind = _canonical(get.get("Type_de_collectivite", ""), KINDS)
    risk = _canonical(get.get("risque_categorie", ""), RISK_CLASSES)
    audience = _canonical(fields["audience"], enums.get("Audience", [])) if fields["audience"] else ""
    fields.update(
        audience=audience or fields["audience"],
        theme=theme, sub_themes="; ".join(subs), domain=classify(theme, subs),
        status=MATURITY.get(maturity, ""), organisation_kind=KINDS.get(kind, "other") if kind else "",
        risk_class=RISK_CLASSES.get(risk, ""), technique="",
        public_extra={c: get[c] for c in PUBLIC_EXTRA if get.get(c)},
    )
    for column, field in RESTRICTED_COLUMNS.items():
        fields[field] = get.get(column, "")
    fields["member_extra"] = {c: get[c] for c in RESTRICTED_EXTRA if get.get(c)}
    for column, field in EXPERT_COLUMNS.items():
        fields[field] = get.get(column, "")
    return fields


def fields_to_row(fields, tier, columns):
    """Return a CSV row (column -> text) from a shared project's fields already redacted to `tier`.

    A Restreint column is filled only for tier 2 and above, the resources URL
    only for tier 3: an export never carries more than its reader may read.
    """
    public_extra = fields.get("public_extra") or {}
    member_extra = fields.get("member_extra") or {}
    row = dict.fromkeys(columns, "")
    for column, field in PUBLIC_COLUMNS.items():
        row[column] = fields.get(field) or ""
    for column in PUBLIC_EXTRA:
        row[column] = public_extra.get(column, "")
    row["Type_de_collectivite"] = public_extra.get("Type_de_collectivite") or KIND_LABEL.get(
        fields.get("organisation_kind", ""), "")
    row["Statut_du_projet"] = MATURITY_LABEL.get(fields.get("status", ""), "")
    row["Theme"] = fields.get("theme", "")
    row["Sous_Theme"] = fields.get("sub_themes", "")
    row["risque_categorie"] = RISK_LABEL.get(fields.get("risk_class", ""), "")
    # A value kept as written (a note where a link was expected, a value outside
    # the lists) goes back as written, so that a re-import gives the same project.
    for column in KEPT_AS_WRITTEN:
        if public_extra.get(column):
            row[column] = public_extra[column]
    if tier >= 2:
        for column, field in RESTRICTED_COLUMNS.items():
            row[column] = fields.get(field) or ""
        for column in RESTRICTED_EXTRA:
            row[column] = member_extra.get(column, "")
        row["url_ressources"] = member_extra.get("url_ressources", "")
        if not row["type_algorithme"]:
            row["type_algorithme"] = ALGORITHM_LABEL.get(fields.get("technique", ""), "")
    if tier >= 3:
        # The format has one technical resources URL; a source repository fits it.
        row["url_ressources"] = (fields.get("resources_url") or member_extra.get("url_ressources")
                                 or fields.get("repository_url") or "")
    return {c: row.get(c, "") for c in columns}
