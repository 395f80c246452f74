"""The bias audit as a background job on the project's one runner (confiance.jobs)."""

import os
import shutil
import tempfile
from dataclasses import asdict

from confiance.audits.bias import attachment, run_bias_audit
from confiance.jobs.runner import JobFailed, job_task, start
from confiance.rules import bias_law
from confiance.rules.bias import AuditSpec
from confiance.rules.bias_input import BiasInputError

SPOOL = os.path.join(tempfile.gettempdir(), "confiance-audits")


@job_task
def bias_audit(progress, system_id, path, spec, person_id=None, file_name="", delete_after=False, dataset_id=None):
    """Run the audit in the worker; report DuckDB's progress; fail with the French message of bad input.

    The audit is attached to the AI system `system_id`, or to the catalogue dataset `dataset_id`.
    """
    from confiance.accounts.models import Person
    from confiance.catalogue.models import Dataset
    from confiance.register.models import AISystem

    system = Dataset.objects.get(pk=dataset_id) if dataset_id else AISystem.objects.get(pk=system_id)
    person = Person.objects.filter(pk=person_id).first() if person_id else None
    progress.report(0, total=100, message="Ouverture du fichier")
    try:
        audit = run_bias_audit(system, path, AuditSpec(**spec), person, file_name, delete_after=delete_after,
                               progress=lambda fraction, message: progress.report(int(fraction * 100), message=message))
    except (BiasInputError, bias_law.LegalBasisRequired) as exc:
        raise JobFailed(f"{exc} Rien n'est enregistré.") from None
    return audit.get_absolute_url()


def keep_upload(path, name):
    """Move an upload out of the request's temporary files so the worker can read it; return the new path."""
    os.makedirs(SPOOL, mode=0o700, exist_ok=True)
    suffix = ".parquet" if name.lower().endswith(".parquet") else ".csv"
    handle, target = tempfile.mkstemp(prefix="upload-", suffix=suffix, dir=SPOOL)
    os.close(handle)
    shutil.move(path, target)
    return target


def start_bias_audit(system, path, spec, person=None, file_name="", delete_after=False):
    """Enqueue a bias audit of `path` for `system` (an AI system or a dataset); return the Job (its page shows the progress)."""
    target = {"dataset_id": system.pk} if "dataset" in attachment(system) else {"system_id": system.pk}
    return start(bias_audit, kind="audits.bias", label=f"Audit des biais de {file_name or os.path.basename(path)}",
                 organisation=system.organisation, started_by=person, **({"system_id": None} | target),
                 path=path, spec=_jsonable(asdict(spec)), person_id=getattr(person, "pk", None),
                 file_name=file_name or os.path.basename(path), delete_after=delete_after)


def _jsonable(spec):
    spec["protected"] = list(spec["protected"])
    return spec
