"""Import and export the library in Les Interconnectés' CSV format (their Table Schema)."""

import csv
import io
import json
from dataclasses import dataclass, field
from importlib import resources

from django.utils import timezone
from django.utils.text import slugify

from confiance.accounts.models import Organisation
from confiance.library.models import SharedProject
from confiance.rules.library_interconnectes import fields_to_row, row_to_fields, validate_row

ORIGIN = "interconnectes"


def schema():
    """Return their Table Schema (confiance/library/schemas/interconnectes_IA-schema.json)."""
    text = resources.files("confiance.library").joinpath("schemas/interconnectes_IA-schema.json").read_text("utf-8")
    return json.loads(text)


def columns():
    return [f["name"] for f in schema()["fields"]]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (line, column, message)

    def lines(self):
        yield f"{self.created} projet(s) ajouté(s), {self.updated} mis à jour, {len(self.errors)} erreur(s)."
        for line, column, message in self.errors:
            yield f"ligne {line}, champ {column} : {message}"


def _read(text):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text), dialect=dialect)


def import_csv(text, person=None):
    """Load the valid rows of a CSV in their format; report each bad row with its line and field.

    Public fields go to tier 1, Restreint fields to tier 2, the resources URL to
    tier 3. Importing the same file again updates the same projects.
    """
    text = text.lstrip("\ufeff")
    table_schema = schema()
    report = ImportReport()
    reader = _read(text)
    known = set(columns())
    missing = [c for c in (f["name"] for f in table_schema["fields"] if f.get("constraints", {}).get("required"))
               if c not in (reader.fieldnames or [])]
    for column in missing:
        report.errors.append((1, column, "Colonne obligatoire absente de l'en-tête."))
    unknown = [c for c in (reader.fieldnames or []) if c and c not in known]
    for column in unknown:
        report.errors.append((1, column, "Colonne inconnue du schéma : ignorée."))
    for row in reader:
        line = reader.line_num
        errors = validate_row(row, table_schema)
        if errors:
            report.errors.extend((line, e.field, e.message) for e in errors)
            continue
        fields = row_to_fields(row, table_schema)
        origin_id = slugify(f"{fields['organisation_name']}-{fields['name']}")[:200]
        project = SharedProject.objects.filter(origin_instance=ORIGIN, origin_id=origin_id).first()
        created = project is None
        if created:
            project = SharedProject(origin_instance=ORIGIN, origin_id=origin_id, shared_by=person)
        for name, value in fields.items():
            setattr(project, name, value)
        siren = (fields["public_extra"].get("SIRET") or "").replace(" ", "")[:9]
        project.organisation = Organisation.objects.filter(siren=siren).first() if siren else None
        if project.organisation is not None:
            project.region = project.organisation.region
        project.sources = project.sources or "Fichier au format de la bibliothèque IA des Interconnectés"
        project.withdrawn = False
        project.updated_at = timezone.now()
        project._change_reason = f"Import Interconnectés, ligne {line}"
        project.save()
        if created:
            report.created += 1
        else:
            report.updated += 1
    return report


def export_csv(projects, tier):
    """Return the CSV of `projects` in their format, as read by a viewer of `tier`."""
    cols = columns()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    writer.writeheader()
    for project in projects:
        writer.writerow(fields_to_row(project.fields_for_tier(tier), int(tier), cols))
    return out.getvalue()
