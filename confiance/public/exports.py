"""The open exports of the public register: CSV, JSON, JSON-LD, the three standards and DCAT.

Every export is made from `public_record`, so it carries only whitelisted
fields. JSON follows schemas/register-v1.schema.json; each standard's export
is validated against that standard's schema, vendored in schemas/.
"""

import csv
import io
import json
from functools import cache
from pathlib import Path

import jsonschema
from django.urls import reverse
from django.utils import timezone

from confiance.checks.organisation_laws import OrganisationLaws
from confiance.public.records import absolute, public_record, public_systems
from confiance.rules import publication_standards, transparency_standards

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
REGISTER_SCHEMA = "register-v1.schema.json"

CSV_COLUMNS = [
    "id", "uuid", "url", "name", "public_summary", "purpose", "citizen_benefit", "agent_support",
    "organisation", "service", "domain", "domain_label", "technique", "technique_label", "status", "status_label",
    "status_changed_on", "vendor", "product", "model_name", "is_open_source", "licence", "hosting_country",
    "hosting_provider", "datasets_used", "personal_data", "sensitive_data", "minors_data", "offence_data",
    "people_affected", "people_magnitude", "citizen_facing", "decision_role", "human_oversight",
    "risk_class", "risk_class_label", "dpia_required", "dpia_recorded", "carbon_estimate_kg",
    "notice_published", "contact_email", "updated_on", "first_published_on",
    # Publication fields (issue #17)
    "legal_basis", "legal_basis_url", "deliberation", "proportionality", "decision_process", "people_impact", "risks",
    "use_type", "monitoring", "objection_procedure", "revision_on", "revision_reason", "connected_data_sources",
    "training_data", "input_data", "data_collection", "data_origin", "data_access", "implementation", "hosting_mode",
    "started_on", "decisions_per_year", "contact_email_from",
]


@cache
def load_schema(name):
    """Return a vendored schema by file name (read once, from the package, never from the network)."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def records_for(organisation):
    systems = public_systems(organisation).select_related("organisation__public_profile", "service", "check_result",
                                                         "notice").order_by("name", "pk")
    laws = OrganisationLaws()  # laws 7 to 9 read on the organisation once, as on each record's page (0020)
    return [public_record(s, laws=laws) for s in systems]


def register_json(organisation, records):
    return {
        "$schema": absolute(reverse("public:schema", kwargs={"name": REGISTER_SCHEMA})),
        "organisation": organisation.name,
        "siren": organisation.siren,
        "generated_at": timezone.now().isoformat(),
        "licence": "Licence Ouverte / Open Licence 2.0",
        "systems": records,
    }


def register_csv(records):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: ("" if record.get(k) is None else record.get(k)) for k in CSV_COLUMNS})
    return out.getvalue()


def register_spreadsheet(records, fmt):
    """Return the CSV's table as an XLSX or ODS workbook (bytes), for people who work in spreadsheets."""
    from confiance.rules.tabular import write_ods, write_xlsx

    rows = [{k: ("" if record.get(k) is None else record.get(k)) for k in CSV_COLUMNS} for record in records]
    return (write_xlsx if fmt == "xlsx" else write_ods)(CSV_COLUMNS, rows, title="Registre IA")


SCHEMA_ORG = "https://schema.org/"


def jsonld_context():
    vocab = absolute(reverse("public:schema", kwargs={"name": REGISTER_SCHEMA})) + "#"
    return {
        "@vocab": vocab,
        "schema": SCHEMA_ORG,
        "dct": "http://purl.org/dc/terms/",
        "name": "schema:name",
        "public_summary": "schema:description",
        "organisation": "schema:provider",
        "domain_label": "schema:applicationCategory",
        "vendor": "schema:creator",
        "licence": "schema:license",
        "url": {"@id": "schema:url", "@type": "@id"},
        "updated_on": {"@id": "dct:modified", "@type": "http://www.w3.org/2001/XMLSchema#date"},
        "first_published_on": {"@id": "dct:issued", "@type": "http://www.w3.org/2001/XMLSchema#date"},
        "uuid": "dct:identifier",
    }


def register_jsonld(organisation, records):
    graph = []
    for record in records:
        item = {k: v for k, v in record.items() if k not in ("laws", "review", "risk_reasons")}
        item["@id"] = record["url"]
        item["@type"] = "schema:SoftwareApplication"
        graph.append(item)
    register = {"@id": absolute(reverse("public:home", kwargs={"slug": organisation.slug})),
                "@type": "schema:Dataset", "name": f"Registre public des systèmes d'IA — {organisation.name}",
                "schema:hasPart": [{"@id": r["url"]} for r in records]}
    return {"@context": jsonld_context(), "@graph": [register, *graph]}


def standard_export(key, organisation, records):
    """Return the export in one standard: each registration and the required fields it lacks."""
    title, version, function, schema_name = transparency_standards.STANDARDS[key]
    return {
        "standard": {"name": title, "version": version,
                     "schema": absolute(reverse("public:schema", kwargs={"name": schema_name}))},
        "organisation": organisation.name,
        "generated_at": timezone.now().isoformat(),
        "note": "Quand notre registre ne contient pas un champ requis par la norme, il est omis et cité dans "
                "« missing_required » : il n'est jamais inventé. Un champ déduit d'une autre information de la fiche "
                "est cité dans « derived », avec ce dont il est déduit.",
        "items": [function(r).as_dict() for r in records],
    }


def interconnectes_csv(records):
    """Return the public records as a CSV in Les Interconnectés' library format (their columns, in order).

    Fields the record lacks stay empty; the record page and the API say which.
    """
    from confiance.public.completeness import interconnectes_schema

    columns = [f["name"] for f in interconnectes_schema()["fields"]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(publication_standards.to_interconnectes(record).registration)
    return out.getvalue()


def validation_errors(key, export):
    """Return the schema errors of each registration, not counting the required fields it declares missing."""
    schema = load_schema(transparency_standards.STANDARDS[key][3])
    errors = []
    for item in export["items"]:
        declared = {m["field"] for m in item["missing_required"]}
        strict = {**schema, "required": [f for f in transparency_standards.required_fields(schema) if f not in declared]}
        validator = jsonschema.Draft202012Validator(strict, format_checker=jsonschema.FormatChecker())
        errors += [f"{item['registration'].get('name', '?')}: {e.message}" for e in validator.iter_errors(
            item["registration"])]
    return errors


def dcat_graph(organisation):
    """Return an rdflib Graph describing the register as a DCAT-AP 3.0.0 catalogue (confiance.public.dcat)."""
    from confiance.public.dcat import dcat_graph as build

    return build(organisation, records_for(organisation))
