"""Import and export the library in Les Interconnectés' format (their Table Schema).

Reading and normalising the rows is plain Python (confiance.rules.tabular,
confiance.rules.library_import); this module looks projects up, compares and
writes them.
"""

import csv
import io
import json
import re
from importlib import resources

from django.utils.text import slugify

from confiance.accounts.models import Organisation
from confiance.core.batches import write_in_batches
from confiance.library import embeddings
from confiance.library.models import SharedProject
from confiance.library.search import deferred_indexing
from confiance.rules.import_report import ImportReport, Note
from confiance.rules.library_import import merge, read_header, read_row
from confiance.rules.library_interconnectes import fields_to_row
from confiance.rules.tabular import UnreadableFile, read_table

ORIGIN = "interconnectes"
SOURCE_NOTE = "Fichier au format de la bibliothèque IA des Interconnectés"


def schema():
    """Return their Table Schema (confiance/library/schemas/interconnectes_IA-schema.json)."""
    text = resources.files("confiance.library").joinpath("schemas/interconnectes_IA-schema.json").read_text("utf-8")
    return json.loads(text)


def columns():
    return [f["name"] for f in schema()["fields"]]


def _target(project, fields, header, person):
    """Return the values `project` must hold after the import (fields of absent columns left as they are)."""
    old = project.all_fields() if project.pk else {}
    values = merge(old, fields, header) if project.pk else dict(fields)
    siren = re.sub(r"\D", "", values["public_extra"].get("SIRET") or "")[:9]
    organisation = Organisation.objects.filter(siren=siren).first() if len(siren) == 9 else None
    values["organisation"] = organisation
    if organisation is not None:
        values["region"] = organisation.region
    values["sources"] = project.sources or SOURCE_NOTE
    values["withdrawn"] = False
    if project.pk is None:
        values["shared_by"] = person
    return values


def _differs(project, values):
    return project.pk is None or any(getattr(project, name) != value for name, value in values.items())


def import_file(data, filename="", person=None, dry_run=False):
    """Import a file in their format (CSV, XLSX or ODS bytes) and return the ImportReport.

    Every row is read and checked first; nothing is written when the file
    cannot be read, or in a dry run. The accepted rows are then written in batches
    (core.batches), each in its own transaction, so that others keep writing during
    a long import. Importing the same file again leaves every project as it is (no
    new version in its history): after a failure part-way, importing it again
    writes exactly what the failure left out.
    """
    report = ImportReport(noun="projet", dry_run=dry_run)
    try:
        table = read_table(data, filename)
    except UnreadableFile as exc:
        report.fatal = exc.message
        return report
    report.source = table.describe()
    table_schema = schema()
    header = read_header(table.columns, table_schema)
    report.warnings.extend(header.notes)
    accepted = {}
    for line, row in table.rows:
        outcome = read_row(line, row, header, table_schema)
        report.add_row(outcome)
        if outcome.rejected:
            continue
        origin_id = slugify(f"{outcome.fields['organisation_name']}-{outcome.fields['name']}")[:200]
        if origin_id in accepted:
            report.warnings.append(Note(line, "Nom_du_projet", f"même projet que la ligne {accepted[origin_id].line} : "
                                                               "la dernière ligne l'emporte."))
        accepted[origin_id] = outcome
    existing = {p.origin_id: p for p in SharedProject.objects.filter(origin_instance=ORIGIN, origin_id__in=list(accepted))}
    to_save = []
    for origin_id, outcome in accepted.items():
        project = existing.get(origin_id) or SharedProject(origin_instance=ORIGIN, origin_id=origin_id)
        values = _target(project, outcome.fields, header, person)
        if not _differs(project, values):
            report.unchanged.append(outcome.label)
            continue
        (report.updated if project.pk else report.created).append(outcome.label)
        old_text = embeddings.project_text(project)
        for name, value in values.items():
            setattr(project, name, value)
        embeddings.mark_stale(project, old_text)  # the embedding task, queued below, embeds it
        project._change_reason = f"Import Interconnectés, ligne {outcome.line}"
        to_save.append(project)
    if not dry_run:  # in batches, so others write meanwhile; a rerun after a failure skips what is written
        with embeddings.deferred():  # the embedding task, queued below, embeds them
            write_in_batches(to_save, _save_and_index)
        if to_save:
            from confiance.library.tasks import queue_embedding

            queue_embedding(person=person, reason="import Interconnectés")
    return report


def _save_and_index(projects):
    """Save one batch of projects and index them together, inside the batch's transaction."""
    with deferred_indexing():
        for project in projects:
            project.save()


def import_csv(text, person=None, dry_run=False):
    """Import CSV text in their format (see import_file)."""
    return import_file(text.encode("utf-8"), "import.csv", person, dry_run)


def export_csv(projects, tier):
    """Return the CSV of `projects` in their format, as read by a viewer of `tier`."""
    cols = columns()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    writer.writeheader()
    for project in projects:
        writer.writerow(fields_to_row(project.fields_for_tier(tier), int(tier), cols))
    return out.getvalue()
