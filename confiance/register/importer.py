"""Import AI systems into the register from the spreadsheets authorities already keep.

Reading the file and the rows is plain Python (confiance.rules.tabular,
confiance.rules.register_import); this module finds services and existing
records, validates each record as the register's form would, and writes.
Every row is checked first; the accepted ones are then saved as drafts in
batches (core.batches), each with a history entry naming the file, so others
keep writing during a long import; a record whose name is already in the
register is skipped, so importing the file again after a failure part-way
writes only what is missing. Saving a record runs its checks
(confiance.checks.signals).
"""

from django.core.exceptions import ValidationError

from confiance.core.batches import write_in_batches
from confiance.register.choices import DecisionRole, Domain, HostingCountry, Magnitude, PeopleAffected, Technique
from confiance.register.models import AISystem
from confiance.register.search import fold
from confiance.rules import register_import
from confiance.rules.import_report import ImportReport, Note
from confiance.rules.tabular import UnreadableFile, read_table

LABELS = {
    "domain": dict(Domain.choices), "technique": dict(Technique.choices), "hosting_country": dict(HostingCountry.choices),
    "people_affected": dict(PeopleAffected.choices), "people_magnitude": dict(Magnitude.choices),
    "decision_role": dict(DecisionRole.choices),
}


def _key(name):
    return " ".join(fold(name).split())


def _build(outcome, organisation, services, person, report):
    """Return an unsaved AISystem for an accepted row, or None after rejecting it with the model's reasons."""
    fields = dict(outcome.fields)
    service_name = fields.pop("service_name", "")
    note = fields.pop("import_note")
    service = services.get(_key(service_name)) if service_name else None
    if service_name and service is None:
        report.warnings.append(Note(outcome.line, "service", f"service « {service_name} » inconnu de l'organisation : "
                                                             "gardé dans la note."))
        note = f"Service : {service_name}\n{note}".strip()
    system = AISystem(organisation=organisation, service=service, owner=person, created_by=person, import_note=note,
                      **fields)
    try:
        system.full_clean(exclude=["owner", "created_by"])
    except ValidationError as error:
        report.rejected.append((outcome.line, outcome.label))
        for name, messages in error.message_dict.items():
            report.errors.extend(Note(outcome.line, name, message) for message in messages)
        return None
    return system


def import_systems(data, filename, organisation, person=None, dry_run=False):
    """Import the AI systems of a CSV, XLSX or ODS file into `organisation`'s register; return the ImportReport.

    A record whose name is already in the organisation's register is left as it
    is (importing the same file twice changes nothing). Nothing is written in a
    dry run or when the file cannot be read.
    """
    report = ImportReport(noun="système", dry_run=dry_run)
    try:
        table = read_table(data, filename)
    except UnreadableFile as exc:
        report.fatal = exc.message
        return report
    header = register_import.read_header(table.columns)
    layout = register_import.FORMATS.get(header.layout, "format non reconnu")
    report.source = f"{table.describe()} ; {layout}"
    report.warnings.extend(header.notes)
    existing = {_key(name) for name in AISystem.objects.filter(organisation=organisation).values_list("name", flat=True)}
    services = {_key(s.name): s for s in organisation.services.all()}
    seen, to_save = {}, []
    for line, row in table.rows:
        outcome = register_import.read_row(line, row, header, LABELS)
        report.add_row(outcome)
        if outcome.rejected:
            continue
        key = _key(outcome.fields["name"])
        if key in existing:
            report.unchanged.append(outcome.label)
            continue
        if key in seen:
            report.warnings.append(Note(line, "name", f"même nom que la ligne {seen[key]} : ligne ignorée."))
            continue
        seen[key] = line
        system = _build(outcome, organisation, services, person, report)
        if system is not None:
            report.created.append(outcome.label)
            to_save.append((line, system))
    if not dry_run:
        source = f"Importé de {filename[-40:]} ({header.layout or 'tableur'})"
        def write(chunk):
            for line, system in chunk:
                system._change_reason = f"{source}, ligne {line}"
                if person is not None:
                    system._history_user = person
                system.save()

        # In batches, so others write meanwhile; a rerun skips the names already there (idempotent by name).
        write_in_batches(to_save, write)
    return report
