"""Download the register as agents work with it: CSV, XLSX or ODS, with every field of the record.

The columns use the names of the public export (confiance.public.exports) for the
fields they share, so the file can be edited in a spreadsheet and imported back
(confiance.register.importer reads it as "Confiance's own export").
"""

from django.utils import timezone

from confiance.register.choices import Domain, Status, Technique
from confiance.register.forms import SYSTEM_FIELDS
from confiance.rules.tabular import write_csv, write_ods, write_xlsx

FIELDS = [f for f in SYSTEM_FIELDS if f not in ("service", "owner", "steward")]
COLUMNS = [
    "id", "name", "public_summary", "purpose", "citizen_benefit", "agent_support", "service", "domain", "domain_label",
    "technique", "technique_label", "status", "status_label", "owner", "steward", "vendor", "product", "model_name",
    "is_open_source", "licence", "hosting_country", "hosting_provider", "datasets_used", "personal_data",
    "sensitive_data", "minors_data", "offence_data", "people_affected", "people_magnitude", "citizen_facing",
    "decision_role", "human_oversight", "team_size", "team_women", "risk_class", "updated_on", "import_note",
]
FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", write_ods),
}
LABELS = {"domain": dict(Domain.choices), "technique": dict(Technique.choices), "status": dict(Status.choices)}


def _text(value):
    if isinstance(value, bool):
        return "oui" if value else "non"
    return "" if value is None else value


def row(system):
    """Return the export row of one record (a dict column -> value)."""
    values = {name: _text(getattr(system, name)) for name in FIELDS}
    result = getattr(system, "check_result", None)
    values.update(
        id=system.pk, service=system.service.name if system.service_id else "",
        domain_label=LABELS["domain"].get(system.domain, ""), technique_label=LABELS["technique"].get(system.technique, ""),
        status=system.status, status_label=LABELS["status"].get(system.status, ""),
        owner=system.owner.get_full_name() if system.owner_id else "",
        steward=system.steward.get_full_name() if system.steward_id else "",
        risk_class=result.risk_class if result else "", import_note=system.import_note,
        updated_on=timezone.localdate(system.updated_at).isoformat() if system.updated_at else "",
    )
    return values


def export(systems, fmt):
    """Return (content, content type) of `systems` in `fmt` ("csv", "xlsx" or "ods")."""
    content_type, writer = FORMATS[fmt]
    rows = [row(s) for s in systems.select_related("service", "owner", "steward", "check_result")]
    content = writer(COLUMNS, rows)
    return (content.encode("utf-8-sig") if fmt == "csv" else content), content_type
