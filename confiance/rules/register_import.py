"""Read an existing register kept in a spreadsheet: the formats authorities already use.

Four layouts are known, each by its column names (matched case-, accent- and
punctuation-insensitively, with the aliases people use):

- Etalab's inventory of the main algorithmic processings (guides.etalab.gouv.fr,
  fiche pratique of 11 February 2021: nom_algorithme, finalite, type_algorithme…);
- the Eurocities Algorithmic Transparency Standard v0.3.1 CSV template (name,
  description_short, goal, algorithm_type, methods_and_models…);
- the Dutch algorithm register's publication standard 1.0 (MinBZK, keys or their
  Dutch titles: Naam, Korte omschrijving, Doel en impact, Technische werking…);
- Confiance's own register export (confiance.public.exports.CSV_COLUMNS), in
  CSV, XLSX or ODS.

Each row becomes the fields of a draft `AISystem`. A column that maps to no field
is not dropped: its value goes, with the column's name, into the record's import
note; columns no layout knows are listed in the report. What Confiance computes
itself (risk class, DPIA, status, dates, labels, links) is not read back. A row
is rejected when it has no name, no description, a technique that cannot be
told, or says the system decides alone about people (RGPD art. 22, forbidden by
the register). No Django import here.
"""

import re
from dataclasses import dataclass, field

from confiance.rules import transparency_standards as std
from confiance.rules.import_report import Note, RowOutcome
from confiance.rules.library_text import fold

FORMATS = {
    "confiance": "Export du registre Confiance",
    "etalab": "Inventaire des traitements algorithmiques (Etalab)",
    "eurocities": "Norme de transparence algorithmique (Eurocities)",
    "dutch": "Norme de publication du registre néerlandais",
}

# Where a column's value goes: a field of the record, "service", "technique_text"
# (read to tell the technique, and kept in the note), "note" (kept in the note
# under the column's label), or "computed" (Confiance recomputes it: not read).
TEXT_FIELDS = ("name", "public_summary", "purpose", "citizen_benefit", "agent_support", "vendor", "product",
               "model_name", "licence", "hosting_provider", "datasets_used", "human_oversight")
CHOICE_FIELDS = ("domain", "technique", "hosting_country", "people_affected", "people_magnitude", "decision_role")
BOOLEAN_FIELDS = ("is_open_source", "personal_data", "sensitive_data", "minors_data", "offence_data",
                  "citizen_facing")
NUMBER_FIELDS = ("team_size", "team_women")

_CONFIANCE = {name: name for name in TEXT_FIELDS + CHOICE_FIELDS + BOOLEAN_FIELDS + NUMBER_FIELDS}
_CONFIANCE.update({"service": "service", "status": "note", "owner": "note", "steward": "note", "status_label": "note",
                   "contact_email": "note",
                   "import_note": "import_note", "note d'import": "import_note"})
_CONFIANCE.update(dict.fromkeys((
    "id", "uuid", "url", "organisation", "domain_label", "technique_label", "status_changed_on", "risk_class",
    "risk_class_label", "dpia_required", "dpia_recorded", "carbon_estimate_kg", "notice_published", "updated_on",
    "first_published_on"), "computed"))
_CONFIANCE.update({"nom": "name", "resume pour le public": "public_summary", "finalite": "purpose",
                   "domaine": "domain", "technique": "technique", "fournisseur": "vendor", "produit": "product",
                   "modele": "model_name", "donnees utilisees": "datasets_used", "controle humain": "human_oversight",
                   "donnees personnelles": "personal_data", "hebergeur": "hosting_provider"})

