import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from confiance.accounts.models import Organisation, Person
from confiance.portability.archive import ArchiveError, export_organisation, import_archive
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db(transaction=True)


def _stable(archive):
    """Return the archive as sorted JSON lines, without its date, for a readable diff."""
    kept = {k: v for k, v in archive.items() if k != "exported_at"}
    return json.dumps(kept, sort_keys=True, indent=1, ensure_ascii=False).splitlines()


def test_it_restores_an_organisation_exactly(cast, tmp_path):
    cast.system.vendor = "Éditeur"
    cast.system._history_user = cast.steward
    cast.system.save()
    cast.system.set_status("under_review", reason="Soumis au comité")
    path = tmp_path / "org.json"
    call_command("export", cast.org.slug, output=str(path))
    first = json.loads(path.read_text())

    call_command("flush", interactive=False)
    assert not Organisation.objects.exists()
    call_command("import", str(path))

    restored = Organisation.objects.get(slug=cast.org.slug)
    assert _stable(export_organisation(restored)) == _stable(first)
    system = AISystem.objects.get(name="Collecte des déchets")
    assert system.status == "under_review" and system.history.count() == 3
    assert system.check_result.risk_class == "minimal" and system.law_outcomes.count() == 10
    assert system.history.filter(history_user__username="referent").exists()
    assert not Person.objects.get(username="referent").has_usable_password()


def test_it_never_exports_passwords_or_other_organisations(cast):
    text = json.dumps(export_organisation(cast.org))
    assert "pbkdf2" not in text and "password" not in text
    assert "etranger" not in text  # the other organisation's admin
    assert all(o["model"] != "accounts.apitoken" for o in json.loads(text)["objects"])


def test_it_refuses_to_restore_over_an_existing_organisation(cast):
    archive = export_organisation(cast.org)
    with pytest.raises(ArchiveError, match="existe déjà"):
        import_archive(archive)


def test_it_writes_nothing_from_a_broken_archive(cast):
    archive = export_organisation(cast.org)
    call_command("flush", interactive=False)
    system = next(o for o in archive["objects"] if o["model"] == "register.aisystem")
    system["fields"]["service"] = 999999  # a dangling reference
    with pytest.raises(ArchiveError):
        import_archive(archive)
    assert not Organisation.objects.exists() and not AISystem.objects.exists()


def test_it_says_in_french_what_is_wrong_with_a_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{pas du json")
    with pytest.raises(CommandError, match="JSON"):
        call_command("import", str(bad))
    bad.write_text(json.dumps({"format": "autre"}))
    with pytest.raises(CommandError, match="archive Confiance"):
        call_command("import", str(bad))
    with pytest.raises(CommandError, match="Aucune organisation"):
        call_command("export", "inconnue")


def test_it_writes_sub_millisecond_datetimes_as_they_will_come_back(cast):
    import datetime

    moment = datetime.datetime(2026, 3, 2, 10, 0, 5, 412, tzinfo=datetime.UTC)
    AISystem.objects.filter(pk=cast.system.pk).update(created_at=moment)
    archive = export_organisation(cast.org)
    system = next(o for o in archive["objects"] if o["model"] == "register.aisystem")
    assert system["fields"]["created_at"] == "2026-03-02T10:00:05Z"
