"""Issue 15, finding 5: a restore is written in batches, each its own transaction, and a restore that
stops part-way resumes where it stopped, with the same keys, when the same archive is restored again."""

import json

import pytest
from django.core.management import call_command

from confiance.portability import archive as archive_module
from confiance.portability import restore
from confiance.portability.archive import ArchiveError, export_organisation, import_archive
from confiance.portability.models import RestoreJournal
from confiance.register.models import AISystem
from tests.factories import make_system

pytestmark = pytest.mark.django_db(transaction=True)


def _stable(archive):
    kept = {k: v for k, v in archive.items() if k != "exported_at"}
    return json.dumps(kept, sort_keys=True, indent=1, ensure_ascii=False).splitlines()


@pytest.fixture
def exported(cast):
    for i in range(12):
        make_system(cast.org, name=f"Système {i:02d}", owner=cast.agent)
    archive = export_organisation(cast.org)
    call_command("flush", interactive=False)
    return archive


def test_it_orders_batches_so_that_every_reference_is_written_first(exported):
    remapper = restore.Remapper(exported, restore.plan(exported))
    remapper.map_people_and_groups(exported)
    rows = [remapper.object(o) for o in exported["objects"]
            if o["model"] not in ("accounts.person", "accounts.organisationgroup")]
    batches = restore.batches(rows, 5)
    assert len(batches) > 5 and sum(len(b) for b in batches) == len(rows)
    first_batch_of = {}
    for number, batch in enumerate(batches):
        for row in batch:
            first_batch_of.setdefault(row["model"], number)
    assert first_batch_of["accounts.organisation"] < first_batch_of["accounts.service"] \
        < first_batch_of["register.aisystem"]


def test_it_resumes_a_restore_that_stopped_part_way_with_the_same_keys(exported, settings, monkeypatch):
    settings.IMPORT_BATCH_SIZE = 5
    written = []
    real = archive_module._write_batch

    def fail_on_the_fourth(rows):
        if len(written) == 3:
            raise OSError("disque plein")
        written.append(len(rows))
        real(rows)

    monkeypatch.setattr(archive_module, "_write_batch", fail_on_the_fourth)
    with pytest.raises(ArchiveError, match="lot 4 sur .*relancez la même commande"):
        import_archive(exported)
    journal = RestoreJournal.objects.get()
    assert journal.batches_done == 3 and journal.finished_at is None
    assert sum(written) > 0  # three batches are committed, and readable meanwhile

    monkeypatch.setattr(archive_module, "_write_batch", real)
    restored = import_archive(exported)  # the same archive: resumes at batch 4
    journal.refresh_from_db()
    assert journal.finished_at is not None and journal.batches_done == journal.batches_total
    assert _stable(export_organisation(restored)) == _stable(exported)
    assert AISystem.objects.filter(organisation=restored).count() == 13


def test_it_refuses_a_second_restore_once_the_first_has_finished(exported):
    import_archive(exported)
    with pytest.raises(ArchiveError, match="existe déjà"):
        import_archive(exported)
