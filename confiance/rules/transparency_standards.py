"""Map a public record of the register to the publication standards readers know.

Each `to_<standard>(record)` takes the public record (a plain dict built only
from whitelisted fields, see confiance.public.records) and returns a `Mapped`:
the registration in that standard's keys and vocabulary, and the list of the
standard's required fields our record cannot fill. A missing field is never
invented: it is left out of the registration and named in `missing`, with the
reason, so that the export says so. A field read from another fact of the
record (the service, the organisation's contact, the checks' risk class...)
is named in `derived`, with what it comes from.

The standards:

- the Algorithmic Transparency Standard v0.3.1 of the Eurocities project
  (Algoritmeregister/standard, schema-v0_3_1.yaml);
- the Dutch national algorithm register's publication standard 1.0
  (MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0.json);
- Etalab's inventory of the main algorithmic processings (guides.etalab.gouv.fr,
  fiche pratique of 11 February 2021), which publishes a field list only.
"""

from dataclasses import dataclass, field

NOT_RECORDED = "Le registre ne contient pas cette information."


@dataclass
class Mapped:
    registration: dict
    missing: list = field(default_factory=list)
    derived: list = field(default_factory=list)

    def put(self, key, value, reason=NOT_RECORDED):
        """Set `key` when `value` is known; otherwise record it as missing with `reason`."""
        if value is None or value == "" or value == []:
            self.missing.append({"field": key, "reason": reason})
        else:
            self.registration[key] = value

    def put_or_derive(self, key, value, derived_value, how, reason=NOT_RECORDED):
        """Set `key` from the record's own `value`; else from `derived_value`, saying `how`; else missing."""
        if value not in (None, "", []):
            self.registration[key] = value
        elif derived_value not in (None, "", []):
            self.registration[key] = derived_value
            self.derived.append({"field": key, "from": how})
        else:
            self.missing.append({"field": key, "reason": reason})

    def as_dict(self):
        return {"registration": self.registration, "missing_required": self.missing, "derived": self.derived}


# Where a derived value comes from, said in the export (issue #17: derive, say so, never invent).
FROM_SERVICE = "Service porteur indiqué dans le registre."
FROM_ORGANISATION_CONTACT = "Adresse de contact publique de l'organisation (la fiche et son service n'en ont pas)."
FROM_SERVICE_CONTACT = "Adresse de contact publique du service porteur (la fiche n'en a pas)."
FROM_CHECKS = "Classe de risque calculée par les contrôles du règlement sur l'IA (Confiance)."
FROM_CHECK_REASONS = "Motifs de la classe de risque calculée par les contrôles du règlement sur l'IA."
FROM_YEARLY_REVIEW = "Date de la prochaine revue annuelle prévue par l'instruction."
FROM_DECISION_ROLE = "Rôle dans les décisions et aide apportée aux agents, indiqués dans la fiche."
FROM_PEOPLE = "Personnes concernées et bénéfice attendu, indiqués dans la fiche."
FROM_REQUEST_FORM = "Formulaire public de demande des règles de l'algorithme (CRPA, art. L311-3-1)."
FROM_DATASETS = "Données utilisées, indiquées dans la fiche."
FROM_TECHNIQUE = "Technique indiquée dans la fiche : elle n'apprend pas de données."


def contact(record):
    """Return (the record's contact, the service's or organisation's contact if the record has none)."""
    source = record.get("contact_email_from", "record")
    own = record.get("contact_email") if source == "record" else ""
    fallback = record.get("contact_email") if source in ("service", "organisation") else ""
    return own, fallback


def contact_origin(record):
    """Return where a derived contact comes from, said in the export."""
    return FROM_SERVICE_CONTACT if record.get("contact_email_from") == "service" else FROM_ORGANISATION_CONTACT


def revision(record):
    """Return (the record's own revision date, the review's next yearly review)."""
    if record.get("revision_from", "record") == "record":
        return record.get("revision_on"), None
    return None, record.get("revision_on")


def legal_text(record):
    """Return the legal basis as one text: the basis, its link, the deliberation."""
    link = record.get("legal_basis_url")
    deliberation = record.get("deliberation")
    return _join(record.get("legal_basis"), f"Texte : {link}" if link else "",
                 f"Délibération : {deliberation}" if deliberation else "") if record.get("legal_basis") else ""


def _shorten(text, limit):
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _join(*parts):
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


