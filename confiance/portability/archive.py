"""Export everything of an organisation, and restore it.

Réversibilité is a doctrine of Montpellier's strategy (seeds/001, "souveraineté
de la donnée"): the authority must be able to take all its data back. The
archive is a JSON document (docs/export-format.md): a header, then the objects
in Django's documented JSON serialisation, history included, primary keys kept
so that references and history stay exact. Password hashes and API tokens are
never exported: restored people set a new password.
"""

import json
import logging
import re
import time

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

import confiance
from confiance.accounts.models import Organisation, OrganisationGroup, Person
from confiance.core.batches import batch_size, let_writers_in
from confiance.portability import restore
from confiance.portability.registry import PORTABLE_MODELS

log = logging.getLogger(__name__)
FORMAT = "confiance-export"
FORMAT_VERSION = 1
# Django writes datetimes to the millisecond, and writes no fraction at all when the
# microseconds are zero: "…:39.000Z" (from 412 µs) comes back as "…:39Z". Writing the
# latter from the start makes an archive restore to the very same text.
WHOLE_SECOND = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.000(Z|[+-]\d\d:\d\d)?$")
PERSON_FIELDS = ["username", "first_name", "last_name", "email", "is_active", "is_staff", "date_joined"]


class ArchiveError(Exception):
    """The archive cannot be restored; the message says why, in French."""


def organisation_objects(organisation, progress=None):
    """Return, as {label: objects}, every object that belongs to `organisation`, history included.

    `progress(done, total, message)`, if given, is called once per kind of object read.
    """
    parts = {"groups": [organisation.group] if organisation.group else []}
    person_ids = set()
    for done, (model, portable) in enumerate(PORTABLE_MODELS.items()):
        if progress:
            progress(done, 2 * len(PORTABLE_MODELS), f"Lecture : {model._meta.verbose_name_plural}…")
        where = {portable.organisation_lookup: organisation.pk}
        objects = list(model.objects.filter(**where).order_by("pk"))
        history = []
        if hasattr(model, "history"):
            history = list(model.history.model.objects.filter(**where).order_by("history_id"))
        parts[model._meta.label_lower] = objects
        parts[f"{model._meta.label_lower} history"] = history
        for through in _history_m2m_models(model):
            history_where = {f"history__{portable.organisation_lookup}": organisation.pk}
            parts[through._meta.label_lower] = list(through.objects.filter(**history_where).order_by("pk"))
        for obj in [*objects, *history]:
            person_ids.update(_people_referenced(obj))
    parts["people"] = list(Person.objects.filter(pk__in=person_ids).order_by("pk"))
    return parts


def _history_m2m_models(model):
    """Yield the tables where django-simple-history keeps a model's past many-to-many values."""
    for field in model._meta.many_to_many:
        try:
            yield apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{field.name}")
        except LookupError:
            continue


def _people_referenced(obj):
    """Yield the ids of the people an object points to (owners, authors, history users)."""
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.related_model is Person:
            value = getattr(obj, field.attname)
            if value is not None:
                yield value


def export_organisation(organisation, progress=None):
    """Return the archive of `organisation` as a JSON-serialisable dict.

    `progress(done, total, message)`, if given, is called as the kinds of object are read, then written.
    """
    parts = organisation_objects(organisation, progress)
    objects = json.loads(serializers.serialize("json", parts.pop("people"), fields=PERSON_FIELDS))
    for done, items in enumerate(parts.values()):
        if progress:
            progress(len(PORTABLE_MODELS) + done * len(PORTABLE_MODELS) // len(parts), None,
                     None if done else "Écriture de l'archive…")
        objects.extend(json.loads(serializers.serialize("json", items)))
    for obj in objects:
        for name, value in obj["fields"].items():
            if isinstance(value, str) and WHOLE_SECOND.match(value):
                obj["fields"][name] = WHOLE_SECOND.sub(r"\1\2", value)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "software_version": confiance.__version__,
        "exported_at": timezone.now().isoformat(),
        "organisation": organisation.slug,
        "objects": objects,
    }