_ETALAB = {
    "nom_administration": "note", "nom de l'administration concernee": "note",
    "direction_service": "service", "direction/service porteur": "service",
    "contact": "note", "contact au sein de l'administration concernee": "note",
    "date_mise_a_jour": "note", "date de mise a jour des informations": "note",
    "nom_algorithme": "name", "nom de l'algorithme": "name",
    "contexte": "public_summary", "contexte global": "public_summary",
    "finalite": "purpose", "finalite de l'algorithme": "purpose",
    "intervention_decision": "human_oversight",
    "comment et quand l'algorithme intervient-il dans la prise de decision ?": "human_oversight",
    "niveau_automatisation": "decision_role", "niveau d'automatisation de la decision": "decision_role",
    "fondements_juridiques": "note", "ressources_metier": "note", "ressources_impact": "note",
    "ressources_fonctionnement": "note", "ressources connexes": "note",
    "nombre_decisions_par_an": "note", "nombre de decisions administratives prises par an": "note",
    "portee_decision": "people_affected", "portee de la decision": "people_affected",
    "public_concerne": "note", "public concerne par la decision": "note",
    "donnees_traitees": "datasets_used", "donnees traitees": "datasets_used",
    "source_donnees": "note", "source des donnees traitees": "note",
    "mode_collecte": "note", "mode de collecte des donnees traitees": "note",
    "type_algorithme": "technique", "type d'algorithme": "technique",
    "operations": "technique_text", "operations effectuees par l'algorithme": "technique_text",
}
_EUROCITIES = {
    "name": "name", "organization": "note", "department": "service", "contact_email": "note", "contact_name": "note",
    "contact_phone": "note", "description_short": "public_summary", "website": "note", "status": "note",
    "decision_making_process": "agent_support", "domain": "domain", "area": "note", "goal": "purpose",
    "impact": "citizen_benefit", "risks": "note", "risk_category": "note", "proportionality": "note",
    "lawful_basis": "note", "training_data": "datasets_used", "source_data": "datasets_used",
    "data_bias": "note", "connected_data_sources": "note", "algorithm_type": "technique",
    "methods_and_models": "technique_text", "human_intervention": "human_oversight",
    "objection_procedure": "note", "remark": "note", "description": "note", "keywords": "note",
    "product_information": "note", "codebase_url": "note", "documentation": "note", "performance": "note",
    "alternatives_considered": "note", "type": "note", "monitoring": "note", "rollback": "note",
    "dpia_description": "note", "dpia_url": "note", "aia_description": "note", "aia_url": "note",
    "publication_date": "computed", "last_change_date": "computed", "revision_date": "note", "revision_note": "note",
    "standard_version": "computed", "uuid": "computed", "lang": "computed", "country": "computed",
}
_DUTCH = {
    "naam": "name", "korte omschrijving": "public_summary", "organisatie": "note", "thema": "domain",
    "category": "domain", "status": "note", "begindatum": "note", "begin_date": "note", "einddatum": "note",
    "end_date": "note", "contactgegevens": "note", "link naar publiekspagina": "note",
    "publicatiecategorie": "note", "publication_category": "note", "link naar bronregistratie": "note",
    "doel en impact": "purpose", "goal": "purpose", "afwegingen": "note", "menselijke tussenkomst": "human_oversight",
    "human_intervention": "human_oversight", "risicobeheer": "note", "wettelijke basis": "note",
    "gegevens": "datasets_used", "technische werking": "technique_text", "leverancier": "vendor", "provider": "vendor",
    "link naar broncode": "note", "publiccode": "note", "taal": "computed", "versie publicatiestandaard": "computed",
    "bron-id": "note", "source_id": "note", "zoektermen": "note", "tags": "note", "algoritme-id": "note", "lars": "note",
    "impacttoetsen": "note", "toelichting op impacttoetsen": "note", "verwijzingen wettelijke basis": "note",
    "link naar verwerkingsregister": "note", "verwijzingen gegevensbronnen": "note",
}
LAYOUTS = {"confiance": _CONFIANCE, "etalab": _ETALAB, "eurocities": _EUROCITIES, "dutch": _DUTCH}


def header_key(text):
    """Return a column name folded: no accents or case, "_" and "-" as spaces, apostrophes straightened."""
    return re.sub(r"\s+", " ", fold(text).replace("’", "'").replace("_", " ")).strip()


_ALIASES = {fmt: {header_key(k): v for k, v in layout.items()} for fmt, layout in LAYOUTS.items()}

