"""An organisation's archive on the one runner (confiance.jobs): export to a file, import from one.

The export's file is kept with its job (Job.result_file) and downloaded from the job's page by
who may export the organisation (accounts.permissions, Action.EXPORT). The import writes in one
transaction: a failure or a cancel writes nothing.
"""

import json
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from confiance.accounts.models import Organisation
from confiance.jobs.runner import JobFailed, job_task, start
from confiance.portability.archive import ArchiveError, export_organisation, import_archive
from confiance.rules.permissions import Action


def archive_text(organisation, progress=None):
    """Return the archive of `organisation` as the JSON text `confiance export` writes."""
    return json.dumps(export_organisation(organisation, progress), ensure_ascii=False, indent=1, sort_keys=True)


def archive_file_name(organisation):
    return f"confiance-{organisation.slug}-{timezone.localdate():%Y-%m-%d}.json"


@job_task
def export_archive(progress, organisation_id):
    organisation = Organisation.objects.get(pk=organisation_id)
    text = archive_text(organisation, progress)
    progress.report(progress.job.total, message="Enregistrement du fichier…", force=True)
    progress.save_file(archive_file_name(organisation), (text + "\n").encode("utf-8"))
    progress.report(progress.job.total, message=f"Archive prête ({len(text.encode('utf-8')) // 1024 + 1} Ko).")


def start_export(organisation, person):
    return start(export_archive, kind="portability.export", label=f"Export de « {organisation.name} »",
                 organisation=organisation, started_by=person, action=Action.EXPORT,
                 organisation_id=organisation.pk)


def read_archive(data):
    """Return the archive in `data` (bytes); raise JobFailed with the French reason if it is unreadable."""
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise JobFailed(f"Le fichier n'est pas encodé en UTF-8 (octet illisible à la position {exc.start}) : "
                        "une archive Confiance est toujours en UTF-8. Rien n'a été écrit.") from None
    except json.JSONDecodeError as exc:
        raise JobFailed(f"Le fichier ne peut pas être lu comme du JSON : {exc}. Rien n'a été écrit.") from None


def restore(progress, archive, mapping):
    """Import `archive` reporting to `progress`; return the organisation restored (JobFailed if refused)."""
    try:
        organisation = import_archive(archive, mapping, progress=progress)
    except ArchiveError as exc:
        raise JobFailed(str(exc)) from None
    progress.report(progress.job.total, message=f"Organisation « {organisation.name} » restaurée.")
    return organisation


@job_task
def import_upload(progress, stored_name, mapping=None):
    """Import the archive uploaded to `stored_name` (storage), then remove the upload."""
    try:
        with default_storage.open(stored_name, "rb") as fh:
            archive = read_archive(fh.read())
        restore(progress, archive, mapping or {})
    finally:
        default_storage.delete(stored_name)
    return reverse("register:list")


def start_import(upload, mapping, person):
    """Keep the uploaded archive in storage and queue its import; return the Job (of the whole instance)."""
    stored = default_storage.save(f"jobs/imports/{secrets.token_urlsafe(12)}.json", ContentFile(upload.read()))
    return start(import_upload, kind="portability.import", label=f"Import de l'archive « {upload.name} »",
                 organisation=None, started_by=person, action=Action.ADMINISTER, stored_name=stored,
                 mapping=mapping)


@job_task
def write_archive(progress, organisation_id, output=None, stream=None):
    """Write the archive to the file `output`, or to `stream` (a command's standard output, in its own process)."""
    organisation = Organisation.objects.get(pk=organisation_id)
    text = archive_text(organisation, progress)
    progress.report(progress.job.total, message="Écriture du fichier…", force=True)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError as exc:
            raise JobFailed(f"Le fichier {output} ne peut pas être écrit ({exc.strerror or exc}).") from None
    else:
        stream.write(text)
    progress.report(progress.job.total, message=f"Archive écrite ({len(text.encode('utf-8')) // 1024 + 1} Ko).")


@job_task
def restore_archive(progress, archive, mapping=None):
    """Import `archive` (already read); the command `import` runs it in its own process."""
    restore(progress, archive, mapping or {})
    return reverse("register:list")