SELF_LEARNING = {"statistical_ml", "deep_learning", "generative", "computer_vision", "speech_nlp"}
NOT_LEARNING = {"rules", "optimisation"}

# ---------------------------------------------------------------- Eurocities v0.3.1

EUROCITIES_VERSION = "0.3.1"
EUROCITIES_STATUS = {"experimenting": "pilot", "deployed": "operational", "retired": "retired"}
EUROCITIES_DOMAIN = {
    "waste": "environment, spacial planning and water",
    "mobility": "traffic and transportation",
    "housing": "housing, living and living environment",
    "water": "environment, spacial planning and water",
    "energy_sobriety": "environment, spacial planning and water",
    "user_relations": "government",
    "solidarity": "subsidies, benefits and allowances",
    "education": "education and science",
    "early_childhood": "family, youth and households",
    "public_safety": "public safety",
    "health": "health and health care",
    "culture": "culture, sports and leisure",
    "urban_planning": "environment, spacial planning and water",
    "hr": "government",
    "finance": "finance",
    "administration": "government",
    "other": "generic",
}
EUROCITIES_RISK = {
    "minimal": "minimal risk",
    "transparency": "limited risk",
    "high": "high risk",
    "prohibited": "unacceptable",
}


def to_eurocities(record):
    """Return the record in the Algorithmic Transparency Standard v0.3.1."""
    m = Mapped({"standard_version": EUROCITIES_VERSION, "uuid": record["uuid"], "lang": "fr"})
    m.put("publication_date", record.get("first_published_on"), "La fiche n'a pas encore été publiée.")
    m.put("last_change_date", record.get("updated_on"))
    own, review = revision(record)
    m.put_or_derive("revision_date", own, review, FROM_YEARLY_REVIEW,
                    "Aucune date de réexamen n'est fixée dans le registre.")
    if record.get("revision_reason"):
        m.registration["revision_note"] = record["revision_reason"]
    m.registration["keywords"] = record["domain_label"]
    m.put("name", record["name"])
    m.put("organization", record["organisation"])
    m.put_or_derive("department", None, record.get("service"), FROM_SERVICE, "Le service porteur n'est pas indiqué.")
    m.registration["country"] = "France"
    own, fallback = contact(record)
    m.put_or_derive("contact_email", own, fallback, contact_origin(record),
                    "Ni la fiche ni l'organisation n'ont d'adresse de contact publique.")
    m.put("description_short", _shorten(record["public_summary"], 150))
    m.registration["website"] = record["url"]
    m.registration["status"] = EUROCITIES_STATUS.get(record["status"], "planned")
    m.put_or_derive("decision_making_process", record.get("decision_process"),
                    _join(record.get("agent_support"), record.get("decision_role_label")), FROM_DECISION_ROLE)
    m.registration["domain"] = EUROCITIES_DOMAIN.get(record["domain"], "generic")
    m.put("area", record["organisation"])
    m.put("goal", _join(record["purpose"], record.get("citizen_benefit")))
    m.put_or_derive("impact", record.get("people_impact"),
                    _join(record.get("people_affected_label"), record.get("citizen_benefit")), FROM_PEOPLE)
    m.put_or_derive("risks", record.get("risks"), _join(*record.get("risk_reasons", [])), FROM_CHECK_REASONS,
                    "Les risques ne sont pas décrits et les contrôles n'ont pas été calculés.")
    m.put_or_derive("risk_category", None, EUROCITIES_RISK.get(record.get("risk_class") or ""), FROM_CHECKS,
                    "Les contrôles du règlement sur l'IA n'ont pas été calculés.")
    m.put("proportionality", record.get("proportionality"), "La proportionnalité n'est pas décrite dans la fiche.")
    m.put("lawful_basis", legal_text(record), "Le fondement juridique n'est pas indiqué dans la fiche.")
    if record.get("legal_basis_url"):
        m.registration["documentation"] = record["legal_basis_url"]
    technique = record["technique"]
    m.put_or_derive("training_data", record.get("training_data"),
                    "Aucune : le système n'est pas entraîné sur des données." if technique in NOT_LEARNING else None,
                    FROM_TECHNIQUE, "Les données d'entraînement ne sont pas décrites.")
    m.put_or_derive("source_data", record.get("input_data"), record.get("datasets_used"), FROM_DATASETS,
                    "Les données d'entrée ne sont pas décrites.")
    m.put("connected_data_sources", record.get("connected_data_sources"),
          "Les sources de données connectées ne sont pas décrites.")
    algorithm_type = "self-learning" if technique in SELF_LEARNING else "rule-based" if technique in NOT_LEARNING else ""
    m.put("algorithm_type", algorithm_type)
    m.registration["methods_and_models"] = _join(record["technique_label"], record.get("model_name"))
    m.put("type", record.get("use_type"), "Le type d'usage (descriptif, diagnostique, prédictif, prescriptif) "
          "n'est pas indiqué.")
    m.put("monitoring", record.get("monitoring"), "Le suivi du fonctionnement n'est pas décrit.")
    m.put("human_intervention", record.get("human_oversight"), "Le contrôle humain n'est pas décrit.")
    m.put_or_derive("objection_procedure", record.get("objection_procedure"),
                    f"Toute personne concernée peut demander les règles de l'algorithme (CRPA, art. L311-3-1) ou "
                    f"signaler une erreur : {record['request_url']}", FROM_REQUEST_FORM)
    if record.get("vendor"):
        m.registration["remark"] = f"Fournisseur : {record['vendor']}"
    return m