# Values: codes and labels of the register's choices come from the Django layer
# (`labels`); here are the other words each standard uses.
TECHNIQUE_WORDS = (  # searched in this order in free text, folded
    ("generative", ("generati", "llm", "grand modele de langage", "gpt", "chatbot", "agent conversationnel")),
    ("computer_vision", ("vision", "image", "camera", "video", "reconnaissance d'objet", "beeldherkenning")),
    ("speech_nlp", ("langage", "langue", "texte", "parole", "vocal", "nlp", "tal ", "speech", "taal")),
    ("deep_learning", ("reseau de neurones", "reseaux de neurones", "deep learning", "neural", "neuraal")),
    ("optimisation", ("optimisation", "optimization", "recherche operationnelle", "optimalisatie")),
    ("statistical_ml", ("apprentissage", "machine learning", "self-learning", "zelflerend", "regression",
                        "random forest", "statisti", "predicti", "classification", "gradient boosting", "xgboost")),
    ("rules", ("regle", "rule-based", "rule based", "arbre de decision", "bareme", "regelgebaseerd", "beslisregel")),
)
PEOPLE_AFFECTED = {"externe": "citizens", "interne": "agents", "externe et interne": "both"}
DECISION_ROLES = {"decision entierement automatisee": "decides_alone", "outil d'aide a la decision": "prepares",
                  "aucune decision individuelle": "none", "aide a la decision": "prepares"}
TRUE = {"oui", "o", "vrai", "true", "yes", "y", "1", "x", "ja"}
FALSE = {"non", "n", "faux", "false", "no", "0", "nee", ""}


def _reverse(mapping):
    out = {}
    for code, label in mapping.items():
        out.setdefault(fold(label), code)
    return out


EUROCITIES_DOMAINS = _reverse(std.EUROCITIES_DOMAIN)
DUTCH_THEMES = _reverse(std.DUTCH_THEME)


@dataclass
class Header:
    """The file's columns: where each goes, the layout recognised, and the unknown ones."""

    targets: dict = field(default_factory=dict)  # file column -> target
    layout: str = ""
    unknown: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def read_header(columns):
    """Match the file's columns to the known layouts; the layout with the most matches names the file."""
    scores = {fmt: sum(1 for c in columns if header_key(c) in aliases) for fmt, aliases in _ALIASES.items()}
    layout = max(scores, key=lambda f: scores[f])
    header = Header(layout=layout if scores[layout] else "")
    order = [layout] + [f for f in _ALIASES if f != layout]
    for column in columns:
        if not column:
            continue
        found = next((_ALIASES[f][header_key(column)] for f in order if header_key(column) in _ALIASES[f]), None)
        if found is None:
            header.unknown.append(column)
            found = "note"
        header.targets[column] = found
    if header.unknown:
        header.notes.append(Note(0, "", "colonnes inconnues, leurs valeurs vont dans la note de la fiche : "
                                 + ", ".join(f"« {c} »" for c in header.unknown)))
    return header


def _choice(value, choices, extra=None):
    """Return the code whose code or label equals `value` (folded), else from `extra`, else None."""
    wanted = fold(value).strip().rstrip(".")
    for code, label in choices.items():
        if wanted in (fold(code), fold(label)):
            return code
    return (extra or {}).get(wanted)


def technique_from(text):
    """Return the technique a free text describes, or None."""
    folded = " " + fold(text) + " "
    for code, words in TECHNIQUE_WORDS:
        if any(word in folded for word in words):
            return code
    return None


def _number(value):
    digits = re.sub(r"[\s\u00a0\u202f]", "", value)
    return int(digits) if re.fullmatch(r"\d{1,4}", digits) else None


