"""Run a bias audit for a record and keep only its aggregates.

`run_bias_audit` is the one function the screens, the API and the command call;
a background job calls it the same way. The file is read in place (an upload is
audited where Django spooled it) and deleted afterwards when it was an upload:
no row of it is ever stored.
"""

import os
import tempfile

from django.conf import settings
from django.db import transaction

from confiance.audits.models import BiasAudit
from confiance.rules import bias as bias_rules
from confiance.rules.bias import AuditSpec, run_audit


def max_bytes():
    return int(settings.AUDIT_MAX_FILE_MB * 1024 * 1024)


def preflight(path, spec):
    """Check the file and the request at once (rules.bias.preflight) under the configured size limit."""
    return bias_rules.preflight(path, spec, max_bytes())


def spool_upload(uploaded):
    """Return (path, is_temporary) of an uploaded file on disk, writing it to a private temporary file if needed."""
    if hasattr(uploaded, "temporary_file_path"):
        return uploaded.temporary_file_path(), False  # Django already spooled it and deletes it after the request
    suffix = ".parquet" if uploaded.name.lower().endswith(".parquet") else ".csv"
    handle, path = tempfile.mkstemp(prefix="confiance-upload-", suffix=suffix)
    with os.fdopen(handle, "wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    return path, True


def attachment(target):
    """Return the BiasAudit fields that attach an audit to `target`, an AI system or a catalogue dataset."""
    if target._meta.label == "catalogue.Dataset":
        return {"dataset": target}
    return {"system": target}


def run_bias_audit(system, path, spec, person=None, file_name="", progress=None, delete_after=False):
    """Audit the file at `path` for `system` (an AI system or a dataset) and store the aggregates; return the BiasAudit.

    Raises BiasInputError or LegalBasisRequired (from the rules) before anything is
    stored. `progress(fraction, message)` is called as DuckDB reads the file.
    """
    try:
        report = run_audit(path, spec, progress=progress, max_bytes=max_bytes(),
                           memory_limit=settings.AUDIT_MEMORY_LIMIT)
    finally:
        if delete_after and os.path.exists(path):
            os.unlink(path)
    data = report.as_dict()
    with transaction.atomic():
        audit = BiasAudit(
            **attachment(system), organisation_id=system.organisation_id,
            file_name=(file_name or os.path.basename(path))[:255], source=data["source"],
            spec=data["spec"], legal_basis=spec.legal_basis, rows=report.rows, report=data, created_by=person,
        )
        audit._change_reason = "Audit des biais"
        audit.save()
    return audit


def spec_from(cleaned):
    """Return the AuditSpec of a bias audit form's (or the API's) cleaned data."""
    return AuditSpec(
        protected=tuple(cleaned["protected"]), outcome=cleaned.get("outcome") or "",
        outcome_favourable=cleaned.get("outcome_favourable") or "", prediction=cleaned.get("prediction") or "",
        prediction_favourable=cleaned.get("prediction_favourable") or "",
        prediction_threshold=cleaned.get("prediction_threshold"), reference=cleaned.get("reference") or {},
        min_group_size=cleaned.get("min_group_size") or 10, legal_basis=cleaned.get("legal_basis") or "",
        separator=cleaned.get("separator") or "",
    )
