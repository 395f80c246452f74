"""Regression tests for finding 2 of issue 15: a restore maps people and organisations by natural key."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from confiance.accounts.models import Membership, Organisation, Person
from confiance.portability.archive import ArchiveError, export_organisation, import_archive
from confiance.register.models import AISystem
from tests.factories import make_organisation, make_person, make_system

pytestmark = pytest.mark.django_db(transaction=True)


def _archive_then_flush(cast):
    archive = json.loads(json.dumps(export_organisation(cast.org)))
    call_command("flush", interactive=False)
    return archive


def _busy_instance():
    """Another organisation whose people and records take the keys the archive used."""
    other = make_organisation(name="Ville Voisine", slug="ville-voisine", siren="217200018")
    intruders = [make_person(other, ["admin"], username=f"intrus{i}") for i in range(12)]
    systems = [make_system(other, name=f"Voisin {i}") for i in range(3)]
    return other, intruders, systems


def test_it_gives_roles_to_the_organisations_own_people_not_to_whoever_has_their_key(cast):
    archive = _archive_then_flush(cast)
    other, intruders, systems = _busy_instance()
    org = import_archive(archive)
    admins = Person.objects.filter(memberships__organisation=org, memberships__role="admin")
    assert [p.username for p in admins] == ["admin"]
    assert not Membership.objects.filter(organisation=org, person__in=intruders).exists()
    system = AISystem.objects.get(organisation=org, name="Collecte des déchets")
    assert system.owner.username == "agent"
    assert system.history.first().history_user is None or system.history.first().history_user.username == "agent"
    # The other organisation's records are untouched.
    assert sorted(AISystem.objects.filter(organisation=other).values_list("name", flat=True)) == [
        "Voisin 0", "Voisin 1", "Voisin 2"]
    assert not Person.objects.get(username="admin").has_usable_password()


def test_it_reuses_a_person_who_exists_with_the_same_details(cast):
    archive = _archive_then_flush(cast)
    other = make_organisation(name="Ville Voisine", slug="ville-voisine")
    dpo = next(o for o in archive["objects"] if o["model"] == "accounts.person" and o["fields"]["username"] == "dpo")
    same = make_person(other, ["agent"], username="dpo", email=dpo["fields"]["email"],
                       first_name=dpo["fields"]["first_name"], last_name=dpo["fields"]["last_name"])
    org = import_archive(archive)
    assert Membership.objects.get(organisation=org, role="dpo").person == same
    assert Person.objects.filter(username="dpo").count() == 1


def test_it_stops_on_a_person_with_other_details_and_lets_map_resolve_it(cast, tmp_path):
    archive = _archive_then_flush(cast)
    other = make_organisation(name="Ville Voisine", slug="ville-voisine")
    homonym = make_person(other, ["agent"], username="admin", email="quelquun.dautre@ville-voisine.fr")
    make_person(other, ["agent"], username="dpo.voisin", email=next(
        o["fields"]["email"] for o in archive["objects"]
        if o["model"] == "accounts.person" and o["fields"]["username"] == "dpo") or "x@y.fr")
    path = tmp_path / "org.json"
    path.write_text(json.dumps(archive), encoding="utf-8")
    with pytest.raises(CommandError) as stopped:
        call_command("import", str(path))
    report = str(stopped.value)
    assert "rien n'a été écrit" in report and "« admin »" in report and "--map" in report
    assert not Organisation.objects.filter(slug=cast.org.slug).exists()
    call_command("import", str(path), map=["admin=admin", "dpo=dpo.voisin"])
    org = Organisation.objects.get(slug=cast.org.slug)
    assert Membership.objects.get(organisation=org, role="admin").person == homonym


def test_it_stops_when_the_siren_already_exists(cast):
    cast.org.siren = "243400017"
    cast.org.save()
    archive = _archive_then_flush(cast)
    make_organisation(name="Même SIREN", slug="meme-siren", siren="243400017")
    with pytest.raises(ArchiveError, match="SIREN 243400017"):
        import_archive(archive)
    assert not Organisation.objects.filter(slug=cast.org.slug).exists()


@pytest.mark.parametrize("breakage, expected", [
    (lambda a: a.update(format="autre-chose"), "pas une archive Confiance"),
    (lambda a: a.update(format_version=99), "Version d'archive 99"),
    (lambda a: a["objects"].append({"model": "accounts.apitoken", "pk": 1, "fields": {}}), "type d'objet inconnu"),
    (lambda a: next(o for o in a["objects"] if o["model"] == "accounts.organisation")["fields"].update(kind="empire"),
     "'empire' non admise"),
    (lambda a: next(o for o in a["objects"] if o["model"] == "accounts.organisation")["fields"].update(
        website="javascript:alert(1)"), "http:// ou https:// seulement"),
    (lambda a: next(o for o in a["objects"] if o["model"] == "register.aisystem")["fields"].update(name=["x"]),
     r"\(register.aisystem, clé \d+\), champ « name »"),
])
def test_it_validates_the_whole_archive_before_writing_anything(cast, breakage, expected):
    archive = _archive_then_flush(cast)
    breakage(archive)
    with pytest.raises(ArchiveError, match=expected):
        import_archive(archive)
    assert not Organisation.objects.exists() and not Person.objects.exists()


def test_it_refuses_a_latin_1_file_in_french(cast, tmp_path):
    archive = _archive_then_flush(cast)
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(archive, ensure_ascii=False).encode("latin-1", errors="replace"))
    with pytest.raises(CommandError, match="pas encodé en UTF-8"):
        call_command("import", str(path))
    assert not Organisation.objects.exists()


def test_it_publishes_the_archive_schema(tmp_path):
    path = tmp_path / "schema.json"
    call_command("export", schema=True, output=str(path))
    schema = json.loads(path.read_text())
    assert schema["properties"]["format"] == {"const": "confiance-export"}
    assert "register.aisystem" in schema["$defs"] and "register.historicalaisystem" in schema["$defs"]