def read_row(line, row, header, labels):
    """Return the RowOutcome of one row: the record's fields, its import note, its service's name.

    `labels` gives each choice field's {code: French label} (from the register's choices).
    """
    get = {}
    for column, target in header.targets.items():
        value = (row.get(column) or "").strip()
        if value:
            get.setdefault(target, []).append((column, value))
    name = " ".join(v for _, v in get.get("name", []))
    out = RowOutcome(line, name or f"ligne {line}")
    fields, note = {}, [v for _, v in get.get("import_note", [])]
    for column, value in get.get("note", []):
        note.append(f"{column} : {value}")
    for target in TEXT_FIELDS:
        if target in get:
            fields[target] = "\n\n".join(v for _, v in get[target])
    for target in ("name", "vendor", "product", "model_name", "hosting_provider"):
        if len(fields.get(target, "")) > 200:
            out.warn(target, "plus de 200 caractères : coupé, le texte entier est dans la note.")
            note.append(f"{target} (texte entier) : {fields[target]}")
            fields[target] = fields[target][:199] + "…"
    if len(fields.get("licence", "")) > 100:
        note.append(f"licence (texte entier) : {fields['licence']}")
        fields["licence"] = fields["licence"][:99] + "…"
    _read_choices(get, fields, out, note, labels)
    for target in BOOLEAN_FIELDS:
        for column, value in get.get(target, []):
            folded = fold(value)
            if folded in TRUE or folded in FALSE:
                fields[target] = folded in TRUE
                out.change(column, value, "oui" if fields[target] else "non")
            else:
                out.warn(column, f"« {value[:40]} » n'est ni oui ni non : gardé dans la note.")
                note.append(f"{column} : {value}")
    for target in NUMBER_FIELDS:
        for column, value in get.get(target, []):
            number = _number(value)
            if number is None:
                out.warn(column, f"« {value[:20]} » n'est pas un nombre entier : gardé dans la note.")
                note.append(f"{column} : {value}")
            else:
                fields[target] = number
    if "service" in get:
        fields["service_name"] = get["service"][0][1]
    _require(fields, out)
    fields["import_note"] = "\n".join(note)
    out.fields = fields
    return out


def _read_choices(get, fields, out, note, labels):
    extras = {"domain": {**EUROCITIES_DOMAINS, **DUTCH_THEMES}, "people_affected": PEOPLE_AFFECTED,
              "decision_role": DECISION_ROLES,
              "technique": {"systeme de regles": "rules", "apprentissage automatique": "statistical_ml",
                            "rule-based": "rules", "self-learning": "statistical_ml", "hybrid": "statistical_ml"}}
    for target in CHOICE_FIELDS:
        for column, value in get.get(target, []):
            code = _choice(value, labels.get(target, {}), extras.get(target))
            if code is None and target == "technique":
                code = technique_from(value)
            if code is None:
                out.warn(column, f"« {value[:60]} » hors de la liste : gardé dans la note.")
                note.append(f"{column} : {value}")
                continue
            if target == "technique" and fields.get("technique") and code == "statistical_ml":
                continue  # a precise technique read first wins over "self-learning"
            fields[target] = code
            label = labels.get(target, {}).get(code, code)
            if value not in (code, label):
                out.change(column, value, label)
    texts = [(c, v) for c, v in get.get("technique_text", [])]
    for column, value in texts:
        note.append(f"{column} : {value}")
    if texts and fields.get("technique") in (None, "statistical_ml"):
        guessed = technique_from(" ".join(v for _, v in texts))
        if guessed and guessed != fields.get("technique"):
            fields["technique"] = guessed
            out.warn(texts[0][0], f"technique déduite de ce texte : « {labels.get('technique', {}).get(guessed, guessed)} »"
                                  " ; à vérifier.")


def _require(fields, out):
    if not fields.get("name"):
        out.reject("name", "nom du système manquant : ligne rejetée.")
    summary, purpose = fields.get("public_summary", ""), fields.get("purpose", "")
    if not summary and not purpose:
        out.reject("public_summary", "ni résumé ni finalité : ligne rejetée (décrivez le système en une phrase).")
    elif not purpose:
        fields["purpose"] = summary
        out.warn("purpose", "finalité absente : reprise du résumé, à préciser.")
    elif not summary:
        fields["public_summary"] = purpose
        out.warn("public_summary", "résumé pour le public absent : repris de la finalité, à réécrire simplement.")
    if not fields.get("technique"):
        out.reject("technique", "technique introuvable (colonne technique, type d'algorithme ou description des "
                                "méthodes) : ligne rejetée.")
    if not fields.get("domain"):
        fields["domain"] = "other"
        out.warn("domain", "domaine absent ou inconnu : classé « Autre ».")
    if fields.get("decision_role") == "decides_alone":
        out.reject("decision_role", "le système décide seul à propos de personnes : le registre le refuse (RGPD "
                                    "art. 22, CRPA art. L311-3-1). Une personne doit prendre la décision.")