def import_archive(archive, mapping=None, progress=None):
    """Restore an archive; people and organisations are matched by natural key (portability.restore).

    The whole archive is validated first, then planned (who is who) and every
    object mapped; only then is it written, in batches (IMPORT_BATCH_SIZE objects,
    models in the order of their references), each in its own transaction, so
    that others keep reading and writing during a long restore. Every batch
    commits with its line in the restore's journal (RestoreJournal); after a
    failure part-way, restoring the same archive again resumes after the last
    written batch, with the same keys. `mapping` ({archive username: local
    username}) settles the people a report listed as conflicts. `progress(done, total, message)`, if
    given, is called after each batch; a cancelled job (an exception that is not an Exception) stops
    between batches, and the same archive restored again resumes there.
    """
    from confiance.portability.models import RestoreJournal

    total = len(archive.get("objects") or []) if isinstance(archive, dict) else 0
    if progress:
        progress(0, total, "Vérification de l'archive…")
    try:
        restore.validate(archive)
    except restore.RestoreRefused as exc:
        raise ArchiveError(str(exc)) from exc
    digest = restore.digest_of(archive)
    journal = RestoreJournal.objects.filter(digest=digest, finished_at__isnull=True).first()
    try:
        for _attempt in range(3):
            # Plan and map outside any transaction (reads only), then open the first batch: the journal, the
            # people and groups, the keys reserved. If someone took a key meanwhile, plan again.
            if journal is None:
                the_plan = restore.plan(archive, mapping)
                if the_plan.problems:
                    raise ArchiveError(str(restore.RestoreRefused(
                        "La restauration est arrêtée, rien n'a été écrit. Conflits à régler (option --map "
                        "ANCIEN=LOCAL) :", the_plan.problems)))
                remapper = restore.Remapper(archive, the_plan)
            else:
                remapper = restore.Remapper.resume(journal)
            remapper.map_people_and_groups(archive)
            rows = [remapper.object(o) for o in archive["objects"]
                    if o["model"] not in ("accounts.person", "accounts.organisationgroup")]
            remapper.missing += restore.dangling(rows, remapper)
            if remapper.missing:
                raise ArchiveError("L'archive n'a pas pu être restaurée, rien n'a été écrit : "
                                   + " ; ".join(sorted(set(remapper.missing))[:20]))
            batches = restore.batches(rows, batch_size())
            if journal is not None:
                break
            began = time.monotonic()
            with transaction.atomic():
                if restore.offsets_for(archive, the_plan) != remapper.shifts:
                    continue  # a key was taken since the plan: plan again
                journal = remapper.start_journal(archive, digest, len(batches))
                remapper.create_people_and_groups(archive)
                restore.reserve_keys(rows, remapper)
            log.info("restore: first batch (people, keys) in %.2f s", time.monotonic() - began)
            break
        else:
            raise ArchiveError("La restauration n'a pas commencé, rien n'a été écrit : des fiches sont créées ici "
                               "pendant qu'elle prépare les clés. Relancez-la.")
    except ArchiveError:
        raise
    except restore.RestoreRefused as exc:
        raise ArchiveError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - any failure means a broken archive
        raise ArchiveError(f"L'archive n'a pas pu être restaurée, rien n'a été écrit : {exc}") from exc
    for number in range(journal.batches_done, len(batches)):
        try:
            began = time.monotonic()
            with transaction.atomic():
                _write_batch(batches[number])
                RestoreJournal.objects.filter(pk=journal.pk).update(batches_done=number + 1)
            elapsed = time.monotonic() - began
            log.info("restore: batch %d/%d (%d objects) in %.2f s", number + 1, len(batches),
                     len(batches[number]), elapsed)
            if progress:
                progress(total * (number + 1) // len(batches), total, f"Écriture : lot {number + 1} sur {len(batches)}")
            let_writers_in(elapsed)
        except Exception as exc:  # noqa: BLE001 - the batches before stay written; the journal says where
            raise ArchiveError(
                f"La restauration s'est arrêtée au lot {number + 1} sur {len(batches)} ({exc}). Les lots "
                f"précédents sont écrits ; relancez la même commande avec la même archive pour reprendre "
                "là où elle s'est arrêtée.") from exc
    began = time.monotonic()
    with transaction.atomic():
        touched = {Person, OrganisationGroup} | {apps.get_model(row["model"]) for row in rows}
        _reset_sequences(touched)
        for model in touched:
            portable = PORTABLE_MODELS.get(model)
            if portable and portable.after_restore:
                keys = [row["pk"] for row in rows if apps.get_model(row["model"]) is model]
                portable.after_restore(list(model._default_manager.filter(pk__in=keys)))
        RestoreJournal.objects.filter(pk=journal.pk).update(finished_at=timezone.now())
    log.info("restore: last batch (sequences, indexes) in %.2f s", time.monotonic() - began)
    organisation_pk = remapper.ref(Organisation, next(
        o["pk"] for o in archive["objects"] if o["model"] == "accounts.organisation"))
    return Organisation.objects.get(pk=organisation_pk)


def _write_batch(rows):
    for item in serializers.deserialize("json", json.dumps(rows)):
        m2m_data = item.m2m_data  # save() forgets it
        item.save(save_m2m=False)
        _restore_m2m(item.object, m2m_data)


def _restore_m2m(obj, m2m_data):
    """Write many-to-many rows directly: setting them through the relation would fire
    m2m_changed, and the history would record a change that never happened."""
    for name, values in (m2m_data or {}).items():
        field = type(obj)._meta.get_field(name)
        through = field.remote_field.through
        through.objects.bulk_create(
            through(**{f"{field.m2m_field_name()}_id": obj.pk, f"{field.m2m_reverse_field_name()}_id": value})
            for value in values
        )


def _reset_sequences(models):
    """Move PostgreSQL's id sequences past the restored primary keys."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


__all__ = ["ArchiveError", "export_organisation", "import_archive"]