# ---------------------------------------------------------------- Dutch standard 1.0

DUTCH_VERSION = "1.0"
DUTCH_STATUS = {"experimenting": "In ontwikkeling", "deployed": "In gebruik", "retired": "Buiten gebruik"}
DUTCH_THEME = {
    "waste": "Natuur en milieu",
    "mobility": "Verkeer",
    "housing": "Wonen",
    "water": "Natuur en milieu",
    "energy_sobriety": "Natuur en milieu",
    "user_relations": "Organisatie en bedrijfsvoering",
    "solidarity": "Sociale zekerheid",
    "education": "Onderwijs en wetenschap",
    "early_childhood": "Onderwijs en wetenschap",
    "public_safety": "Openbare orde en veiligheid",
    "health": "Zorg en gezondheid",
    "culture": "Cultuur en recreatie",
    "urban_planning": "Ruimte en infrastructuur",
    "hr": "Organisatie en bedrijfsvoering",
    "finance": "Overheidsfinanciën",
    "administration": "Organisatie en bedrijfsvoering",
}


def dutch_publication_category(record):
    """Return the Dutch category: A high-risk AI, B impactful (prepares decisions on people), C other."""
    if record.get("risk_class") in ("high", "prohibited"):
        return "Hoog-risico AI-systeem"
    if record.get("decision_role") == "prepares":
        return "Impactvolle algoritmes"
    return "Overige algoritmes"


def to_dutch(record):
    """Return the record in the Dutch algorithm register's publication standard 1.0."""
    m = Mapped({"standard_version": DUTCH_VERSION})
    m.put("name", _shorten(record["name"], 100))
    m.put("description_short", _shorten(record["public_summary"], 350))
    m.put("organization", _shorten(record["organisation"], 100))
    theme = DUTCH_THEME.get(record["domain"])
    if theme:
        m.registration["category"] = [theme]
    m.registration["status"] = DUTCH_STATUS.get(record["status"], "In ontwikkeling")
    month = (record.get("status_changed_on") or "")[:7]
    if record["status"] == "deployed" and month:
        m.registration["begin_date"] = month
    if record["status"] == "retired" and month:
        m.registration["end_date"] = month
    own, fallback = contact(record)
    m.put_or_derive("contact_email", own, fallback, contact_origin(record),
                    "Ni la fiche ni l'organisation n'ont d'adresse de contact publique.")
    m.registration["website"] = record["url"]
    m.registration["publication_category"] = dutch_publication_category(record)
    m.registration["url"] = record["json_url"]
    if record.get("purpose"):
        m.registration["goal"] = _shorten(_join(record["purpose"], record.get("citizen_benefit"),
                                                record.get("people_impact")), 2500)
    if record.get("proportionality"):
        m.registration["proportionality"] = _shorten(record["proportionality"], 2500)
    if record.get("human_oversight"):
        m.registration["human_intervention"] = _shorten(record["human_oversight"], 2500)
    risks = record.get("risks") or _join(*record.get("risk_reasons", []))
    if risks:
        m.registration["risks"] = _shorten(risks, 2500)
    if record.get("legal_basis"):
        m.registration["lawful_basis"] = _shorten(legal_text(record), 2500)
    if record.get("legal_basis") and record.get("legal_basis_url"):
        m.registration["lawful_basis_grouping"] = [{"title": _shorten(record["legal_basis"], 100),
                                                    "link": record["legal_basis_url"][:500]}]
    source_data = _join(record.get("input_data") or record.get("datasets_used"), record.get("connected_data_sources"))
    if source_data:
        m.registration["source_data"] = _shorten(source_data, 2500)
    m.registration["methods_and_models"] = _shorten(_join(record["technique_label"], record.get("model_name")), 5000)
    if record.get("vendor"):
        m.registration["provider"] = _shorten(record["vendor"], 200)
    m.put("lang", None, "La norme n'admet que le néerlandais (« nld ») ; nos fiches sont rédigées en français.")
    m.registration["source_id"] = str(record["id"])
    m.registration["tags"] = record["domain_label"]
    return m


