"""Completeness of a record for each standard it is published in (issue #17).

Each standard's required fields come from its published schema, vendored in
the package (the three transparency standards in public/schemas/, Les
Interconnectés' Table Schema in library/schemas/); DCAT's are those of
confiance.rules.publication_standards.DCAT_REQUIRED. The record is mapped
exactly as the exports map it (public_record, then the standard's mapping),
so what the page says is missing is what the export declares missing.
"""

import json
from functools import cache
from importlib import resources

from django.db.models import Min, OuterRef, Subquery

from confiance.public import review_bridge
from confiance.public.exports import load_schema
from confiance.public.records import public_record
from confiance.register.models import AISystem
from confiance.rules import publication_standards, transparency_standards

# What to fill for a required field, when it is not a field of the record itself.
OTHER_PLACES = {
    "service": "Service (section « Qui en répond »)",
    "status": "Publication : le système doit être en expérimentation, déployé ou retiré",
    "questionnaire": "Questionnaire des contrôles (classe de risque du règlement sur l'IA)",
    "organisation_siret": "SIRET dans le profil public de l'organisation",
    "organisation_logo_url": "Logo dans le profil public de l'organisation",
    "organisation_kind": "Type de l'organisation",
}


@cache
def interconnectes_schema():
    text = resources.files("confiance.library").joinpath("schemas/interconnectes_IA-schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def required_by_standard():
    """Return {standard key: its required field names}, read once from the vendored schemas."""
    required = {key: transparency_standards.required_fields(load_schema(spec[3]))
                for key, spec in transparency_standards.STANDARDS.items()}
    required["interconnectes"] = [f["name"] for f in interconnectes_schema()["fields"]
                                  if f.get("constraints", {}).get("required")]
    required["dcat"] = list(publication_standards.DCAT_REQUIRED)
    return required


DCAT_LABELS = {
    "title": "Titre", "description": "Description", "publisher": "Éditeur", "contact_point": "Point de contact",
    "keyword": "Mot-clé", "theme": "Thème", "modified": "Date de modification", "issued": "Date de publication",
    "distribution": "Distribution",
}


@cache
def field_labels():
    """Return {standard key: {field: its label in the standard's own schema}}."""
    labels = {}
    for key, spec in transparency_standards.STANDARDS.items():
        props = load_schema(spec[3]).get("properties", {})
        labels[key] = {name: p.get("title") or p.get("name") or name for name, p in props.items()}
    labels["interconnectes"] = {f["name"]: (f.get("title") or f["name"]).strip()
                                for f in interconnectes_schema()["fields"]}
    labels["dcat"] = DCAT_LABELS
    return labels


def standards():
    """Return [(key, name)] in display order."""
    return [(key, publication_standards.NAMES[key][0]) for key in publication_standards.ORDER]


def fill_label(name):
    """Return where a steward fills `name`, in French."""
    if name in OTHER_PLACES:
        return OTHER_PLACES[name]
    try:
        return str(AISystem._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 - an unknown name is shown as is
        return name


def for_system(system):
    """Return the list of Completeness of one record, one per standard."""
    return publication_standards.record_completeness(public_record(system), required_by_standard())


def for_systems(systems):
    """Return {pk: [Completeness, ...]} for a list of records, read again in one query per 500 records."""
    required = required_by_standard()
    return {system.pk: publication_standards.record_completeness(record, required)
            for system, record in _records(systems)}


def complete_flags(systems, keys=None):
    """Return {pk: {standard key: complete?}} for a list of records, mapping only the standards in `keys`."""
    required = required_by_standard()
    keys = [k for k in publication_standards.ORDER if keys is None or k in keys]
    return {system.pk: {key: publication_standards.is_complete(key, record, required[key]) for key in keys}
            for system, record in _records(systems)}


def _records(systems):
    """Yield (system, public record) for `systems`, read in batches with what public_record needs."""
    pks = [getattr(system, "pk", system) for system in systems]  # records or their pks
    for start in range(0, len(pks), BATCH):
        for system in _annotated(pks[start:start + BATCH]):
            yield system, public_record(system, review=False, laws=False)  # no standard reads the principles


BATCH = 500


def _annotated(pks):
    """Return the records with what public_record reads, joined or annotated: first publication, next review."""
    systems = AISystem.objects.filter(pk__in=pks).select_related(
        "organisation__public_profile", "service", "check_result", "notice"
    ).annotate(first_published_at=Min("public_versions__published_at"))
    if review_bridge.available():
        reviews = review_bridge._model("YearlyReview").objects.filter(system=OuterRef("pk"), done_on__isnull=True)
        systems = systems.annotate(next_review_on=Subquery(reviews.order_by("due_on").values("due_on")[:1]))
    return systems


def as_dict(result):
    """Return a Completeness as plain data, with the standard's label of each field and where to fill it."""
    labels = field_labels().get(result.key, {})

    def row(item):
        return {"field": item.field, "label": labels.get(item.field, item.field), "reason": item.reason,
                "derived": item.derived, "fill": list(item.fill), "fill_labels": [fill_label(f) for f in item.fill]}
    return {"key": result.key, "name": result.name, "version": result.version, "required": result.required,
            "percent": result.percent, "complete": result.complete,
            "present": [row(i) for i in result.present], "missing": [row(i) for i in result.missing]}