# ---------------------------------------------------------------- Etalab inventory

ETALAB_AUTOMATION = {"none": "Aucune décision individuelle", "prepares": "Outil d'aide à la décision"}
ETALAB_SCOPE = {"citizens": "Externe", "agents": "Interne", "both": "Externe et interne"}


def to_etalab(record):
    """Return the record as an entry of Etalab's inventory of public algorithms (2021 fiche)."""
    m = Mapped({})
    m.put("nom_administration", record["organisation"])
    m.put_or_derive("direction_service", None, record.get("service"), FROM_SERVICE,
                    "Le service porteur n'est pas indiqué.")
    own, fallback = contact(record)
    m.put_or_derive("contact", own, fallback, contact_origin(record),
                    "Ni la fiche ni l'organisation n'ont d'adresse de contact publique.")
    m.put("date_mise_a_jour", record.get("updated_on"))
    m.put("nom_algorithme", record["name"])
    m.put("contexte", record["public_summary"])
    m.put("finalite", _join(record["purpose"], record.get("citizen_benefit")))
    m.put_or_derive("intervention_decision", record.get("decision_process"),
                    _join(record.get("agent_support"), record.get("human_oversight")), FROM_DECISION_ROLE,
                    "La place de l'algorithme dans la décision n'est pas décrite.")
    m.put("niveau_automatisation", ETALAB_AUTOMATION.get(record.get("decision_role")))
    m.put("fondements_juridiques", legal_text(record), "Le fondement juridique n'est pas indiqué dans la fiche.")
    m.registration["ressources_metier"] = record["url"]
    m.put_or_derive("nombre_decisions_par_an", record.get("decisions_per_year"),
                    0 if record.get("decision_role") == "none" else None,
                    "Rôle dans les décisions indiqué dans la fiche : aucune décision individuelle.",
                    "Le nombre de décisions préparées par an n'est pas indiqué.")
    m.put("portee_decision", ETALAB_SCOPE.get(record.get("people_affected")))
    m.put("public_concerne", _join(record.get("people_affected_label"), record.get("people_magnitude_label")))
    m.put_or_derive("donnees_traitees", record.get("input_data"), record.get("datasets_used"), FROM_DATASETS,
                    "Les données traitées ne sont pas décrites.")
    m.put("source_donnees", _join(record.get("data_origin_label"), record.get("connected_data_sources")),
          "L'origine des données et les sources connectées ne sont pas décrites.")
    m.put_or_derive("mode_collecte", record.get("data_collection"), record.get("data_access_label"),
                    "Accès aux données indiqué dans la fiche.", "Le mode de collecte des données n'est pas décrit.")
    technique = record["technique"]
    m.put("type_algorithme", "Apprentissage automatique" if technique in SELF_LEARNING
          else "Système de règles" if technique in NOT_LEARNING else None)
    m.put("operations", _join(record["technique_label"], record.get("model_name")))
    m.registration["ressources_fonctionnement"] = record["json_url"]
    return m


STANDARDS = {
    "eurocities": ("Algorithmic Transparency Standard (Eurocities)", EUROCITIES_VERSION, to_eurocities,
                   "eurocities-v0.3.1.schema.json"),
    "algoritmeregister": ("Algoritmeregister publicatiestandaard (Pays-Bas)", DUTCH_VERSION, to_dutch,
                          "algoritmeregister-v1.0.schema.json"),
    "etalab": ("Inventaire des principaux traitements algorithmiques (Etalab)", "2021", to_etalab,
               "etalab-inventaire-2021.schema.json"),
}


def required_fields(schema):
    """Return a schema's required keys: its `required` list, or the per-property flags v0.3.1 uses."""
    if "required" in schema and isinstance(schema["required"], list):
        return list(schema["required"])
    return [k for k, p in schema.get("properties", {}).items() if p.get("required") is True]
